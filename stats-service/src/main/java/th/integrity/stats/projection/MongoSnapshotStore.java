package th.integrity.stats.projection;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;

/**
 * The production {@link SnapshotStore}: a conditional upsert filtered on {@code {_id, version < v}}. Where the
 * stored version is lower (or absent) the filter matches and the update applies; where it is the same or higher
 * the filter matches nothing, the upsert tries to insert the {@code _id} and the unique {@code _id} index refuses:
 * the duplicate key <em>is</em> the answer "stale". One atomic operation per document, so two consumers of one
 * partition during a rebalance, a replay and the live listeners, or two instances, can write in any order and the
 * document still ends at the highest version.
 */
final class MongoSnapshotStore implements SnapshotStore {

    private final MongoTemplate mongo;

    MongoSnapshotStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * {@code {_id: id, version: {$not: {$gte: v}}}}: also matches a document without a version (a gift declaration
     * stub that a correction created first), which {@code $lt} alone would not.
     */
    static Document olderThan(String id, long version) {
        return new Document("_id", id).append("version", new Document("$not", new Document("$gte", version)));
    }

    @Override
    public Written write(String collection, Snapshot snapshot, Bson returned) {
        try {
            // The document as it was (null: the upsert created it), with the fields the caller needs back.
            Document before = mongo.getCollection(collection).findOneAndUpdate(
                    olderThan(snapshot.id(), snapshot.version()), new Document("$set", snapshot.fields()),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)
                            .projection(Projections.fields(VERSION_FIELDS, returned)));
            return new Written(before == null ? ProjectionOutcome.CREATED : ProjectionOutcome.UPDATED, before);
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return stale(collection, snapshot.id(), returned);
        } catch (DuplicateKeyException e) {
            return stale(collection, snapshot.id(), returned);
        }
    }

    /** Stale: what is stored now (the caller tells a redelivery from a late event by it). */
    private Written stale(String collection, String id, Bson returned) {
        Document stored = mongo.getCollection(collection).find(Filters.eq("_id", id))
                .projection(Projections.fields(VERSION_FIELDS, returned)).first();
        return new Written(ProjectionOutcome.STALE, stored);
    }

    @Override
    public Set<String> writeAll(String collection, List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Snapshot snapshot : snapshots) {
            Update update = new Update();
            snapshot.fields().forEach(update::set);
            bulk.upsert(new BasicQuery(olderThan(snapshot.id(), snapshot.version())), update);
        }
        Set<Integer> stale = Set.of();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            stale = staleIndexes(e);
        }
        Set<String> written = new LinkedHashSet<>();
        for (int i = 0; i < snapshots.size(); i++) {
            if (!stale.contains(i)) {
                written.add(snapshots.get(i).id());
            }
        }
        return written;
    }

    /** The writes of the bulk that found a version as new or newer; any other failure is rethrown. */
    private static Set<Integer> staleIndexes(BulkOperationException e) {
        Set<Integer> stale = new HashSet<>();
        for (BulkWriteError error : e.getErrors()) {
            if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            stale.add(error.getIndex());
        }
        return stale;
    }
}
