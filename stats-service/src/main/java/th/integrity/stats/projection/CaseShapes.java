package th.integrity.stats.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.model.Projections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the draft tables count, per generation and agency, kept current as this instance projects events instead
 * of recounted after every change: the agency's cases grouped by {@link Shape} (the fields a table counts by),
 * with how many cases, how many have days to conclusion and the sum of those days. A few thousand shapes stand
 * for any number of cases, and any table of any fiscal year is folded from them in well under a millisecond
 * (docs/benchmarks.md: a draft under steady intake costs a stamp read and a fold; counting afresh costs seconds
 * at 100,000 cases on the development store).
 *
 * <p>Counting is MongoDB's: a {@code $group} by shape ({@link ProjectionStore#shapes}). The kept entries live in
 * a bounded map (Caffeine: {@link #ENTRIES} agencies, recounted {@link #RECOUNT_AFTER} after their count).
 *
 * <p>Why it stays exact: every write that changes a case bumps the agency's stamp ({@link ProjectionChangeStore}).
 * A kept entry holds the stamp it is exact at. A change made here holds its agency's read lock from its write to
 * applying its delta (the old shape is what the atomic write replaced, {@link SnapshotStore.Written#stored()}),
 * and applies it only if the stamp it got is the entry's plus one (no other writer in between); anything else —
 * another instance, a replay's bulk write, a failure between the write and the delta — drops the entry, and the
 * next read counts afresh. A count takes the write lock, so no change of this instance is half done while it
 * reads, and it reads the stamp before the cases, so the entry never claims a stamp newer than what it counted.
 * The locks are a fixed set of stripes (agencies hash onto them), so nothing grows with the agencies. A writer
 * that died between a case write and its stamp is covered by the redelivery of its event, which stamps again
 * ({@link ComplaintCaseProjection#applyTo}); as a last resort an entry is recounted after {@link #RECOUNT_AFTER},
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
    private static final int STRIPES = 64;
    static final String RECOUNTS = "integrity.stats.draft_recounts";
    static final String DRIFT = "integrity.stats.draft_drift";

    /**
     * What a table counts one case by.
     *
     * @param fiscalYear     Buddhist-Era fiscal year it was received in
     * @param receivedMonth  {@code YYYY-MM} (Bangkok) it was received in
     * @param finalStatus    its status is final
     * @param concludedMonth {@code YYYY-MM} (Bangkok) it was concluded in, {@code null} while open
     * @param referredTo     the body it stands referred to, {@code null} when not referred
     */
    public record Shape(int fiscalYear, String receivedMonth, String channel, String category, String status,
            boolean finalStatus, String concludedMonth, String referredTo) {

        public Shape(int fiscalYear, String receivedMonth, String channel, String category, String status,
                boolean finalStatus, String concludedMonth) {
            this(fiscalYear, receivedMonth, channel, category, status, finalStatus, concludedMonth, null);
        }

        /** The shape in a stored case, a {@code $set}, or a {@code $group} key; {@code null} before projection. */
        static Shape of(Document document) {
            if (document == null || document.getString("receivedMonth") == null) {
                return null;
            }
            return new Shape(((Number) document.get("fiscalYear")).intValue(), document.getString("receivedMonth"),
                    document.getString("channel"), document.getString("category"), document.getString("status"),
                    Boolean.TRUE.equals(document.get("final")), document.getString("concludedMonth"),
                    document.getString("referredTo"));
        }
    }

    /** The cases of one shape: how many, how many of them have days to conclusion, and the sum of those days. */
    public record ShapeCount(Shape shape, long cases, long withDays, long daysSum) {
    }

    /** One case as a table counts it: its shape and its days to conclusion ({@code null} while open or unknown). */
    record Counted(Shape shape, Integer days) {

        static final Bson FIELDS = Projections.include("fiscalYear", "receivedMonth", "channel", "category", "status",
                "final", "concludedMonth", "daysToConclusion", "referredTo");

        /** The case in a stored document or a {@code $set}; {@code null} when there is none (not yet projected). */
        static Counted of(Document document) {
            Shape shape = Shape.of(document);
            Number days = shape == null ? null : (Number) document.get("daysToConclusion");
            return shape == null ? null : new Counted(shape, days == null ? null : days.intValue());
        }
    }

    private record Key(int generation, String agency) {
    }

    /** Mutable, guarded by its own monitor; {@code counts} per shape: cases, with days, days sum. */
    private static final class Entry {
        long stamp;
        final Map<Shape, long[]> counts;

        Entry(long stamp, Map<Shape, long[]> counts) {
            this.stamp = stamp;
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

    private final ProjectionStore store;
    private final ProjectionChangeStore changes;
    private final MeterRegistry meters;
    private final ReadWriteLock[] locks = new ReadWriteLock[STRIPES];
    private final Cache<Key, Entry> entries = Caffeine.newBuilder().maximumSize(ENTRIES)
            .expireAfterWrite(RECOUNT_AFTER).build();

    public CaseShapes(ProjectionStore store, ProjectionChangeStore changes, MeterRegistry meters) {
        this.store = store;
        this.changes = changes;
        this.meters = meters;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
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
            return kept != null ? kept
                    : count(key, stamp, entries.getIfPresent(key) == null ? "cold" : "changed").snapshot();
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
            Entry before = null;
            Entry kept = entries.getIfPresent(key);
            if (kept != null) {
                synchronized (kept) {
                    before = new Entry(kept.stamp, new HashMap<>(kept.counts));
                }
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
        entries.invalidate(new Key(generation, agency));
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
            Entry entry = entries.getIfPresent(key);
            if (entry != null) {
                boolean followed;
                synchronized (entry) {
                    followed = entry.stamp == stamp - 1;
                    if (followed) {
                        entry.add(before, -1);
                        entry.add(after, 1);
                        entry.stamp = stamp;
                    }
                }
                if (!followed) {
                    entries.invalidate(key); // someone else wrote in between: the next read counts
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
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        synchronized (entry) {
            // An entry ahead of the stamp read: a change of ours landed since; it accounts for everything up to it.
            return entry.stamp >= stamp ? entry.snapshot() : null;
        }
    }

    /**
     * Counts under the write lock, with the {@code stamp} read before the cases (by the caller, under the same
     * lock), so the entry never claims a newer stamp than what it counted.
     */
    private Entry count(Key key, long stamp, String reason) {
        Map<Shape, long[]> counts = new HashMap<>();
        for (ShapeCount shape : store.shapes(key.generation(), key.agency())) {
            counts.put(shape.shape(), new long[] { shape.cases(), shape.withDays(), shape.daysSum() });
        }
        Entry entry = new Entry(stamp, counts);
        entries.put(key, entry);
        Counter.builder(RECOUNTS).description("Draft counts read afresh from the case projection, by reason")
                .tag("reason", reason).register(meters).increment();
        return entry;
    }

    private ReadWriteLock lock(Key key) {
        return locks[Math.floorMod(key.hashCode(), STRIPES)];
    }

    private static boolean equal(Map<Shape, long[]> a, Map<Shape, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }
}
