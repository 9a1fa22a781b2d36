package th.integrity.stats.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Consumes {@code gifts.v1} into the declaration and nil-return projection; failures as for complaints. */
@Component
public class GiftEventListener {

    private final GiftEventReader reader;
    private final GiftProjection projection;
    private final ProjectionProperties properties;
    private final MeterRegistry meters;

    public GiftEventListener(GiftEventReader reader, GiftProjection projection, ProjectionProperties properties,
            MeterRegistry meters) {
        this.reader = reader;
        this.projection = projection;
        this.properties = properties;
        this.meters = meters;
    }

    public String topic() {
        return properties.giftsTopic();
    }

    @KafkaListener(id = "gifts-projection", idIsGroup = false, topics = "#{__listener.topic()}")
    public void onRecord(ConsumerRecord<String, String> record) {
        GiftEvent event = reader.read(record.value());
        String outcome = event == null ? "ignored" : projection.apply(event);
        Counter.builder(ComplaintEventListener.EVENTS_CONSUMED)
                .description(ComplaintEventListener.EVENTS_CONSUMED_DESCRIPTION)
                .tag("type", event == null ? "other" : event.type())
                .tag("outcome", outcome)
                .register(meters).increment();
    }
}
