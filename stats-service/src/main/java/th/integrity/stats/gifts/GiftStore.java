package th.integrity.stats.gifts;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

import th.integrity.stats.projection.ProjectionStore;

/**
 * The gift tables' reads of the gift projection (the active generation's declarations and nil returns): the only
 * class of this feature that touches MongoDB. The projection writes them ({@link ProjectionStore}).
 */
@Component
class GiftStore {

    private final MongoTemplate mongo;
    private final ProjectionStore projection;

    GiftStore(MongoTemplate mongo, ProjectionStore projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    /** The current (not superseded) declarations of an agency's fiscal year, all halves. */
    Iterable<Document> declarations(String agency, int fiscalYear) {
        var filter = Filters.and(Filters.eq("agency", agency), Filters.eq("fiscalYear", fiscalYear),
                Filters.exists("version"), Filters.eq("supersededBy", null));
        return mongo.getCollection(ProjectionStore.declarations(projection.active())).find(filter);
    }

    long nilReturns(String agency, int fiscalYear, GiftRound round) {
        return mongo.getCollection(ProjectionStore.nilReturns(projection.active())).countDocuments(Filters.and(
                Filters.eq("agency", agency), Filters.eq("fiscalYear", fiscalYear), Filters.eq("round", round.name())));
    }
}
