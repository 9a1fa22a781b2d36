package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.integrity.stats.IntegrationTestSupport;

/**
 * Two writers of the same cases at once — two consumers of one partition during a rebalance, or a replay and a
 * live listener — each applying every version of every case, but in orders of their own (shuffled differently
 * in every round, so one writer often applies an old version just as the other applies the newest). Whatever the
 * interleaving, every case must end at its highest version, and be created exactly once. A last-write-wins
 * write, or a read of the stored version followed by an unguarded write, leaves an older version in some round.
 * Both snapshot stores are held to it: the conditional upsert (production) and the development store's
 * read-then-write under its lock.
 */
class ConcurrentProjectionTest extends IntegrationTestSupport {

    private static final int ROUNDS = 25;
    private static final int CASES = 4;
    private static final int VERSIONS = 12;

    @Autowired
    ComplaintCaseProjection configured;
    @Autowired
    ProjectionStore store;
    @Autowired
    ProjectionChangeStore changes;
    @Autowired
    CaseShapes shapes;
    @Autowired
    Clock clock;
    @Autowired
    MongoTemplate mongo;

    @ParameterizedTest
    @ValueSource(strings = { "mongodb", "development" })
    void twoWritersApplyingTheSameVersionsInDifferentOrdersLeaveTheHighestVersion(String kind) throws Exception {
        Function<MongoTemplate, SnapshotStore> snapshots = "mongodb".equals(kind) ? MongoSnapshotStore::new
                : DevelopmentSnapshotStore::new;
        ComplaintCaseProjection projection = new ComplaintCaseProjection(snapshots.apply(mongo), clock, store,
                changes, shapes);
        int generation = store.active();
        for (int round = 0; round < ROUNDS; round++) {
            String agency = newAgency();
            List<ComplaintEvent> events = new ArrayList<>();
            for (int c = 0; c < CASES; c++) {
                for (long version = 1; version <= VERSIONS; version++) {
                    events.add(event(agency, "C-" + c, version));
                }
            }
            Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                List<ComplaintEvent> order = new ArrayList<>(events);
                Collections.shuffle(order, new Random(round * 31L + writer));
                writers.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (ComplaintEvent event : order) {
                        if (projection.applyTo(generation, event) == ProjectionOutcome.CREATED) {
                            created.computeIfAbsent(event.data().caseId(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

            for (int c = 0; c < CASES; c++) {
                ComplaintCase stored = mongo.findById(ComplaintCase.id(agency, "C-" + c), ComplaintCase.class,
                        ProjectionStore.cases(generation));
                assertThat(stored).as("%s, round %d, case %d", kind, round, c).isNotNull();
                assertThat(stored.version()).as("%s, round %d, case %d: version", kind, round, c)
                        .isEqualTo(VERSIONS);
                assertThat(stored.status()).as("%s, round %d, case %d: status", kind, round, c)
                        .isEqualTo("S" + VERSIONS);
                assertThat(created.get("C-" + c)).as("%s, round %d, case %d: created once", kind, round, c)
                        .hasValue(1);
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ComplaintEvent event(String agency, String caseId, long version) {
        return new ComplaintEvent(UUID.randomUUID().toString(), "complaint.status-changed.v1", Instant.now(),
                new ComplaintEvent.Snapshot(agency, caseId, "WEB", "CORRUPTION", "D-1",
                        Instant.parse("2025-01-10T03:00:00Z"), "S" + version, version));
    }
}
