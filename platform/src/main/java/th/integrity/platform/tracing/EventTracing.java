package th.integrity.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import th.integrity.platform.events.CloudEvent;

/**
 * Carries a trace across Kafka inside the event itself (the CloudEvents distributed-tracing extension), so one
 * filing can be followed from the gateway to the statistics table it lands in. The outbox stamps the trace of
 * the request that wrote the event; a consumer continues it around its work on that event. Only the W3C
 * {@code traceparent}/{@code tracestate} travel: ids and flags, never anything about the request or the reporter.
 * Without a tracer (tracing off) both directions do nothing.
 */
public class EventTracing {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** The span attribute naming the event type (a code such as {@code complaint.submitted.v1}). */
    public static final String EVENT_TYPE = "integrity.event.type";

    /** Does nothing: for code and tests that run without a tracer. */
    public static final EventTracing NONE = new EventTracing(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        boolean usable = tracer != null && propagator != null && tracer != Tracer.NOOP;
        this.tracer = usable ? tracer : null;
        this.propagator = usable ? propagator : null;
    }

    /** The event with the current trace context, or unchanged when no span is current. */
    public CloudEvent stamp(CloudEvent event) {
        if (tracer == null) {
            return event;
        }
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return event;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null ? event : event.withTrace(traceparent, carrier.get(TRACESTATE));
    }

    /**
     * Runs {@code work} in a new consumer span, the child of the event's {@code traceparent} (a new trace when it
     * has none or it is not valid W3C), so the work's log lines carry the filing's trace id.
     *
     * @param name      a span name of fixed text (never data from the event)
     * @param eventType the event's type, a code, kept as the span's {@value #EVENT_TYPE} (null for none)
     */
    public <T> T continueTrace(String traceparent, String tracestate, String name, String eventType,
            Supplier<T> work) {
        if (tracer == null) {
            return work.get();
        }
        Map<String, String> carrier = new HashMap<>();
        if (traceparent != null) {
            carrier.put(TRACEPARENT, traceparent);
            if (tracestate != null) {
                carrier.put(TRACESTATE, tracestate);
            }
        }
        Span.Builder builder = propagator.extract(carrier, Map::get).name(name).kind(Span.Kind.CONSUMER);
        if (eventType != null) {
            builder.tag(EVENT_TYPE, eventType.length() > 128 ? eventType.substring(0, 128) : eventType);
        }
        Span span = builder.start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            // The type only: an exception's message may quote the record.
            span.tag("exception", e.getClass().getSimpleName());
            span.tag("error", "true");
            throw e;
        } finally {
            span.end();
        }
    }
}
