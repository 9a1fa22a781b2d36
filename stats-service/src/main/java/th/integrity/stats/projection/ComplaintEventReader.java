package th.integrity.stats.projection;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the CloudEvents 1.0 JSON of {@code complaints.v1}. Strict about what the statistics rely on, lenient
 * about the rest (extension attributes and fields added to {@code data} later are ignored), so a producer can
 * grow its events without breaking this consumer.
 */
@Component
public class ComplaintEventReader {

    /** Event types this projection understands: every complaint event of contract version 1. */
    static final Pattern COMPLAINT_V1 = Pattern.compile("complaint\\.[a-z0-9_.-]+\\.v1");

    /** Agency codes end up in document ids ({@code agency:caseId}) and URLs: no colon, no spaces. */
    public static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static final int MAX_CODE_LENGTH = 128;

    private final JsonMapper json;

    public ComplaintEventReader(JsonMapper json) {
        this.json = json;
    }

    /** Whether {@code type} is a complaint event of contract version 1. */
    public static boolean isComplaintV1(String type) {
        return type != null && COMPLAINT_V1.matcher(type).matches();
    }

    /**
     * @return the envelope's {@code type} and, for a {@code complaint.*.v1} event, the parsed event
     * @throws InvalidEventException when the value is not a valid CloudEvent or lacks a required fact
     */
    public Read read(String value) {
        Envelope envelope = envelope(json, value);
        JsonNode root = envelope.root();
        String id = envelope.id();
        String type = envelope.type();
        if (!isComplaintV1(type)) {
            return new Read(type, null, envelope.traceparent(), envelope.tracestate());
        }
        Instant time = envelope.time();
        JsonNode data = data(root);
        String agency = agency(data);
        var snapshot = new ComplaintEvent.Snapshot(
                agency,
                text(data, "caseId", MAX_CODE_LENGTH),
                text(data, "channel", MAX_CODE_LENGTH),
                text(data, "category", MAX_CODE_LENGTH),
                optionalText(data, "division"),
                instant(data, "receivedAt"),
                text(data, "status", MAX_CODE_LENGTH),
                version(data),
                optionalText(data, "subcategory"),
                optionalText(data, "reporterStanding"),
                optionalInstant(data, "statusChangedAt"),
                optionalInstant(data, "concludedAt"),
                optionalText(data, "closureReason"),
                optionalInstant(data, "dueAt"));
        return new Read(type, new ComplaintEvent(id, type, time, snapshot), envelope.traceparent(),
                envelope.tracestate());
    }

    /**
     * The CloudEvents attributes every consumer checks, the parsed tree, and the distributed-tracing extension
     * ({@code null} when absent or not a string of sane length: trace context never makes an event invalid).
     */
    record Envelope(JsonNode root, String id, String type, Instant time, String traceparent, String tracestate) {
    }

    /** Parses and checks the CloudEvents 1.0 envelope (specversion, id, type, source). */
    static Envelope envelope(JsonMapper json, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        String specversion = text(root, "specversion", 16);
        if (!"1.0".equals(specversion)) {
            throw new InvalidEventException("specversion must be 1.0, was " + specversion);
        }
        String id = text(root, "id", 256);
        String type = text(root, "type", 256);
        text(root, "source", 1024);
        Instant time = root.hasNonNull("time") ? instant(root, "time") : null;
        return new Envelope(root, id, type, time, traceContext(root, "traceparent"), traceContext(root, "tracestate"));
    }

    /** W3C limits: a traceparent is 55 characters, a tracestate at most 32 members of 256. */
    private static String traceContext(JsonNode root, String attribute) {
        JsonNode value = root.get(attribute);
        return value != null && value.isString() && value.asString().length() <= 8192 ? value.asString() : null;
    }

    static JsonNode data(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("data must be a JSON object");
        }
        return data;
    }

    static String agency(JsonNode data) {
        String agency = text(data, "agency", 64);
        if (!AGENCY.matcher(agency).matches()) {
            throw new InvalidEventException("data.agency is not an agency code: " + agency);
        }
        return agency;
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

    static String text(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new InvalidEventException(field + " is missing or not a non-empty string");
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            throw new InvalidEventException(field + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(node, field, MAX_CODE_LENGTH);
    }

    static Instant optionalInstant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : instant(node, field);
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field, 64);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an ISO-8601 instant: " + text, e);
        }
    }

    static long version(JsonNode data) {
        JsonNode value = data.get("version");
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
            throw new InvalidEventException("version is missing or not a positive integer");
        }
        return value.asLong();
    }
}
