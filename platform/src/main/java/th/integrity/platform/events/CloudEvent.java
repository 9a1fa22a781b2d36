package th.integrity.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. Every event a service publishes is one of
 * these; {@code data} carries only the facts consumers need (never identities or free text).
 *
 * <p>{@code traceparent} and {@code tracestate} are the CloudEvents distributed-tracing extension: the W3C trace
 * context of the request that caused the event, so a consumer continues that trace (docs/events.md). Both are
 * omitted from the JSON when absent (tracing off, or an event made outside a request).
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent,
        @JsonInclude(JsonInclude.Include.NON_NULL) String tracestate) {

    /** An event without trace context: the envelope as it was before the tracing extension. */
    public CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
            String datacontenttype, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, data, null, null);
    }

    /** This event carrying the given W3C trace context ({@code null} for none). */
    public CloudEvent withTrace(String traceparent, String tracestate) {
        return new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, data, traceparent,
                tracestate == null || tracestate.isEmpty() ? null : tracestate);
    }

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
