package th.integrity.stats.projection;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the CloudEvents 1.0 JSON of {@code complaints.v1} (docs/events.md; the golden files in
 * {@code contracts/complaints.v1/} are its examples). A record of a type of this contract is bound into
 * {@link Data} and validated, and must come from complaints-service's source for its agency; anything less is an
 * {@link InvalidEventException}. Lenient about the rest (extension attributes and fields added to {@code data}
 * later are ignored), so a producer can grow its events without breaking this consumer.
 */
@Component
public class ComplaintEventReader {

    public static final String SUBMITTED = "complaint.submitted.v1";
    public static final String STATUS_CHANGED = "complaint.status-changed.v1";
    public static final String UPDATED = "complaint.updated.v1";
    /** The event types of {@code complaints.v1}: every one carries the case's full snapshot. */
    public static final Set<String> TYPES = Set.of(SUBMITTED, STATUS_CHANGED, UPDATED);

    /** The service part of the producer's source, {@code /agencies/{agency}/complaints}. */
    static final String PRODUCER = "complaints";

    /** Types that claim to be of this contract version: one of them outside {@link #TYPES} is invalid. */
    private static final Pattern CLAIMS_V1 = Pattern.compile("complaint\\..+\\.v1");

    /** Agency codes end up in document ids ({@code agency:caseId}) and URLs: no colon, no spaces. */
    public static final Pattern AGENCY = Pattern.compile(EventBinder.AGENCY);

    private final EventBinder binder;

    public ComplaintEventReader(JsonMapper json, Validator validator) {
        this.binder = new EventBinder(json, validator);
    }

    /** Whether {@code type} is a complaint event of contract version 1. */
    public static boolean isComplaintV1(String type) {
        return TYPES.contains(type);
    }

    /**
     * @return the envelope's {@code type} and, for a {@code complaints.v1} event, the parsed event; {@code null}
     *         for a type of another contract or version (another producer's, or one this consumer does not know
     *         yet: docs/operations.md, "Upgrade order")
     * @throws InvalidEventException when the value is not a valid CloudEvent, or is a {@code complaint.*.v1}
     *         event that is not one of {@link #TYPES}, not from the producer's source, or lacks a required fact
     */
    public Read read(String value) {
        EventBinder.Envelope envelope = binder.envelope(value);
        String type = envelope.type();
        String traceparent = envelope.traceContext(envelope.traceparent());
        String tracestate = envelope.traceContext(envelope.tracestate());
        if (!EventBinder.ofContract(type, TYPES, CLAIMS_V1, "complaints.v1")) {
            return new Read(type, null, traceparent, tracestate);
        }
        Data data = binder.data(envelope, Data.class, PRODUCER);
        var snapshot = new ComplaintEvent.Snapshot(data.agency(), data.caseId(), data.channel(), data.category(),
                data.division(), data.receivedAt(), data.status(), data.version(), data.subcategory(),
                data.reporterStanding(), data.statusChangedAt(), data.concludedAt(), data.closureReason(),
                data.dueAt(), data.caseNumber(), data.referredTo(), data.referredAt());
        return new Read(type, new ComplaintEvent(envelope.id(), type, envelope.time(), snapshot), traceparent,
                tracestate);
    }

    /**
     * {@code data} of every {@code complaints.v1} event as the contract defines it. The walking-skeleton events
     * carried only the {@code @NotNull} facts; the others may be absent or {@code null}.
     */
    record Data(
            @NotBlank @Size(max = 64) @jakarta.validation.constraints.Pattern(regexp = EventBinder.AGENCY)
            String agency,
            @NotBlank @Size(max = EventBinder.MAX_CODE_LENGTH) String caseId,
            @NotNull @Positive Long version,
            @NotBlank @Size(max = EventBinder.MAX_CODE_LENGTH) String channel,
            @NotBlank @Size(max = EventBinder.MAX_CODE_LENGTH) String category,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String subcategory,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String division,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String reporterStanding,
            @NotNull Instant receivedAt,
            @NotBlank @Size(max = EventBinder.MAX_CODE_LENGTH) String status,
            Instant statusChangedAt,
            Instant concludedAt,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String closureReason,
            Instant dueAt,
            // What the executive report prints: the producer's shape only (prefix, sequence, fiscal year).
            @Size(max = 64) @jakarta.validation.constraints.Pattern(regexp = CASE_NUMBER) String caseNumber,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String referredTo,
            Instant referredAt) implements EventBinder.AgencyData {

        /** A prefix of letters (and dots, hyphens, digits of an agency code), a space, the sequence, /, the year. */
        static final String CASE_NUMBER = "^[\\p{L}\\p{M}\\p{Nd}.-]{1,40} \\d{4,9}/\\d{4}$";
    }

    /**
     * @param type        the envelope's type
     * @param event       the event, or {@code null} when the type is not one this projection handles
     * @param traceparent the W3C trace context of the request that caused the event, or {@code null}
     * @param tracestate  its vendor state, or {@code null}
     */
    public record Read(String type, ComplaintEvent event, String traceparent, String tracestate) {

        public Read(String type, ComplaintEvent event) {
            this(type, event, null, null);
        }
    }
}
