package th.integrity.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the messages waiting in documents' {@code outbox} arrays and removes each one once Kafka
 * has acknowledged it (idempotent producer, acks=all). Delivery is at least once: a crash between the
 * acknowledgement and the removal sends the message again, and consumers drop it by its event id.
 * While Kafka is unreachable the relay backs off and retries; submissions are never refused for it.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("integrity.outbox.published")
                .description("Events published from the outbox").register(meters);
        this.failures = Counter.builder("integrity.outbox.failures")
                .description("Relay passes that could not reach Kafka").register(meters);
        Gauge.builder("integrity.outbox.backlog", backlog, AtomicLong::get)
                .description("Documents holding events not yet published").register(meters);
    }

    public void wakeUp() {
        wakeUps.release();
    }

    /** Documents that still hold unpublished messages, as of the last pass. */
    public long backlog() {
        return backlog.get();
    }

    /**
     * One pass over every outbox collection.
     *
     * @return how many messages were published
     * @throws RuntimeException when Kafka did not acknowledge in time; nothing is removed then
     */
    public int relayOnce() {
        int sent = 0;
        long pending = 0;
        for (String collection : properties.collections()) {
            Query waiting = new Query(Criteria.where(Outbox.FIELD + ".0").exists(true));
            waiting.fields().include(Outbox.FIELD);
            List<Document> documents = mongo.find(waiting.limit(properties.batchSize()), Document.class, collection);
            sent += publish(collection, documents);
            pending += documents.size() < properties.batchSize() ? 0 : mongo.count(waiting, collection);
        }
        backlog.set(pending);
        return sent;
    }

    private int publish(String collection, List<Document> documents) {
        // Send everything first and wait once, so a pass costs one round trip to the broker, not one per event.
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Document document : documents) {
            for (Document message : document.getList(Outbox.FIELD, Document.class)) {
                acks.add(kafka.send(message.getString("topic"), message.getString("key"), message.getString("payload")));
            }
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox: " + e.getMessage(), e);
        }
        int sent = 0;
        for (Document document : documents) {
            List<String> ids = document.getList(Outbox.FIELD, Document.class).stream()
                    .map(m -> m.getString("eventId")).toList();
            // Pull exactly the messages that were sent: a message added meanwhile stays for the next pass.
            mongo.updateFirst(new Query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull(Outbox.FIELD, new Document("eventId", new Document("$in", ids))), collection);
            sent += ids.size();
        }
        published.increment(sent);
        return sent;
    }

    private void run() {
        long backoff = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (backoff > 0) {
                    // Wake-ups are ignored while backing off: no tight retry loop against a dead broker.
                    Thread.sleep(backoff);
                } else {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUps.drainPermits();
                while (relayOnce() >= properties.batchSize()) {
                    // a full batch: more is waiting, go on without sleeping
                }
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failures.increment();
                backoff = Math.min(Math.max(backoff * 2, 250), properties.maxBackoff().toMillis());
                log.warn("Outbox relay paused for {} ms: {}", backoff, e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
