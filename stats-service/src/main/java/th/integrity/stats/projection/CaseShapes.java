package th.integrity.stats.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the draft tables count, per generation and agency, kept current as this instance projects events instead
 * of recounted after every change: the agency's cases grouped by {@link Shape} (the fields a table counts by),
 * with how many cases, how many have days to conclusion and the sum of those days. A few thousand shapes stand
 * for any number of cases, and any table of any fiscal year is folded from them in well under a millisecond.
 *
 * <p>Why it stays exact: every write that changes a case bumps the agency's stamp ({@link ProjectionChanges}).
 * A cached entry holds the stamp it is exact at. A change made here holds the agency's read lock from reading
 * the stored case to applying its delta, and applies it only if the stamp it got is the entry's plus one (no
 * other writer in between); anything else — another instance, a replay's bulk write, a failure between the
 * write and the delta — drops the entry, and the next read counts afresh. A count takes the write lock, so no
 * change of this instance is half done while it reads, and it reads the stamp before the cases, so the entry
 * never claims a stamp newer than what it counted. A writer that died between a case write and its stamp is
 * covered by the redelivery of its event, which stamps again ({@link ComplaintCaseProjection#applyTo}); as a
 * last resort (an event dead-lettered after its write) an entry is recounted after {@link #RECOUNT_AFTER},
 * and whenever a publication counts ({@link #recount}), which reports any difference as drift.
 */
@Component
public class CaseShapes {

    private static final Logger log = LoggerFactory.getLogger(CaseShapes.class);

    /**
     * Upper bound on how stale an entry may get if a case was written and its stamp never followed, even on
     * redelivery. Long, because a count holds the agency's write lock and so pauses its projection.
     */
    static final Duration RECOUNT_AFTER = Duration.ofHours(1);
    private static final int ENTRIES = 256;
    static final String RECOUNTS = "integrity.stats.draft_recounts";
    static final String DRIFT = "integrity.stats.draft_drift";

    /**
     * What a table counts one case by.
     *
     * @param fiscalYear     Buddhist-Era fiscal year it was received in
     * @param receivedMonth  {@code YYYY-MM} (Bangkok) it was received in
     * @param finalStatus    its status is final
     * @param concludedMonth {@code YYYY-MM} (Bangkok) it was concluded in, {@code null} while open
     */
    public record Shape(int fiscalYear, String receivedMonth, String channel, String category, String status,
            boolean finalStatus, String concludedMonth) {
    }

    /** The cases of one shape: how many, how many of them have days to conclusion, and the sum of those days. */
    public record ShapeCount(Shape shape, long cases, long withDays, long daysSum) {
    }

    /** One case as a table counts it: its shape and its days to conclusion ({@code null} while open or unknown). */
    record Counted(Shape shape, Integer days) {

        static final Bson FIELDS = Projections.include("fiscalYear", "receivedMonth", "channel", "category", "status",
                "final", "concludedMonth", "daysToConclusion");

        /** The case in a stored document or a {@code $set}; {@code null} when there is none (not yet projected). */
        static Counted of(Document document) {
            if (document == null || document.getString("receivedMonth") == null) {
                return null;
            }
            Number days = (Number) document.get("daysToConclusion");
            return new Counted(new Shape(((Number) document.get("fiscalYear")).intValue(),
                    document.getString("receivedMonth"), document.getString("channel"), document.getString("category"),
                    document.getString("status"), Boolean.TRUE.equals(document.get("final")),
                    document.getString("concludedMonth")), days == null ? null : days.intValue());
        }
    }

    private record Key(int generation, String agency) {
    }

    /** Mutable, guarded by {@link #entries}. */
    private static final class Entry {
        long stamp;
        final Instant countedAt;
        final Map<Shape, long[]> counts;

        Entry(long stamp, Instant countedAt, Map<Shape, long[]> counts) {
            this.stamp = stamp;
            this.countedAt = countedAt;
            this.counts = counts;
        }

        void add(Counted counted, int sign) {
            if (counted == null) {
                return;
            }
            long[] count = counts.computeIfAbsent(counted.shape(), shape -> new long[3]);
            count[0] += sign;
            if (counted.days() != null) {
                count[1] += sign;
                count[2] += (long) sign * counted.days();
            }
            if (count[0] == 0) {
                counts.remove(counted.shape());
            }
        }

        List<ShapeCount> snapshot() {
            List<ShapeCount> snapshot = new ArrayList<>(counts.size());
            counts.forEach((shape, c) -> snapshot.add(new ShapeCount(shape, c[0], c[1], c[2])));
            return snapshot;
        }
    }

    private final MongoTemplate mongo;
    private final ProjectionChanges changes;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Key, ReadWriteLock> locks = new ConcurrentHashMap<>();
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    public CaseShapes(MongoTemplate mongo, ProjectionChanges changes, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.changes = changes;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The agency's cases by shape as of now: from the kept entry when its stamp is current (one read by id),
     * else counted afresh.
     */
    public List<ShapeCount> current(int generation, String agency) {
        Key key = new Key(generation, agency);
        List<ShapeCount> kept = kept(key, changes.stamp(generation, agency));
        if (kept != null) {
            return kept;
        }
        // A change of this instance may be between its stamp and its delta: wait for it under the write lock
        // and look again before paying for a count.
        ReadWriteLock lock = lock(key);
        lock.writeLock().lock();
        try {
            long stamp = changes.stamp(generation, agency);
            kept = kept(key, stamp);
            return kept != null ? kept : count(key, stamp, reason(key)).snapshot();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Counts the agency's cases afresh and keeps the result (a publication's count); a kept entry at the same
     * stamp that disagrees is reported as drift.
     */
    public List<ShapeCount> recount(int generation, String agency) {
        Key key = new Key(generation, agency);
        ReadWriteLock lock = lock(key);
        lock.writeLock().lock();
        try {
            Entry before;
            synchronized (entries) {
                Entry kept = entries.get(key);
                before = kept == null ? null : new Entry(kept.stamp, kept.countedAt, new HashMap<>(kept.counts));
            }
            Entry counted = count(key, changes.stamp(generation, agency), "publication");
            if (before != null && before.stamp == counted.stamp && !equal(before.counts, counted.counts)) {
                Counter.builder(DRIFT).description("Kept draft counts that a fresh count found different")
                        .register(meters).increment();
                log.warn("Draft counts of {} in generation {} drifted from a fresh count at stamp {}; replaced",
                        agency, generation, counted.stamp);
            }
            return counted.snapshot();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Opens a change of one case of the agency: holds the agency's read lock until {@link Change#close()}, so a
     * count never sees it half done. Exactly one of {@link Change#applied} or {@link Change#unchanged} should be
     * called; a change closed with neither (a failure) drops the kept entry.
     */
    Change change(int generation, String agency) {
        Key key = new Key(generation, agency);
        ReadWriteLock lock = lock(key);
        lock.readLock().lock();
        return new Change(key, lock);
    }

    /** Forgets the kept counts of the agency (a write this class did not see case by case). */
    void forget(int generation, String agency) {
        synchronized (entries) {
            entries.remove(new Key(generation, agency));
        }
    }

    final class Change implements AutoCloseable {
        private final Key key;
        private final ReadWriteLock lock;
        private boolean settled;

        private Change(Key key, ReadWriteLock lock) {
            this.key = key;
            this.lock = lock;
        }

        /** The case went from {@code before} (null: new) to {@code after}, and the write got stamp {@code stamp}. */
        void applied(Counted before, Counted after, long stamp) {
            synchronized (entries) {
                Entry entry = entries.get(key);
                if (entry != null && entry.stamp == stamp - 1) {
                    entry.add(before, -1);
                    entry.add(after, 1);
                    entry.stamp = stamp;
                } else if (entry != null) {
                    entries.remove(key); // someone else wrote in between: the next read counts
                }
            }
            settled = true;
        }

        /** Nothing was written. */
        void unchanged() {
            settled = true;
        }

        @Override
        public void close() {
            try {
                if (!settled) {
                    forget(key.generation(), key.agency());
                }
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    private List<ShapeCount> kept(Key key, long stamp) {
        synchronized (entries) {
            Entry entry = entries.get(key);
            // An entry ahead of the stamp read: a change of ours landed since; it accounts for everything up to it.
            if (entry != null && entry.stamp >= stamp && !expired(entry)) {
                return entry.snapshot();
            }
            return null;
        }
    }

    private String reason(Key key) {
        synchronized (entries) {
            Entry entry = entries.get(key);
            return entry == null ? "cold" : expired(entry) ? "expired" : "changed";
        }
    }

    private boolean expired(Entry entry) {
        return !entry.countedAt.plus(RECOUNT_AFTER).isAfter(clock.instant());
    }

    /**
     * Counts under the write lock, with the {@code stamp} read before the cases (by the caller, under the same
     * lock), so the entry never claims a newer stamp than what it counted.
     */
    private Entry count(Key key, long stamp, String reason) {
        Map<Shape, long[]> counts = new HashMap<>();
        Entry entry = new Entry(stamp, clock.instant(), counts);
        for (Document stored : mongo.getCollection(ProjectionStore.cases(key.generation()))
                .find(Filters.eq("agency", key.agency())).projection(Counted.FIELDS).batchSize(5000)) {
            entry.add(Counted.of(stored), 1);
        }
        synchronized (entries) {
            entries.put(key, entry);
        }
        Counter.builder(RECOUNTS).description("Draft counts read afresh from the case projection, by reason")
                .tag("reason", reason).register(meters).increment();
        return entry;
    }

    private ReadWriteLock lock(Key key) {
        return locks.computeIfAbsent(key, k -> new ReentrantReadWriteLock());
    }

    private static boolean equal(Map<Shape, long[]> a, Map<Shape, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }
}
