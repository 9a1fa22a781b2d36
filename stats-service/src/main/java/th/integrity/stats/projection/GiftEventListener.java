package th.integrity.stats.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.platform.tracing.EventTracing;

/** Consumes {@code gifts.v1} into the declaration and nil-return projection; failures as for complaints. */
@Component
class GiftEventListener {

    private static final Logger log = LoggerFactory.getLogger(GiftEventListener.class);

    private final GiftEventReader reader;
    private final GiftProjection projection;
    private final ProjectionProperties properties;
    private final MeterRegistry meters;
    private final EventTracing tracing;

    public GiftEventListener(GiftEventReader reader, GiftProjection projection, ProjectionProperties properties,
            MeterRegistry meters, EventTracing tracing) {
        this.reader = reader;
        this.projection = projection;
        this.properties = properties;
        this.meters = meters;
        this.tracing = tracing;
    }

    public String topic() {
        return properties.giftsTopic();
    }

    @KafkaListener(id = "gifts-projection", idIsGroup = false, topics = "#{__listener.topic()}")
    public void onRecord(ConsumerRecord<String, String> record) {
        GiftEvent event = reader.read(record.value());
        if (event == null) {
            count(null, "ignored");
            return;
        }
        // Continues the declaring request's trace, as for complaints.
        tracing.continueTrace(event.traceparent(), event.tracestate(), "project gift event", event.type(), () -> {
            String outcome = projection.apply(event).tag();
            log.info("Projected {} ({}) from {}-{}@{}", event.type(), outcome, record.topic(), record.partition(),
                    record.offset());
            count(event, outcome);
            return null;
        });
    }

    private void count(GiftEvent event, String outcome) {
        Counter.builder(ComplaintEventListener.EVENTS_CONSUMED)
                .description(ComplaintEventListener.EVENTS_CONSUMED_DESCRIPTION)
                .tag("type", event == null ? "other" : event.type())
                .tag("outcome", outcome)
                .register(meters).increment();
    }
}
