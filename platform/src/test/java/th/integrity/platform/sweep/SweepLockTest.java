package th.integrity.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import th.integrity.testkit.TestInfrastructure;

/**
 * Two replicas (two application contexts with the platform's auto-configuration, against one MongoDB) run the
 * same {@code @Scheduled} sweep: it runs on one of them at a time, and a replica that took the lock and then
 * hung (or died) blocks the other only until {@code lockAtMostFor} has passed.
 */
class SweepLockTest {

    private static final String DATABASE = "sweep-lock-test";

    /** One run of the sweep: which replica, when it started and ended (nanoTime). */
    record Run(String replica, long start, long end, java.time.Instant startedAt) {
    }

    static final List<Run> runs = new CopyOnWriteArrayList<>();
    static final AtomicInteger running = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();
    /** Set: the first run to enter hangs on it (a replica stuck mid-sweep). */
    static volatile CountDownLatch hang;
    static final AtomicInteger hung = new AtomicInteger();
    static volatile String hungReplica;
    static volatile Document hungLock;

    private final List<ConfigurableApplicationContext> replicas = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        runs.clear();
        running.set(0);
        mostAtOnce.set(0);
        hung.set(0);
        hungLock = null;
        hang = null;
        try (var client = com.mongodb.client.MongoClients.create(TestInfrastructure.mongoUri(DATABASE))) {
            new MongoTemplate(client, DATABASE).remove(new org.springframework.data.mongodb.core.query.Query(),
                    SweepLocks.COLLECTION);
        }
    }

    @AfterEach
    void stop() {
        CountDownLatch latch = hang;
        if (latch != null) {
            latch.countDown();
        }
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoReplicasRunningTheSweepAtTheSameTimeNeverOverlapAndBothGetTurns() throws Exception {
        replica("replica-a", "3s");
        replica("replica-b", "3s");
        Thread.sleep(3_000);
        replicas.forEach(ConfigurableApplicationContext::close);

        assertThat(runs).as("the sweep ran").hasSizeGreaterThan(5);
        assertThat(mostAtOnce.get()).as("runs at the same moment across the two replicas").isEqualTo(1);
        List<Run> ordered = runs.stream().sorted(java.util.Comparator.comparingLong(Run::start)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(ordered.get(i).start()).as("run %s starts after run %s ended", i, i - 1)
                    .isGreaterThanOrEqualTo(ordered.get(i - 1).end());
        }
        // The lock document names the sweep, and holds no one now.
        try (var client = com.mongodb.client.MongoClients.create(TestInfrastructure.mongoUri(DATABASE))) {
            Document lock = client.getDatabase(DATABASE).getCollection(SweepLocks.COLLECTION)
                    .find(new Document("_id", "test-sweep")).first();
            assertThat(lock).isNotNull();
            assertThat(lock.getDate("lockUntil").toInstant()).isBefore(java.time.Instant.now().plusMillis(1));
        }
    }

    @Test
    void aReplicaThatHangsMidSweepBlocksTheOtherOnlyUntilLockAtMostForHasPassed() throws Exception {
        hang = new CountDownLatch(1);
        replica("replica-a", "2s");
        replica("replica-b", "2s");
        awaitTrue(() -> hungLock != null, Duration.ofSeconds(20));
        // The hung replica's lock as MongoDB held it, read by the hung sweep itself while it held the lock (read
        // here instead, a loaded machine could already show the other replica's lock): taken at lockedAt, held
        // until lockedAt + lockAtMostFor. Measured from the lock, not from when the hung body began.
        Document lock = hungLock;
        // ShedLock counts lockAtMostFor from when the scheduler asked for the lock, a moment before lockedAt.
        assertThat(Duration.between(lock.getDate("lockedAt").toInstant(), lock.getDate("lockUntil").toInstant()))
                .isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(2));
        java.time.Instant lockUntil = lock.getDate("lockUntil").toInstant();

        awaitTrue(() -> !runs.isEmpty(), Duration.ofSeconds(20));
        Run taken = runs.get(0);
        assertThat(taken.replica()).as("the other replica takes over").isNotEqualTo(hungReplica);
        // Millisecond precision of the stored dates: a whole millisecond of tolerance.
        assertThat(taken.startedAt()).as("not before lockAtMostFor (2 s) had passed")
                .isAfterOrEqualTo(lockUntil.minusMillis(1));
        assertThat(hang.getCount()).as("the first replica is still stuck").isEqualTo(1);
    }

    private void replica(String name, String lockAtMostFor) {
        replicas.add(new SpringApplicationBuilder(SweepApp.class).web(WebApplicationType.NONE)
                .properties("spring.mongodb.uri=" + TestInfrastructure.mongoUri(DATABASE),
                        "spring.mongodb.database=" + DATABASE, "spring.application.name=" + name,
                        "test.replica=" + name, "test.lock-at-most-for=" + lockAtMostFor,
                        "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
                .run());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableScheduling
    static class SweepApp {

        @Bean
        CountingSweep countingSweep(@Value("${test.replica}") String replica) {
            return new CountingSweep(replica);
        }
    }

    /** A sweep that records who ran it and when; each run takes 100 ms. */
    static class CountingSweep {

        private final String replica;

        CountingSweep(String replica) {
            this.replica = replica;
        }

        @Scheduled(fixedDelay = 20)
        @SchedulerLock(name = "test-sweep", lockAtMostFor = "${test.lock-at-most-for}", lockAtLeastFor = "0s")
        public void sweep() throws InterruptedException {
            long start = System.nanoTime();
            java.time.Instant startedAt = java.time.Instant.now();
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                CountDownLatch latch = hang;
                if (latch != null && hung.compareAndSet(0, 1)) {
                    try (var client = com.mongodb.client.MongoClients.create(TestInfrastructure.mongoUri(DATABASE))) {
                        hungLock = client.getDatabase(DATABASE).getCollection(SweepLocks.COLLECTION)
                                .find(new Document("_id", "test-sweep")).first();
                    }
                    hungReplica = replica;
                    latch.await(30, TimeUnit.SECONDS);
                    return;
                }
                Thread.sleep(100);
                runs.add(new Run(replica, start, System.nanoTime(), startedAt));
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
