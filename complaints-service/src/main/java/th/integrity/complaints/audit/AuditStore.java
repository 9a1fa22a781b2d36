package th.integrity.complaints.audit;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The append-only log of identity reveals (collection {@code identity_reveals}): inserts and reads, nothing that
 * changes or deletes a record. The only class that touches the collection.
 */
@Component
public class AuditStore {

    private final MongoTemplate mongo;

    AuditStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Writes one reveal; throws when it cannot be written (the identity is then not revealed). */
    public void record(IdentityReveal reveal) {
        mongo.insert(reveal);
    }

    record Page(List<IdentityReveal> items, long total) {
    }

    /** Reveals of {@code agency} (of one case when {@code caseId} is given), newest first. */
    Page reveals(String agency, String caseId, long skip, int limit) {
        Criteria criteria = Criteria.where("agency").is(agency);
        if (caseId != null) {
            criteria = criteria.and("caseId").is(caseId);
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, IdentityReveal.class);
        List<IdentityReveal> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at")).skip(skip).limit(limit),
                IdentityReveal.class);
        return new Page(items, total);
    }
}
