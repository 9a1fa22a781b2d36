package th.integrity.stats.projection;

import static th.integrity.stats.projection.ComplaintEventReader.MAX_CODE_LENGTH;
import static th.integrity.stats.projection.ComplaintEventReader.agency;
import static th.integrity.stats.projection.ComplaintEventReader.data;
import static th.integrity.stats.projection.ComplaintEventReader.optionalInstant;
import static th.integrity.stats.projection.ComplaintEventReader.optionalText;
import static th.integrity.stats.projection.ComplaintEventReader.text;
import static th.integrity.stats.projection.ComplaintEventReader.version;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.calendar.FiscalYear;

/** Reads the CloudEvents JSON of {@code gifts.v1}; strict about the facts the statistics count, lenient otherwise. */
@Component
public class GiftEventReader {

    public static final String DECLARED = "gift.declared.v1";
    public static final String DECIDED = "gift.decided.v1";
    public static final String NIL_RETURN = "gift.nil-return.v1";
    public static final Set<String> TYPES = Set.of(DECLARED, DECIDED, NIL_RETURN);

    private final JsonMapper json;

    public GiftEventReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * @return the event, or {@code null} for a type this projection does not handle
     * @throws InvalidEventException when the record is not a valid event of a handled type
     */
    public GiftEvent read(String value) {
        var envelope = ComplaintEventReader.envelope(json, value);
        if (!TYPES.contains(envelope.type())) {
            return null;
        }
        JsonNode data = data(envelope.root());
        String agency = agency(data);
        int fiscalYear = fiscalYear(data);
        if (NIL_RETURN.equals(envelope.type())) {
            String round = text(data, "round", 8);
            if (!round.equals("H1") && !round.equals("FY")) {
                throw new InvalidEventException("round must be H1 or FY, was " + round);
            }
            return new GiftEvent(envelope.id(), envelope.type(), envelope.time(), null,
                    new GiftEvent.NilReturn(agency, text(data, "nilReturnId", MAX_CODE_LENGTH), fiscalYear, round,
                            optionalInstant(data, "filedAt")), envelope.traceparent(), envelope.tracestate());
        }
        String half = text(data, "half", 8);
        if (!half.equals("H1") && !half.equals("H2")) {
            throw new InvalidEventException("half must be H1 or H2, was " + half);
        }
        JsonNode late = data.get("declaredLate");
        var declaration = new GiftEvent.Declaration(agency,
                text(data, "declarationId", MAX_CODE_LENGTH),
                optionalText(data, "supersedes"),
                version(data),
                fiscalYear,
                half,
                date(data, "offeredOn", true),
                optionalText(data, "kind"),
                optionalText(data, "relation"),
                optionalText(data, "disposition"),
                optionalText(data, "valueBand"),
                optionalText(data, "ruleOutcome"),
                late != null && late.isBoolean() && late.asBoolean(),
                date(data, "decisionDueOn", false),
                optionalText(data, "decision"),
                optionalInstant(data, "decidedAt"));
        return new GiftEvent(envelope.id(), envelope.type(), envelope.time(), declaration, null,
                envelope.traceparent(), envelope.tracestate());
    }

    private static int fiscalYear(JsonNode data) {
        JsonNode value = data.get("fiscalYear");
        if (value == null || !value.isIntegralNumber() || value.asLong() < FiscalYear.MIN
                || value.asLong() > FiscalYear.MAX) {
            throw new InvalidEventException("fiscalYear is missing or not a Buddhist-Era year");
        }
        return value.asInt();
    }

    private static LocalDate date(JsonNode data, String field, boolean required) {
        String text = required ? text(data, field, 32) : optionalText(data, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an ISO date: " + text, e);
        }
    }
}
