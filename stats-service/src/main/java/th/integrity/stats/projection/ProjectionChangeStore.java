package th.integrity.stats.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A change counter per generation and agency, bumped after every write that changed the projection. Cached
 * tables compare it to the value they were computed at (one read by id instead of a scan of the agency's
 * cases). Written after the case itself, so a cached table is never newer than its stamp; if the process dies
 * between the two writes the cache may lag until the next change or its time-to-live runs out. The draft counts
 * kept by {@link CaseShapes} use the stamp a change got to tell whether anyone else wrote in between.
 */
@Component
class ProjectionChangeStore {

    static final String COLLECTION = "projection_changes";

    private final MongoTemplate mongo;

    public ProjectionChangeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Bumps the stamp of {@code agency} in {@code generation}; returns the new stamp. */
    long changed(int generation, String agency) {
        Document stamped = mongo.findAndModify(Query.query(Criteria.where("_id").is(generation + ":" + agency)),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        return ((Number) stamped.get("seq")).longValue();
    }

    /** The current stamp of {@code agency} in {@code generation}; 0 before any change. */
    public long stamp(int generation, String agency) {
        Document document = mongo.findById(generation + ":" + agency, Document.class, COLLECTION);
        return document == null ? 0 : ((Number) document.get("seq")).longValue();
    }
}
