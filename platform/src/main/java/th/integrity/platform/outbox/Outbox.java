package th.integrity.platform.outbox;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.tracing.EventTracing;

/** Turns events into outbox messages and tells the relay that something is waiting. */
public class Outbox {

    /** The field of an aggregate document that holds its unpublished messages. */
    public static final String FIELD = "outbox";

    private final JsonMapper json;
    private final OutboxRelay relay;
    private final EventTracing tracing;

    public Outbox(JsonMapper json, OutboxRelay relay) {
        this(json, relay, EventTracing.NONE);
    }

    public Outbox(JsonMapper json, OutboxRelay relay, EventTracing tracing) {
        this.json = json;
        this.relay = relay;
        this.tracing = tracing;
    }

    /** The message of {@code event}, carrying the trace of the request that is writing it (if any). */
    public OutboxMessage message(String topic, String key, CloudEvent event) {
        CloudEvent traced = tracing.stamp(event);
        return new OutboxMessage(traced.id(), topic, key, json.writeValueAsString(traced), Instant.now());
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
