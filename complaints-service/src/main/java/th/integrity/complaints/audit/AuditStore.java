package th.integrity.complaints.audit;

import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import th.integrity.complaints.identity.CaseContent;

/**
 * The append-only log of identity reveals (collection {@code identity_reveals}): inserts and reads, nothing that
 * changes or deletes a record. The only class that touches the collection. The officer's stated reason is stored
 * sealed under the case's key (it often retells the story): after the retention purge the log still says who read
 * the identity, when and under whose approval, but no longer why.
 */
@Component
public class AuditStore {

    private static final String REASON = "reason";

    private final MongoTemplate mongo;
    private final CaseContent content;

    AuditStore(MongoTemplate mongo, CaseContent content) {
        this.mongo = mongo;
        this.content = content;
    }

    /** Writes one reveal; throws when it cannot be written (the identity is then not revealed). */
    public void record(IdentityReveal reveal) {
        Document stored = new Document();
        mongo.getConverter().write(reveal, stored);
        stored.put(REASON, content.sealText(reveal.agency(), reveal.caseId(), where(reveal.id()), reveal.reason()));
        mongo.insert(stored, IdentityReveal.COLLECTION);
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
                Document.class, IdentityReveal.COLLECTION).stream().map(this::open).toList();
        return new Page(items, total);
    }

    private IdentityReveal open(Document stored) {
        stored.put(REASON, content.openText(stored.getString("agency"), stored.getString("caseId"),
                where(stored.getString("_id")), stored.get(REASON)));
        return mongo.getConverter().read(IdentityReveal.class, stored);
    }

    private static String where(String id) {
        return IdentityReveal.COLLECTION + "/" + id + "." + REASON;
    }
}
