package th.integrity.complaints.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import th.integrity.complaints.identity.CaseContent;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.outbox.OutboxMessage;

/**
 * Collection {@code identity_requests}, the only class that touches it. A decision is one conditional update that
 * matches only a PENDING request, so of two heads deciding at once exactly one wins; nothing here deletes.
 * The officer's reason and the head's note are stored sealed under the case's key ({@link CaseContent#sealText}):
 * they often retell the story, so a copy of the database does not show them and the retention purge shreds them
 * with the case; who asked, who decided and when stay clear, as the audit needs.
 */
@Component
class IdentityRequestStore {

    private static final String REASON = "reason";
    private static final String NOTE = "note";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final CaseContent content;

    IdentityRequestStore(MongoTemplate mongo, Outbox outbox, CaseContent content) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.content = content;
    }

    void insert(IdentityRequest request) {
        Document stored = new Document();
        mongo.getConverter().write(request, stored);
        stored.put(REASON, seal(request.agency(), request.caseId(), request.id(), REASON, request.reason()));
        mongo.insert(stored, IdentityRequest.COLLECTION);
        outbox.written(IdentityRequest.COLLECTION, request.id());
    }

    Optional<IdentityRequest> find(String agency, String id) {
        return read(new Query(Criteria.where("_id").is(id).and("agency").is(agency))).stream().findFirst();
    }

    /** Requests of {@code agency} (in {@code status} when given), oldest first: the head's queue is worked in order. */
    List<IdentityRequest> list(String agency, IdentityRequest.Status status, int limit) {
        Criteria criteria = Criteria.where("agency").is(agency);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = new Query(criteria).with(Sort.by("requestedAt")).limit(limit);
        query.fields().exclude(Outbox.FIELD);
        return read(query);
    }

    /** Requests about one case, newest first. */
    List<IdentityRequest> ofCase(String agency, String caseId) {
        Query query = new Query(Criteria.where("agency").is(agency).and("caseId").is(caseId))
                .with(Sort.by(Sort.Direction.DESC, "requestedAt"));
        query.fields().exclude(Outbox.FIELD);
        return read(query);
    }

    /** Whether {@code officer} already has a request on the case that awaits the head's decision. */
    boolean pending(String agency, String caseId, String officer) {
        return mongo.exists(new Query(Criteria.where("agency").is(agency).and("caseId").is(caseId).and("requester")
                .is(officer).and("status").is(IdentityRequest.Status.PENDING)), IdentityRequest.class);
    }

    /**
     * Writes {@code decided}'s decision on the request if it is still PENDING: the decision and its event in one write. @return the request as decided, or empty
     * when it was not pending any more (decided by someone else meanwhile)
     */
    Optional<IdentityRequest> decide(IdentityRequest decided, OutboxMessage event) {
        Query query = new Query(Criteria.where("_id").is(decided.id()).and("agency").is(decided.agency())
                .and("status").is(IdentityRequest.Status.PENDING));
        Update update = new Update().set("status", decided.status()).set("decidedBy", decided.decidedBy())
                .set("decidedByName", decided.decidedByName())
                .set(NOTE, seal(decided.agency(), decided.caseId(), decided.id(), NOTE, decided.note()))
                .set("decidedAt", decided.decidedAt()).set("expiresAt", decided.expiresAt()).push(Outbox.FIELD, event);
        Document written = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, IdentityRequest.COLLECTION);
        if (written == null) {
            return Optional.empty();
        }
        outbox.written(IdentityRequest.COLLECTION, decided.id());
        return Optional.of(open(written));
    }

    /** Records a read under an approval ({@code firstRevealAt} keeps the earliest); each adds its event. */
    void revealed(IdentityRequest approved, Instant at, OutboxMessage event) {
        Update update = new Update().push(Outbox.FIELD, event).min("firstRevealAt", at);
        mongo.updateFirst(new Query(Criteria.where("_id").is(approved.id())), update, IdentityRequest.class);
        outbox.written(IdentityRequest.COLLECTION, approved.id());
    }

    /** When the reporter's identity of a case was first read under an approval, if ever. */
    Optional<Instant> firstDisclosure(String agency, String caseId) {
        Query query = new Query(Criteria.where("agency").is(agency).and("caseId").is(caseId).and("firstRevealAt").ne(null))
                .with(Sort.by("firstRevealAt")).limit(1);
        query.fields().include("firstRevealAt");
        return Optional.ofNullable(mongo.findOne(query, IdentityRequest.class)).map(IdentityRequest::firstRevealAt);
    }

    private List<IdentityRequest> read(Query query) {
        return mongo.find(query, Document.class, IdentityRequest.COLLECTION).stream().map(this::open).toList();
    }

    private IdentityRequest open(Document stored) {
        String agency = stored.getString("agency");
        String caseId = stored.getString("caseId");
        String id = stored.getString("_id");
        for (String field : List.of(REASON, NOTE)) {
            if (stored.containsKey(field)) {
                stored.put(field, content.openText(agency, caseId, where(id, field), stored.get(field)));
            }
        }
        return mongo.getConverter().read(IdentityRequest.class, stored);
    }

    private Document seal(String agency, String caseId, String id, String field, String text) {
        return content.sealText(agency, caseId, where(id, field), text);
    }

    private static String where(String id, String field) {
        return IdentityRequest.COLLECTION + "/" + id + "." + field;
    }
}
