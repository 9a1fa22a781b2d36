package th.integrity.stats.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;
import th.integrity.stats.projection.ComplaintCaseProjection;
import th.integrity.stats.projection.ComplaintEventReader;
import th.integrity.stats.projection.GiftEvent;
import th.integrity.stats.projection.GiftEventReader;
import th.integrity.stats.projection.GiftProjection;
import th.integrity.stats.projection.InvalidEventException;
import th.integrity.stats.projection.ProjectionProperties;
import th.integrity.stats.projection.ProjectionStore;

/**
 * Rebuilds the projection from the start of the topics into a fresh generation and switches the queries to it
 * once it has caught up.
 *
 * <ol>
 * <li>The next generation's collections are emptied and marked {@code building}: from then on the live listeners
 * write every event to the active generation and to the new one (after waiting one state-refresh interval, so
 * every instance knows).</li>
 * <li>A separate consumer (its own group id, manual assignment, no commits) seeks to the beginning of every
 * partition of both topics and captures their end offsets.</li>
 * <li>It applies each record to the new generation only, until its position reaches the captured end offset of
 * every partition. Everything after those offsets reached the new generation through the live listeners.</li>
 * <li>The new generation becomes active. Because every write is a version-conditional upsert, the order in which
 * the replay and the live listeners write does not matter: both converge on the highest version per case.</li>
 * </ol>
 * The previous generation's collections are kept (for comparison or rollback); drop them by hand once satisfied.
 */
@Service
public class Replays implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    static final ProblemType ALREADY_RUNNING = new ProblemType("replay-running", HttpStatus.CONFLICT,
            "A replay is already running", "กำลังสร้างข้อมูลใหม่อยู่แล้ว");

    private final MongoTemplate mongo;
    private final ProjectionStore store;
    private final ConsumerFactory<String, String> consumers;
    private final ComplaintEventReader complaintReader;
    private final ComplaintCaseProjection complaints;
    private final GiftEventReader giftReader;
    private final GiftProjection gifts;
    private final ProjectionProperties properties;
    private final Clock clock;
    private final Counter records;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    public Replays(MongoTemplate mongo, ProjectionStore store, ConsumerFactory<String, String> consumers,
            ComplaintEventReader complaintReader, ComplaintCaseProjection complaints, GiftEventReader giftReader,
            GiftProjection gifts, ProjectionProperties properties, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.store = store;
        this.consumers = consumers;
        this.complaintReader = complaintReader;
        this.complaints = complaints;
        this.giftReader = giftReader;
        this.gifts = gifts;
        this.properties = properties;
        this.clock = clock;
        this.records = Counter.builder("integrity.stats.replay_records")
                .description("Records read by projection replays").register(meters);
    }

    /** Starts a replay in the background. */
    public Replay start(String requestedBy) {
        var state = store.reload();
        if (state.building() != null) {
            throw running(state.building());
        }
        int generation = state.active() + 1;
        // A failed earlier attempt may have left documents in this generation: start it empty.
        for (String collection : List.of(ProjectionStore.cases(generation), ProjectionStore.declarations(generation),
                ProjectionStore.nilReturns(generation))) {
            mongo.dropCollection(collection);
        }
        mongo.remove(Query.query(Criteria.where("_id").regex("^" + generation + ":")), "projection_changes");
        if (!store.beginBuilding(generation)) {
            throw running(store.reload().building());
        }
        Replay replay = new Replay(UUID.randomUUID().toString(), generation, Replay.RUNNING, clock.instant(),
                requestedBy, null, null, List.of(), 0, 0, null);
        mongo.insert(replay);
        executor.submit(() -> run(replay));
        return replay;
    }

    public Optional<Replay> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Replay.class));
    }

    private static ProblemException running(Integer generation) {
        return new ProblemException(ALREADY_RUNNING,
                "A replay into generation " + generation + " is running; wait for it to finish.",
                "กำลังสร้างข้อมูลรุ่นที่ " + generation + " อยู่ กรุณารอให้เสร็จก่อน");
    }

    private void run(Replay replay) {
        int generation = replay.generation();
        try {
            Thread.sleep(properties.stateRefresh().toMillis()); // every instance now writes to both generations
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
            try (Consumer<String, String> consumer = consumers.createConsumer("stats-replay-" + replay.id(),
                    "stats-replay", null, overrides)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(properties.complaintsTopic(), properties.giftsTopic())) {
                    consumer.partitionsFor(topic, Duration.ofSeconds(30))
                            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
                long read = 0;
                long skipped = 0;
                Instant deadline = clock.instant().plus(properties.replayDeadline());
                Instant lastReport = Instant.MIN;
                while (!caughtUp(consumer, end)) {
                    if (stopping || clock.instant().isAfter(deadline)) {
                        throw new IllegalStateException(stopping ? "service stopping" : "deadline passed");
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(properties.replayPollTimeout())) {
                        if (record.offset() >= end.getOrDefault(new TopicPartition(record.topic(),
                                record.partition()), 0L)) {
                            continue; // after the captured end: the live listeners wrote it to this generation
                        }
                        read++;
                        records.increment();
                        if (!apply(generation, record)) {
                            skipped++;
                        }
                    }
                    if (lastReport.plusSeconds(1).isBefore(clock.instant())) {
                        progress(replay.id(), consumer, end, read, skipped);
                        lastReport = clock.instant();
                    }
                }
                progress(replay.id(), consumer, end, read, skipped);
            }
            store.activate(generation);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(replay.id())), new Update()
                    .set("state", Replay.SWITCHED).set("switchedAt", clock.instant())
                    .set("finishedAt", clock.instant()), Replay.class);
            log.info("Replay {} switched the projection to generation {}", replay.id(), generation);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Replay {} failed; generation {} abandoned", replay.id(), generation, e);
            store.abandon(generation);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(replay.id())), new Update()
                    .set("state", Replay.FAILED).set("finishedAt", clock.instant())
                    .set("error", e.getClass().getSimpleName() + ": " + e.getMessage()), Replay.class);
        }
    }

    /** @return whether the record was projected ({@code false}: not projectable, skipped) */
    private boolean apply(int generation, ConsumerRecord<String, String> record) {
        try {
            if (record.topic().equals(properties.complaintsTopic())) {
                var read = complaintReader.read(record.value());
                if (read.event() != null) {
                    complaints.applyTo(generation, read.event());
                }
            } else {
                GiftEvent event = giftReader.read(record.value());
                if (event != null) {
                    gifts.applyTo(generation, event);
                }
            }
            return true;
        } catch (InvalidEventException e) {
            return false;
        }
    }

    private static boolean caughtUp(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (var entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void progress(String id, Consumer<String, String> consumer, Map<TopicPartition, Long> end, long read,
            long skipped) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        end.keySet().forEach(tp -> positions.put(tp, consumer.position(tp)));
        List<Replay.PartitionProgress> progress = end.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::topic)
                        .thenComparingInt(TopicPartition::partition)))
                .map(e -> new Replay.PartitionProgress(e.getKey().topic(), e.getKey().partition(), e.getValue(),
                        Math.min(positions.get(e.getKey()), e.getValue())))
                .toList();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("partitions", progress)
                .set("recordsRead", read).set("skipped", skipped), Replay.class);
    }

    @Override
    public void destroy() {
        stopping = true;
        executor.shutdownNow();
    }
}
