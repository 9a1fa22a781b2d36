package th.integrity.complaints.reporternotice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import th.integrity.complaints.identity.Sealed;

/** The sender's own collection; single-document writes only (no transactions on the development store). */
@Component
class ReporterNoticeQueue {

    private final MongoTemplate mongo;

    ReporterNoticeQueue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<PendingNotice> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, PendingNotice.class));
    }

    /** Notes news of a case: one notice waits, however much happened before it goes (news is coalesced). */
    void news(String caseId, String agency, PendingNotice.Seen seen, Instant now) {
        mongo.upsert(byId(caseId), new Update().set("agency", agency).set("seen", seen).set("newsAt", now)
                .setOnInsert("attempts", 0), PendingNotice.class);
        mongo.updateFirst(byId(caseId).addCriteria(Criteria.where("nextAttemptAt").is(null)),
                new Update().set("nextAttemptAt", now), PendingNotice.class);
    }

    /** Keeps the sealed address for the notices still to go, once the case's own copy is removed. */
    void keepAddress(String caseId, String agency, Sealed address) {
        mongo.upsert(byId(caseId), new Update().set("agency", agency).set("address", address).setOnInsert("attempts", 0),
                PendingNotice.class);
    }

    List<PendingNotice> due(Instant now, int limit) {
        return mongo.find(new Query(Criteria.where("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(limit), PendingNotice.class);
    }

    /**
     * The notice {@code sent} went out. Unless news came meanwhile, nothing waits any more; a closed case's record
     * (the one holding the sealed address) is then removed altogether.
     */
    void sent(PendingNotice sent) {
        Query unchanged = byId(sent.caseId()).addCriteria(Criteria.where("newsAt").is(sent.newsAt()));
        if (sent.address() != null) {
            mongo.remove(unchanged, PendingNotice.class);
        } else {
            mongo.updateFirst(unchanged, new Update().unset("nextAttemptAt").set("attempts", 0), PendingNotice.class);
        }
    }

    void failed(PendingNotice notice, Instant retryAt) {
        mongo.updateFirst(byId(notice.caseId()), new Update().inc("attempts", 1).set("nextAttemptAt", retryAt),
                PendingNotice.class);
    }

    void drop(String caseId) {
        mongo.remove(byId(caseId), PendingNotice.class);
    }

    private static Query byId(String caseId) {
        return new Query(Criteria.where("_id").is(caseId));
    }
}
