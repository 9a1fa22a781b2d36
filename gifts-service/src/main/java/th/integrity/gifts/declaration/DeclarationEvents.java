package th.integrity.gifts.declaration;

import java.time.Instant;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.outbox.OutboxMessage;

/** The outbox message of a declaration event, keyed by agency and declaration so its events stay in order. */
@Component
public class DeclarationEvents {

    private final Outbox outbox;
    private final JsonMapper json;
    private final String topic;

    DeclarationEvents(Outbox outbox, JsonMapper json, DeclarationTopicProperties topic) {
        this.outbox = outbox;
        this.json = json;
        this.topic = topic.name();
    }

    /** {@code type} ({@link GiftEventData#DECLARED} or {@link GiftEventData#DECIDED}) carrying {@code data}. */
    public OutboxMessage message(String type, GiftEventData data, Instant time) {
        CloudEvent event = CloudEvent.of(CloudEvent.source(data.agency(), GiftEventData.SERVICE), type,
                data.declarationId(), time, json.valueToTree(data));
        return outbox.message(topic, data.agency() + ":" + data.declarationId(), event);
    }

    /** Tells the relay that declaration {@code id} holds events to publish now. */
    public void written(String id) {
        outbox.written(Declaration.COLLECTION, id);
    }
}
