package th.integrity.stats.projection;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Writes a document's newest snapshot: the stored fields are replaced only by a higher version. The one place
 * where the projection's code differs between MongoDB and the development store (docs/statistics.md, "MongoDB
 * and the development store"):
 * <ul>
 * <li>{@link MongoSnapshotStore}, the production path: a conditional upsert on {@code {_id, version < v}}, where a
 * duplicate key means the stored version is the same or newer. Atomic per document on any MongoDB, whatever
 * number of instances and threads write.</li>
 * <li>{@link DevelopmentSnapshotStore}, for mongo-java-server with large collections (the launcher, the
 * benchmark; {@code integrity.stats.projection.development-store=true}): that server uses an index only when a
 * filter's keys equal the index's, so the conditional upsert scans the whole collection per event. It reads and
 * writes by {@code _id} alone, under a lock of this process.</li>
 * </ul>
 * The tests run the production path against mongo-java-server (small collections, so the scan costs nothing).
 */
interface SnapshotStore {

    /**
     * One document's snapshot.
     *
     * @param fields what {@code $set} writes, {@code version} included (other fields stay, e.g. a
     *               {@code supersededBy} mark)
     */
    record Snapshot(String id, long version, Document fields) {
    }

    /**
     * @param outcome what the write did
     * @param stored  the document as it was before (only the fields asked for, and {@code version} and
     *                {@code lastEventId}); {@code null} when there was none
     */
    record Written(ProjectionOutcome outcome, Document stored) {
    }

    /**
     * Writes {@code snapshot} to {@code collection} if its version is higher than the stored one (a document
     * without a version counts as older).
     *
     * @param returned the fields of the stored document the caller needs back
     */
    Written write(String collection, Snapshot snapshot, Bson returned);

    /**
     * Writes each snapshot as {@link #write} would, with a few round trips for all (a replay's batch). At most one
     * snapshot per id.
     *
     * @return the ids of the documents created or updated
     */
    Set<String> writeAll(String collection, List<Snapshot> snapshots);

    /** The fields always returned in {@link Written#stored()}. */
    Bson VERSION_FIELDS = com.mongodb.client.model.Projections.include("version", "lastEventId");

    /** The version in a stored document; {@code Long.MIN_VALUE} when there is none or it has no version yet. */
    static long versionOf(Document stored) {
        return stored != null && stored.get("version") instanceof Number n ? n.longValue() : Long.MIN_VALUE;
    }
}
