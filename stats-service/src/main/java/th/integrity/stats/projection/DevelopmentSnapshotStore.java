package th.integrity.stats.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * The {@link SnapshotStore} for mongo-java-server with large collections (the launcher and the benchmark, never
 * production): that server answers a filter from an index only when the filter's keys equal the index's, so the
 * conditional upsert of {@link MongoSnapshotStore} ({@code _id} and {@code version}) scans every document per
 * event. Here every filter holds {@code _id} alone: a read of the stored version, then, when the snapshot is newer,
 * an upsert by {@code _id}. What makes the pair atomic is a lock of this process (a stripe per {@code _id} for
 * single writes, all of them for a batch), so it is correct only while one stats-service process writes the store
 * — which is what the launcher and the benchmark run.
 */
final class DevelopmentSnapshotStore implements SnapshotStore {

    /** Ids per {@code $in} read: mongo-java-server re-checks each found document against the whole list. */
    static final int READ_SLICE = 200;
    private static final int STRIPES = 64;

    private final MongoTemplate mongo;
    /** Single writes share it; a batch takes it alone. */
    private final ReadWriteLock batch = new ReentrantReadWriteLock();
    private final Object[] stripes = new Object[STRIPES];

    DevelopmentSnapshotStore(MongoTemplate mongo) {
        this.mongo = mongo;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public Written write(String collection, Snapshot snapshot, Bson returned) {
        batch.readLock().lock();
        try {
            synchronized (stripes[Math.floorMod(snapshot.id().hashCode(), STRIPES)]) {
                Document stored = mongo.getCollection(collection).find(Filters.eq("_id", snapshot.id()))
                        .projection(Projections.fields(VERSION_FIELDS, returned)).first();
                if (SnapshotStore.versionOf(stored) >= snapshot.version()) {
                    return new Written(ProjectionOutcome.STALE, stored);
                }
                mongo.upsert(byId(snapshot.id()), update(snapshot), collection);
                return new Written(stored == null ? ProjectionOutcome.CREATED : ProjectionOutcome.UPDATED, stored);
            }
        } finally {
            batch.readLock().unlock();
        }
    }

    /**
     * The stored versions by {@code $in} on {@code _id} (in slices), then one unordered bulk: an upsert by
     * {@code _id} where a document exists, an insert where none does (about half the cost of an upsert on this
     * server).
     */
    @Override
    public Set<String> writeAll(String collection, List<Snapshot> snapshots) {
        batch.writeLock().lock();
        try {
            Map<String, Long> stored = storedVersions(collection, snapshots);
            List<Snapshot> newer = new ArrayList<>();
            for (Snapshot snapshot : snapshots) {
                if (stored.getOrDefault(snapshot.id(), Long.MIN_VALUE) < snapshot.version()) {
                    newer.add(snapshot);
                }
            }
            if (newer.isEmpty()) {
                return Set.of();
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            for (Snapshot snapshot : newer) {
                if (stored.containsKey(snapshot.id())) {
                    bulk.upsert(byId(snapshot.id()), update(snapshot));
                } else {
                    Document inserted = new Document("_id", snapshot.id());
                    inserted.putAll(snapshot.fields());
                    bulk.insert(inserted);
                }
            }
            bulk.execute();
            Set<String> written = new LinkedHashSet<>();
            newer.forEach(snapshot -> written.add(snapshot.id()));
            return written;
        } finally {
            batch.writeLock().unlock();
        }
    }

    /** Ids with a document that has a version; absent otherwise (a stub without a version counts as older). */
    private Map<String, Long> storedVersions(String collection, List<Snapshot> snapshots) {
        Map<String, Long> versions = new HashMap<>();
        List<String> ids = snapshots.stream().map(Snapshot::id).toList();
        for (int from = 0; from < ids.size(); from += READ_SLICE) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + READ_SLICE));
            for (Document stored : mongo.getCollection(collection).find(Filters.in("_id", slice))
                    .projection(Projections.include("version")).batchSize(slice.size())) {
                if (stored.get("version") instanceof Number n) {
                    versions.put(stored.getString("_id"), n.longValue());
                } else {
                    versions.put(stored.getString("_id"), Long.MIN_VALUE);
                }
            }
        }
        return versions;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Update update(Snapshot snapshot) {
        Update update = new Update();
        snapshot.fields().forEach(update::set);
        return update;
    }
}
