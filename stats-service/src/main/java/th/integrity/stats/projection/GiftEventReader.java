package th.integrity.stats.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.calendar.FiscalYear;

/**
 * Reads the CloudEvents JSON of {@code gifts.v1} (docs/events.md; examples in {@code contracts/gifts.v1/}): bound
 * into {@link Declared} or {@link NilReturnFiled} and validated, from gifts-service's source for the agency;
 * strict about the facts the statistics count, lenient otherwise.
 */
@Component
public class GiftEventReader {

    public static final String DECLARED = "gift.declared.v1";
    public static final String DECIDED = "gift.decided.v1";
    public static final String NIL_RETURN = "gift.nil-return.v1";
    public static final Set<String> TYPES = Set.of(DECLARED, DECIDED, NIL_RETURN);

    /** The service part of the producer's source, {@code /agencies/{agency}/gifts}. */
    static final String PRODUCER = "gifts";

    /** Types that claim to be of this contract version: one of them outside {@link #TYPES} is invalid. */
    private static final Pattern CLAIMS_V1 = Pattern.compile("gift\\..+\\.v1");

    private final EventBinder binder;

    public GiftEventReader(JsonMapper json, Validator validator) {
        this.binder = new EventBinder(json, validator);
    }

    /**
     * @return the event, or {@code null} for a type of another contract or version
     * @throws InvalidEventException when the record is not a valid CloudEvent, or is a {@code gift.*.v1} event that
     *         is not one of {@link #TYPES}, not from the producer's source, or lacks a fact the statistics count
     */
    public GiftEvent read(String value) {
        EventBinder.Envelope envelope = binder.envelope(value);
        String type = envelope.type();
        if (!EventBinder.ofContract(type, TYPES, CLAIMS_V1, "gifts.v1")) {
            return null;
        }
        String traceparent = envelope.traceContext(envelope.traceparent());
        String tracestate = envelope.traceContext(envelope.tracestate());
        if (NIL_RETURN.equals(type)) {
            NilReturnFiled data = binder.data(envelope, NilReturnFiled.class, PRODUCER);
            return new GiftEvent(envelope.id(), type, envelope.time(), null,
                    new GiftEvent.NilReturn(data.agency(), data.nilReturnId(), data.fiscalYear(), data.round(),
                            data.filedAt()), traceparent, tracestate);
        }
        Declared data = binder.data(envelope, Declared.class, PRODUCER);
        var declaration = new GiftEvent.Declaration(data.agency(), data.declarationId(), data.supersedes(),
                data.version(), data.fiscalYear(), data.half(), data.offeredOn(), data.kind(), data.relation(),
                data.disposition(), data.valueBand(), data.ruleOutcome(), Boolean.TRUE.equals(data.declaredLate()),
                data.decisionDueOn(), data.decision(), data.decidedAt());
        return new GiftEvent(envelope.id(), type, envelope.time(), declaration, null, traceparent, tracestate);
    }

    /** {@code data} of {@code gift.declared.v1} and {@code gift.decided.v1}: a snapshot of the declaration. */
    record Declared(
            @NotBlank @Size(max = 64) @jakarta.validation.constraints.Pattern(regexp = EventBinder.AGENCY)
            String agency,
            @NotBlank @Size(max = EventBinder.MAX_CODE_LENGTH) String declarationId,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String supersedes,
            @NotNull @Positive Long version,
            @NotNull @Min(FiscalYear.MIN) @Max(FiscalYear.MAX) Integer fiscalYear,
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "H1|H2") String half,
            @NotNull LocalDate offeredOn,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String kind,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String relation,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String disposition,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String valueBand,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String ruleOutcome,
            Boolean declaredLate,
            LocalDate decisionDueOn,
            @Size(max = EventBinder.MAX_CODE_LENGTH)
            @jakarta.validation.constraints.Pattern(regexp = EventBinder.NOT_BLANK) String decision,
            Instant decidedAt) implements EventBinder.AgencyData {
    }

    /** {@code data} of {@code gift.nil-return.v1}: no staff identity. */
    record NilReturnFiled(
            @NotBlank @Size(max = 64) @jakarta.validation.constraints.Pattern(regexp = EventBinder.AGENCY)
            String agency,
            @NotBlank @Size(max = EventBinder.MAX_CODE_LENGTH) String nilReturnId,
            @NotNull @Min(FiscalYear.MIN) @Max(FiscalYear.MAX) Integer fiscalYear,
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "H1|FY") String round,
            Instant filedAt) implements EventBinder.AgencyData {
    }
}
