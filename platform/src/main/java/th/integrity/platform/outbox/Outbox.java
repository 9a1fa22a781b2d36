package th.integrity.platform.outbox;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.events.CloudEvent;

/** Turns events into outbox messages and tells the relay that something is waiting. */
public class Outbox {

    /** The field of an aggregate document that holds its unpublished messages. */
    public static final String FIELD = "outbox";

    private final JsonMapper json;
    private final OutboxRelay relay;

    public Outbox(JsonMapper json, OutboxRelay relay) {
        this.json = json;
        this.relay = relay;
    }

    public OutboxMessage message(String topic, String key, CloudEvent event) {
        return new OutboxMessage(event.id(), topic, key, json.writeValueAsString(event), Instant.now());
    }

    /**
     * Call after the document holding new messages has been written, so they go out at once: the relay fetches
     * it by {@code _id}. Nothing is lost if this call never happens (a crash right after the write): the
     * relay's periodic full scan publishes it, only later.
     *
     * @param collection the collection the document was written to (one of {@code integrity.outbox.collections})
     * @param id         the document's {@code _id}, as stored
     */
    public void written(String collection, Object id) {
        relay.written(collection, id);
    }
}
