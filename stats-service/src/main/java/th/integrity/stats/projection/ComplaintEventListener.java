package th.integrity.stats.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.platform.tracing.EventTracing;

/**
 * Consumes {@code complaints.v1} into the case projection. Failures are left to the container's error
 * handler ({@link ProjectionConfiguration}): retries with back-off, then the dead-letter topic.
 */
@Component
class ComplaintEventListener {

    private static final Logger log = LoggerFactory.getLogger(ComplaintEventListener.class);

    static final String EVENTS_CONSUMED = "integrity.stats.events_consumed";
    /** One description for both listeners: a meter name has one HELP text, and the first registration wins it. */
    static final String EVENTS_CONSUMED_DESCRIPTION =
            "Events read from the complaint and gift topics, by type and by what the projection did";

    private final ComplaintEventReader reader;
    private final ComplaintCaseProjection projection;
    private final ProjectionProperties properties;
    private final MeterRegistry meters;
    private final EventTracing tracing;

    public ComplaintEventListener(ComplaintEventReader reader, ComplaintCaseProjection projection,
            ProjectionProperties properties, MeterRegistry meters, EventTracing tracing) {
        this.reader = reader;
        this.projection = projection;
        this.properties = properties;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** The topic, for the annotation below; read from the validated properties rather than a placeholder. */
    public String topic() {
        return properties.complaintsTopic();
    }

    @KafkaListener(id = "complaints-projection", idIsGroup = false, topics = "#{__listener.topic()}")
    public void onRecord(ConsumerRecord<String, String> record) {
        ComplaintEventReader.Read read = reader.read(record.value());
        // Continues the filing's trace (the event's traceparent), so this projection's log lines carry its trace id.
        tracing.continueTrace(read.traceparent(), read.tracestate(), "project complaint event", read.type(), () -> {
            project(record, read);
            return null;
        });
    }

    private void project(ConsumerRecord<String, String> record, ComplaintEventReader.Read read) {
        String outcome;
        if (read.event() == null) {
            // Another producer's type, or a future contract version: not ours to count, not an error either.
            outcome = "ignored";
            log.debug("Ignored event type {} at {}-{}@{}", read.type(), record.topic(), record.partition(),
                    record.offset());
        } else {
            outcome = projection.apply(read.event()).tag();
            // Codes and positions only: the type, what the projection did, and where the record is.
            log.info("Projected {} ({}) from {}-{}@{}", read.type(), outcome, record.topic(), record.partition(),
                    record.offset());
        }
        // Only complaint types become tag values: a stray producer must not mint a new time series per record.
        consumed(read.event() == null ? "other" : read.type(), outcome).increment();
    }

    private Counter consumed(String type, String outcome) {
        return Counter.builder(EVENTS_CONSUMED)
                .description(EVENTS_CONSUMED_DESCRIPTION)
                .tag("type", type)
                .tag("outcome", outcome)
                .register(meters);
    }
}
