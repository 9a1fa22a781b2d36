package th.integrity.platform.tracing;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The last step before a span leaves the process: it keeps only attributes named here, event names (an exception
 * event keeps its type, never its message or stack trace) and the status code without its description. What an
 * instrumentation adds later (full URLs with query strings, client addresses, header values, statements, exception
 * messages quoting rejected input) is dropped unless someone adds its key here, so no personal data or tracking
 * code reaches the trace backend by default (docs/operations.md, "Traces").
 */
public final class SpanAllowlist implements SpanExporter {

    /** Attribute keys that carry no request content: templates, codes, outcomes, topic and collection names. */
    public static final Set<String> ATTRIBUTES = Set.of(
            // Spring's HTTP server and client observations (low-cardinality keys only; "uri" is the route template).
            "method", "status", "uri", "outcome", "exception", "error",
            // Spring Kafka's observations.
            "messaging.system", "messaging.operation", "messaging.destination.name",
            "messaging.kafka.consumer.group", "messaging.kafka.message.partition", "messaging.kafka.message.offset",
            // MongoDB command observations: the command's name and collection, never its content.
            "db.system", "db.operation", "db.mongodb.collection", "db.name",
            // The projection spans of this project (EventTracing).
            EventTracing.EVENT_TYPE);

    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

    private final SpanExporter delegate;

    public SpanAllowlist(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate.export(spans.stream().<SpanData>map(Allowed::new).toList());
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "SpanAllowlist[" + delegate + "]";
    }

    static Attributes allowed(Attributes attributes) {
        AttributesBuilder kept = Attributes.builder();
        attributes.forEach((key, value) -> {
            if (ATTRIBUTES.contains(key.getKey())) {
                putUnchecked(kept, key, value);
            }
        });
        return kept.build();
    }

    @SuppressWarnings("unchecked")
    private static void putUnchecked(AttributesBuilder builder, AttributeKey<?> key, Object value) {
        builder.put((AttributeKey<Object>) key, value);
    }

    private static final class Allowed extends DelegatingSpanData {

        private final Attributes attributes;
        private final List<EventData> events;
        private final StatusData status;

        Allowed(SpanData span) {
            super(span);
            this.attributes = allowed(span.getAttributes());
            this.events = span.getEvents().stream().map(Allowed::event).toList();
            this.status = StatusData.create(span.getStatus().getStatusCode(), "");
        }

        private static EventData event(EventData event) {
            String type = event.getAttributes().get(EXCEPTION_TYPE);
            Attributes kept = type == null ? Attributes.empty() : Attributes.of(EXCEPTION_TYPE, type);
            return EventData.create(event.getEpochNanos(), event.getName(), kept);
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public int getTotalAttributeCount() {
            return attributes.size();
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public int getTotalRecordedEvents() {
            return events.size();
        }

        @Override
        public StatusData getStatus() {
            return status;
        }
    }
}
