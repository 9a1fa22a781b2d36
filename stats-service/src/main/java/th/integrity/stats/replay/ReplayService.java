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
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.platform.web.ProblemException;
import th.integrity.stats.projection.ComplaintCaseProjection;
import th.integrity.stats.projection.ComplaintEvent;
import th.integrity.stats.projection.ComplaintEventReader;
import th.integrity.stats.projection.GiftEvent;
import th.integrity.stats.projection.GiftEventReader;
import th.integrity.stats.projection.GiftProjection;
import th.integrity.stats.projection.InvalidEventException;
import th.integrity.stats.projection.ProjectionProperties;
import th.integrity.stats.projection.ProjectionStore;
import th.integrity.stats.StatsProblems;

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
 * <li>It applies the records to the new generation only, a poll ({@code replay-batch-size} records) at a time,
 * until its position reaches the captured end offset of every partition. Everything after those offsets reached
 * the new generation through the live listeners. The complaint events of a poll are folded to the highest
 * version per case and written with one bulk write ({@link ComplaintCaseProjection#applyAllTo}) instead of a
 * round trip per event; gift events (few) are applied one by one.</li>
 * <li>No repair pass: every write is conditional on the stored version ({@code SnapshotStore}), so a live
 * listener's newer write that lands while the replay works on the same case is never overwritten by an older
 * version, in whichever order the two write.</li>
 * <li>The new generation becomes active. The replay and the live listeners converge on the highest version per
 * case, whichever order they write in.</li>
 * </ol>
 * The previous generation's collections are kept (for comparison or rollback); drop them by hand once satisfied.
 *
 * <p>A replay beats while it advances (the state document's and its own {@code heartbeatAt}, about every second).
 * One whose process was killed or hangs stops beating; after {@code replay-stale-after} it is <em>abandoned</em>,
 * not taken over: its half-built generation is dropped and {@code building} cleared ({@link ProjectionStore}),
 * its progress document turns {@code FAILED}, and the next replay starts from the beginning into a new
 * generation. Taking over would mean trusting a half-built copy that a dead process left at an unknown point
 * (nothing records how far its writes got); a replay from the start costs minutes.
 * A replay that still beats is never abandoned (409), and a hung one that wakes up finds its generation
 * abandoned at its next beat and stops.
 */
@Service
class ReplayService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final ReplayStore replays;
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

    public ReplayService(ReplayStore replays, ProjectionStore store, ConsumerFactory<String, String> consumers,
            ComplaintEventReader complaintReader, ComplaintCaseProjection complaints, GiftEventReader giftReader,
            GiftProjection gifts, ProjectionProperties properties, Clock clock, MeterRegistry meters) {
        this.replays = replays;
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

    /** Starts a replay in the background (409 while another one still beats). */
    public Replay start(String requestedBy) {
        var state = store.reload(); // abandons a replay that stopped beating
        failStale();
        if (state.building() != null) {
            throw running(state.building());
        }
        int generation = store.nextGeneration();
        // Never used before, but a copy written by hand or by a hung replay must not leak in: start it empty.
        store.drop(generation);
        if (!store.beginBuilding(generation)) {
            throw running(store.reload().building());
        }
        Replay replay = new Replay(UUID.randomUUID().toString(), generation, Replay.RUNNING, clock.instant(),
                requestedBy, null, null, List.of(), 0, 0, null, clock.instant());
        replays.insert(replay);
        executor.submit(() -> run(replay));
        return replay;
    }

    public Optional<Replay> find(String id) {
        store.reload();
        failStale();
        return replays.find(id);
    }

    /** Marks FAILED the progress documents of replays that stopped beating (their generation was abandoned). */
    private void failStale() {
        replays.failStale(clock.instant().minus(properties.replayStaleAfter()), clock.instant(),
                "abandoned: no progress for " + properties.replayStaleAfter()
                        + " (its process was stopped or hangs); the half-built generation was dropped");
    }

    private static ProblemException running(Integer generation) {
        return ProblemException.of(StatsProblems.REPLAY_RUNNING, "stats.problem.replay-running", generation);
    }

    private void run(Replay replay) {
        int generation = replay.generation();
        try {
            Thread.sleep(properties.stateRefresh().toMillis()); // every instance now writes to both generations
            beat(replay.id(), generation);
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // Large polls: the complaint events of one poll cost one read and one bulk write together.
            overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(properties.replayBatchSize()));
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
                Instant deadline = clock.instant().plus(properties.replayDeadline());
                Tally tally = applyUntil(consumer, generation, end, deadline,
                        t -> progress(replay.id(), generation, consumer, end, t.read, t.skipped));
                progress(replay.id(), generation, consumer, end, tally.read, tally.skipped);
            }
            if (!store.activate(generation)) {
                throw abandoned(generation);
            }
            replays.switched(replay.id(), clock.instant());
            log.info("Replay {} switched the projection to generation {}", replay.id(), generation);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Replay {} failed; generation {} abandoned", replay.id(), generation, e);
            store.abandon(generation);
            replays.failed(replay.id(), clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** What one pass over the topics did. */
    private static final class Tally {
        long read;
        long skipped;
    }

    /**
     * Applies every record before {@code end}, from the consumer's positions on, a poll at a time: the poll's
     * complaint events together ({@link ComplaintCaseProjection#applyAllTo}), gift events one by one (few).
     *
     * @param report called with the tally so far at every heartbeat interval (about once a second)
     */
    private Tally applyUntil(Consumer<String, String> consumer, int generation, Map<TopicPartition, Long> end,
            Instant deadline, java.util.function.Consumer<Tally> report) {
        Tally tally = new Tally();
        List<ComplaintEvent> batch = new ArrayList<>();
        Instant lastReport = Instant.MIN;
        while (!caughtUp(consumer, end)) {
            if (stopping || clock.instant().isAfter(deadline)) {
                throw new IllegalStateException(stopping ? "service stopping" : "deadline passed");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(properties.replayPollTimeout())) {
                if (record.offset() >= end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                    continue; // after the captured end: the live listeners wrote it to this generation
                }
                tally.read++;
                records.increment();
                if (!collect(generation, record, batch)) {
                    tally.skipped++;
                }
            }
            complaints.applyAllTo(generation, batch);
            batch.clear();
            if (lastReport.plus(properties.replayHeartbeat()).isBefore(clock.instant())) {
                report.accept(tally);
                lastReport = clock.instant();
            }
        }
        return tally;
    }

    /**
     * Adds a complaint event to {@code batch}, or applies a gift event at once.
     *
     * @return whether the record is projectable ({@code false}: skipped)
     */
    private boolean collect(int generation, ConsumerRecord<String, String> record, List<ComplaintEvent> batch) {
        try {
            if (record.topic().equals(properties.complaintsTopic())) {
                var read = complaintReader.read(record.value());
                if (read.event() != null) {
                    // Checked before the fold: an unprojectable newest version must not hide the older ones.
                    ComplaintCaseProjection.check(read.event());
                    batch.add(read.event());
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

    /** The replay advanced: says so, or stops it if it was abandoned meanwhile (it hung past the stale time). */
    private void beat(String id, int generation) {
        if (!store.heartbeat(generation)) {
            throw abandoned(generation);
        }
        replays.heartbeat(id, clock.instant());
    }

    private static IllegalStateException abandoned(int generation) {
        return new IllegalStateException("generation " + generation
                + " was abandoned meanwhile (no heartbeat within replay-stale-after)");
    }

    private void progress(String id, int generation, Consumer<String, String> consumer,
            Map<TopicPartition, Long> end, long read, long skipped) {
        beat(id, generation);
        Map<TopicPartition, Long> positions = new HashMap<>();
        end.keySet().forEach(tp -> positions.put(tp, consumer.position(tp)));
        List<Replay.PartitionProgress> progress = end.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::topic)
                        .thenComparingInt(TopicPartition::partition)))
                .map(e -> new Replay.PartitionProgress(e.getKey().topic(), e.getKey().partition(), e.getValue(),
                        Math.min(positions.get(e.getKey()), e.getValue())))
                .toList();
        replays.progress(id, progress, read, skipped);
    }

    @Override
    public void destroy() {
        stopping = true;
        executor.shutdownNow();
    }
}
