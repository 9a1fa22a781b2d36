package th.integrity.platform.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.platform.events.EventTimes;
import th.integrity.platform.sweep.SweepLocks;

/**
 * Publishes the messages waiting in documents' {@code outbox} arrays and removes each one once Kafka
 * has acknowledged it (idempotent producer, acks=all). Delivery is at least once: a crash between the
 * acknowledgement and the removal sends the message again, and consumers drop it by its event id.
 * While Kafka is unreachable the relay backs off and retries; submissions are never refused for it.
 *
 * <p>How it finds the messages: the writers report each document they wrote ({@link Outbox#written}) and the
 * relay fetches those by {@code _id} ({@code $in}), which every MongoDB, the embedded mongo-java-server
 * included, answers from the {@code _id} index. A scan for {@code {"outbox.eventId": {$exists: true}}} runs only
 * as a safety net: at start-up, after Kafka was unreachable (the reports taken meanwhile were dropped), when the
 * report queue overflowed, and every {@link OutboxProperties#fullScanInterval()}. It catches what no report
 * names: a crash between a write and its report, documents written by another instance.
 *
 * <p>The scan reads the partial index {@value #SCAN_INDEX} (only documents with a waiting message are in it,
 * so it stays as small as the backlog; mongo-java-server accepts it and scans the collection instead), and runs
 * on one replica at a time: it takes the sweep lock {@value #SCAN_LOCK} first ({@link SweepLocks}) and is
 * skipped while another replica holds it. A skipped periodic scan waits for the next interval (the holder
 * scans every replica's documents); a skipped drain is retried every poll interval until it runs.
 *
 * <p>The backlog gauge ({@code integrity.outbox.backlog}) is counted on its own schedule, not by the relay passes:
 * a pass throws while Kafka is down, and that is when the gauge must keep counting. It counts every
 * {@link OutboxProperties#backlogInterval()} from a failed publish until one full-scan interval after the last one
 * (the outage, and the drain after it), otherwise once per {@link OutboxProperties#fullScanInterval()}. The count
 * reads the same partial index as the scan, so on MongoDB it costs the backlog, not the collection;
 * mongo-java-server ignores such an index and reads the whole collection, which is why a healthy relay does not
 * count every few seconds.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final EventTimes times;
    private final OutboxProperties properties;
    /** Reports beyond this are dropped and a full scan is asked for instead: memory stays bounded while Kafka is down. */
    static final int MAX_REPORTED = 10_000;
    /** The sweep lock of the safety-net scan. */
    public static final String SCAN_LOCK = "outbox-scan";
    /** The partial index the scan and the backlog count read, on each outbox collection. */
    public static final String SCAN_INDEX = "outbox_waiting";
    /** Every message the {@link Outbox} writes has an event id, so this matches the documents with messages. */
    private static final String WAITING = Outbox.FIELD + ".eventId";

    private record Written(String collection, Object id) {
    }

    private final Semaphore wakeUps = new Semaphore(0);
    private final Queue<Written> reported = new ConcurrentLinkedQueue<>();
    private final AtomicInteger reportedCount = new AtomicInteger();
    private volatile boolean scanRequested = true;
    /** A drain skipped because another replica held the scan lock (worker thread only). */
    private boolean drainOwed;
    private final Set<String> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final SweepLocks.Lock scanLock;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile Thread worker;
    private volatile ScheduledExecutorService backlogCounter;
    /** System.nanoTime until which the backlog is counted every backlogInterval: set by each failed publish. */
    private volatile long countOftenUntil = System.nanoTime();
    private volatile long lastCounted;
    private volatile boolean counted;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            MeterRegistry meters, SweepLocks.Lock scanLock) {
        this.mongo = mongo;
        this.scanLock = scanLock;
        this.kafka = kafka;
        this.times = new EventTimes(properties.timestampPrecision());
        this.properties = properties;
        this.published = Counter.builder("integrity.outbox.published")
                .description("Events published from the outbox").register(meters);
        this.failures = Counter.builder("integrity.outbox.failures")
                .description("Relay passes that could not reach Kafka").register(meters);
        Gauge.builder("integrity.outbox.backlog", backlog, AtomicLong::get)
                .description("Documents holding events not yet published").register(meters);
    }

    /** Reports a document that now holds unpublished messages; it goes out on the relay's next pass. */
    public void written(String collection, Object id) {
        if (!properties.collections().contains(collection)) {
            // Never fail the caller: its write is done. A misconfiguration, and the full scan skips it too.
            log.warn("Outbox report for {} ignored: not listed in integrity.outbox.collections {}", collection,
                    properties.collections());
            return;
        }
        if (reportedCount.incrementAndGet() > MAX_REPORTED) {
            reportedCount.decrementAndGet();
            scanRequested = true;
        } else {
            reported.add(new Written(collection, id));
        }
        wakeUps.release();
    }

    /**
     * Publishes the messages of up to {@code batchSize} reported documents, fetched by {@code _id}.
     *
     * @return how many reports were taken (a full batch means more may be waiting)
     * @throws RuntimeException when Kafka did not acknowledge in time; nothing is removed then, and the taken
     *                          reports are dropped (the caller runs a full scan after backing off)
     */
    public int relayReported() {
        Map<String, Set<Object>> ids = new LinkedHashMap<>();
        int taken = 0;
        Written next;
        while (taken < properties.batchSize() && (next = reported.poll()) != null) {
            reportedCount.decrementAndGet();
            ids.computeIfAbsent(next.collection(), c -> new LinkedHashSet<>()).add(next.id());
            taken++;
        }
        for (var entry : ids.entrySet()) {
            List<Document> documents = new ArrayList<>();
            // The raw driver: the template's query mapping could turn an id string into an ObjectId.
            mongo.getCollection(entry.getKey())
                    .find(Filters.in("_id", entry.getValue()))
                    .projection(Projections.include(Outbox.FIELD))
                    .forEach(document -> {
                        List<Document> messages = document.getList(Outbox.FIELD, Document.class);
                        if (messages != null && !messages.isEmpty()) {
                            // Already sent by an earlier pass (a document reported twice) when empty.
                            documents.add(document);
                        }
                    });
            publish(entry.getKey(), documents);
        }
        return taken;
    }

    /**
     * One full scan over every outbox collection (the safety net; see the class comment).
     *
     * @return how many messages were published
     * @throws RuntimeException when Kafka did not acknowledge in time; nothing is removed then
     */
    public int relayOnce() {
        int sent = 0;
        for (String collection : properties.collections()) {
            ensureScanIndex(collection);
            // Every message carries an eventId: "some message waits", in the partial index's own terms.
            Query waiting = new Query(Criteria.where(WAITING).exists(true));
            waiting.fields().include(Outbox.FIELD);
            List<Document> documents = mongo.find(waiting.limit(properties.batchSize()), Document.class, collection);
            sent += publish(collection, documents);
        }
        return sent;
    }

    /**
     * Counts the documents of every outbox collection that hold unpublished messages, without limit, and sets
     * the backlog gauge. Needs only MongoDB: it keeps counting while Kafka is down.
     */
    void countBacklog() {
        long pending = 0;
        for (String collection : properties.collections()) {
            pending += mongo.getCollection(collection).countDocuments(Filters.exists(WAITING));
        }
        backlog.set(pending);
    }

    private void countBacklogWhenDue() {
        long now = System.nanoTime();
        if (counted && now - countOftenUntil > 0 && now - lastCounted < properties.fullScanInterval().toNanos()) {
            return;
        }
        try {
            countBacklog();
            counted = true;
            lastCounted = now;
        } catch (RuntimeException e) {
            // MongoDB unreachable: the gauge keeps its last value until a count succeeds.
            log.warn("Outbox backlog not counted: {}", e.toString());
        }
    }

    /**
     * Declares the scan's partial index (once per collection and process; a failure is retried on the next
     * scan). Real MongoDB answers the scan from it; mongo-java-server keeps the definition and scans.
     */
    private void ensureScanIndex(String collection) {
        if (indexed.contains(collection)) {
            return;
        }
        try {
            mongo.indexOps(collection).createIndex(new Index().on(WAITING, Sort.Direction.ASC).named(SCAN_INDEX)
                    .partial(PartialIndexFilter.of(Criteria.where(WAITING).exists(true))));
            indexed.add(collection);
        } catch (RuntimeException e) {
            log.warn("Outbox scan index on {} not created (retried on the next scan): {}", collection, e.toString());
        }
    }

    private int publish(String collection, List<Document> documents) {
        // Send everything first and wait once, so a pass costs one round trip to the broker, not one per event.
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try {
            for (Document document : documents) {
                for (Document message : document.getList(Outbox.FIELD, Document.class)) {
                    acks.add(kafka.send(message.getString("topic"), null,
                            times.floorMillis(System.currentTimeMillis()), message.getString("key"),
                            message.getString("payload")));
                }
            }
        } catch (RuntimeException e) {
            countOftenUntil = System.nanoTime() + properties.fullScanInterval().toNanos();
            throw e;
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            countOftenUntil = System.nanoTime() + properties.fullScanInterval().toNanos();
            throw new IllegalStateException("Kafka did not acknowledge the outbox: " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            return 0;
        }
        int sent = 0;
        // One round trip for the whole pass: under steady intake the store is busy, and a pull per document
        // queued behind every insert.
        // The raw driver, as for the read: no query mapping that could turn an id string into an ObjectId.
        List<UpdateOneModel<Document>> pulls = new ArrayList<>(documents.size());
        for (Document document : documents) {
            List<String> ids = document.getList(Outbox.FIELD, Document.class).stream()
                    .map(m -> m.getString("eventId")).toList();
            // Pull exactly the messages that were sent: a message added meanwhile stays for the next pass.
            pulls.add(new UpdateOneModel<>(Filters.eq("_id", document.get("_id")), new Document("$pull",
                    new Document(Outbox.FIELD, new Document("eventId", new Document("$in", ids))))));
            sent += ids.size();
        }
        mongo.getCollection(collection).bulkWrite(pulls, new BulkWriteOptions().ordered(false));
        published.increment(sent);
        return sent;
    }

    private void run() {
        long backoff = 0;
        long nextScan = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (backoff > 0) {
                    // Wake-ups are ignored while backing off: no tight retry loop against a dead broker.
                    Thread.sleep(backoff);
                } else if (reported.isEmpty() && !scanRequested) {
                    long untilScan = TimeUnit.NANOSECONDS.toMillis(nextScan - System.nanoTime());
                    long wait = Math.min(properties.pollInterval().toMillis(), Math.max(0, untilScan));
                    wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS);
                }
                // A report that arrives after this still finds its entry in the queue on the next turn.
                wakeUps.drainPermits();
                while (relayReported() >= properties.batchSize()) {
                    // a full batch: more is waiting, go on without sleeping
                }
                if (scanRequested || System.nanoTime() - nextScan >= 0) {
                    // Drain everything only when reports were lost (start-up, Kafka was down, queue overflow).
                    // The periodic pass takes one batch: under steady intake a full batch is normal (the reports
                    // name those documents too), and looping on it rescanned the collection without pause.
                    boolean drain = scanRequested || drainOwed;
                    // Cleared before the scan: a request made during it asks for one more.
                    scanRequested = false;
                    nextScan = System.nanoTime() + properties.fullScanInterval().toNanos();
                    boolean ran = scanLock.runIfFree(() -> {
                        while (relayOnce() >= properties.batchSize() && drain) {
                            // a full batch: more is waiting, go on without sleeping
                        }
                    });
                    // Another replica scans now; this one's lost reports still need a drain of its own: retried
                    // after a poll interval, not in a tight loop against the holder's lock.
                    drainOwed = drain && !ran;
                    if (drainOwed) {
                        nextScan = System.nanoTime() + properties.pollInterval().toNanos();
                    }
                }
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failures.increment();
                // Reports taken by the failed pass are gone: scan once Kafka answers again.
                scanRequested = true;
                backoff = Math.min(Math.max(backoff * 2, 250), properties.maxBackoff().toMillis());
                log.warn("Outbox relay paused for {} ms: {}", backoff, e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-backlog");
            thread.setDaemon(true);
            return thread;
        });
        // The index both read is declared by the first scan (ensureScanIndex), on the relay's own thread.
        long every = Math.max(1, properties.backlogInterval().toMillis());
        counter.scheduleWithFixedDelay(this::countBacklogWhenDue, 0, every, TimeUnit.MILLISECONDS);
        backlogCounter = counter;
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        ScheduledExecutorService counter = backlogCounter;
        backlogCounter = null;
        if (counter != null) {
            counter.shutdownNow();
        }
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
