package th.integrity.platform.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. Every event a service publishes is one of
 * these; {@code data} carries only the facts consumers need (never identities or free text).
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** A new event with a fresh id; {@code source} is {@code /agencies/{agency}/{service}}. */
    public static CloudEvent of(String source, String type, String subject, Instant time, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, time, JSON, data);
    }

    public static String source(String agency, String service) {
        return "/agencies/" + agency + "/" + service;
    }
}
