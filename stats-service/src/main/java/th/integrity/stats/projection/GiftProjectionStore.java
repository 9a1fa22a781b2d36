package th.integrity.stats.projection;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The gift projection's writes that are not a versioned snapshot ({@link SnapshotStore} does those): nil returns
 * kept once by id, and the mark a correction leaves on the declaration it supersedes.
 */
@Component
class GiftProjectionStore {

    private final MongoTemplate mongo;

    GiftProjectionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether the nil return was new in {@code generation} (a repeat changes nothing) */
    boolean addNilReturn(int generation, GiftEvent.NilReturn nil, String eventId) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(nil.agency() + ":" + nil.nilReturnId())),
                new Update().setOnInsert("agency", nil.agency()).setOnInsert("fiscalYear", nil.fiscalYear())
                        .setOnInsert("round", nil.round()).setOnInsert("filedAt", nil.filedAt())
                        .setOnInsert("lastEventId", eventId),
                ProjectionStore.nilReturns(generation)).getUpsertedId() != null;
    }

    /**
     * Marks {@code agency:supersededId} superseded by {@code byId}; creates a stub (no version, so older than any
     * snapshot) when the superseded declaration has not arrived yet.
     */
    void markSuperseded(int generation, String agency, String supersededId, String byId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(agency + ":" + supersededId)),
                new Update().set("supersededBy", byId).setOnInsert("agency", agency),
                ProjectionStore.declarations(generation));
    }
}
