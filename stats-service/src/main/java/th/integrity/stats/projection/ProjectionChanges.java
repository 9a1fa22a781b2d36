package th.integrity.stats.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A change counter per generation and agency, bumped after every write that changed the projection. Cached
 * tables compare it to the value they were computed at (one read by id instead of a scan of the agency's
 * cases). Written after the case itself, so a cached table is never newer than its stamp; if the process dies
 * between the two writes the cache may lag until the next change or its time-to-live runs out.
 */
@Component
public class ProjectionChanges {

    static final String COLLECTION = "projection_changes";

    private final MongoTemplate mongo;

    public ProjectionChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void changed(int generation, String agency) {
        mongo.upsert(Query.query(Criteria.where("_id").is(generation + ":" + agency)), new Update().inc("seq", 1L),
                COLLECTION);
    }

    /** The current stamp of {@code agency} in {@code generation}; 0 before any change. */
    public long stamp(int generation, String agency) {
        Document document = mongo.findById(generation + ":" + agency, Document.class, COLLECTION);
        return document == null ? 0 : ((Number) document.get("seq")).longValue();
    }
}
