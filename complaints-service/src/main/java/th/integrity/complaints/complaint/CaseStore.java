package th.integrity.complaints.complaint;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.springframework.data.domain.Sort;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicUpdate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.identity.CaseContent;
import th.integrity.complaints.identity.IdentityCipher;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.identity.Sealed;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.web.ProblemException;

/**
 * Reads cases within one agency and writes every change as one conditional single-document update: the
 * change, {@code version + 1} and the event describing the case afterwards, applied only if nobody changed
 * the case since it was read. Never a multi-document transaction. The only class that reads or writes collection
 * {@code complaints}. The case's free text is sealed on the way in and opened on the way out ({@link CaseContent}):
 * only this class sees the stored form.
 */
@Component
public class CaseStore {

    private final MongoTemplate mongo;
    private final CaseEvents events;
    private final CaseContent content;
    private final IdentityVault vault;

    public CaseStore(MongoTemplate mongo, CaseEvents events, CaseContent content, IdentityVault vault) {
        this.mongo = mongo;
        this.events = events;
        this.content = content;
        this.vault = vault;
    }

    public Optional<Complaint> find(String agency, String id) {
        return one(new Query(Criteria.where("_id").is(id).and("agency").is(agency)));
    }

    /** Inserts a new case (with its first event in {@code outbox}); a clash of a unique index throws. */
    public void insert(Complaint complaint) {
        Document stored = new Document();
        mongo.getConverter().write(complaint, stored);
        content.seal(stored);
        mongo.insert(stored, Complaint.COLLECTION);
    }

    /** The case a tracking code hashes to, whatever its agency (the code alone identifies it). */
    public Optional<Complaint> findByTrackingHash(String hash) {
        return one(new Query(Criteria.where("trackingHash").is(hash)));
    }

    /** The case filed with an Idempotency-Key of this keyed hash, if its replay record is still there. */
    public Optional<Complaint> findByIdempotencyKey(String keyHash) {
        return one(new Query(Criteria.where("idempotency.keyHash").is(keyHash)));
    }

    /** Removes the replay record of case {@code id} if it is still the one of {@code keyHash}. */
    public void forgetIdempotency(String id, String keyHash) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("idempotency.keyHash").is(keyHash)),
                new Update().unset("idempotency"), Complaint.class);
    }

    /** Removes every replay record expired at {@code now}; @return how many */
    public long forgetIdempotencyExpiredAt(Instant now) {
        return mongo.updateMulti(new Query(Criteria.where("idempotency.expiresAt").lte(now)),
                new Update().unset("idempotency"), Complaint.class).getModifiedCount();
    }

    /** Whether any case references stored file {@code fileId}. */
    public boolean referencesAttachment(String fileId) {
        return mongo.exists(new Query(Criteria.where("attachments.fileId").is(fileId)), Complaint.class);
    }

    /** Concluded cases not yet purged whose conclusion is at or before {@code cutoff} (index {@code retention_due}). */
    public List<Complaint> dueForPurge(Instant cutoff, int limit) {
        return all(new Query(Criteria.where("concludedAt").lte(cutoff).and("purgedAt").is(null)).limit(limit));
    }

    /**
     * What an officer filters a case list by; every part optional.
     *
     * @param month   received in this month of {@code zone}, as the statistics count it
     * @param overdue true: past the deadline of the status at {@code now}; false: not past it, or final
     * @param caseNumber the case number an officer typed (prefix and leading zeros ignored; without a year, in any)
     */
    public record Filter(ComplaintStatus status, Category category, Channel channel, YearMonth month, Boolean overdue,
            CaseNumber.Query caseNumber) {

        public Filter(ComplaintStatus status, Category category, Channel channel, YearMonth month, Boolean overdue) {
            this(status, category, channel, month, overdue, null);
        }
    }

    /** One page of a list, with the number of matches. */
    public record Page(List<Complaint> items, long total) {
    }

    /**
     * A page of the cases of {@code agency} matching {@code filter}, newest first, without the fields a list never
     * shows (details, texts, notes, history, identity, replay record, outbox).
     */
    public Page list(String agency, Filter filter, ZoneId zone, Instant now, long skip, int limit) {
        Criteria criteria = Criteria.where("agency").is(agency);
        if (filter.status() != null) {
            criteria.and("status").is(filter.status());
        }
        if (filter.category() != null) {
            criteria.and("category").is(filter.category());
        }
        if (filter.channel() != null) {
            criteria.and("channel").is(filter.channel());
        }
        if (filter.month() != null) {
            criteria.and("receivedAt").gte(filter.month().atDay(1).atStartOfDay(zone).toInstant())
                    .lt(filter.month().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            criteria.and("dueAt").lt(now);
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            criteria.orOperator(Criteria.where("dueAt").is(null), Criteria.where("dueAt").gte(now));
        }
        if (filter.caseNumber() != null) {
            criteria.and("caseSequence").is(filter.caseNumber().sequence());
            if (filter.caseNumber().fiscalYear() != null) {
                criteria.and("caseFiscalYear").is(filter.caseNumber().fiscalYear());
            }
        }
        Query query = new Query(criteria);
        // details stay: the list shows their first words as the case's summary. The other sealed texts a row never
        // shows are left out, so a page opens one value a row.
        query.fields().exclude("messages.text", "notes", "history", "reporter", "idempotency", "outbox", "location",
                "letterRef", "referral.answers.summary");
        long total = mongo.count(Query.of(query), Complaint.class);
        List<Complaint> found = all(query.with(Sort.by(Sort.Direction.DESC, "receivedAt")).skip(skip).limit(limit));
        return new Page(found, total);
    }

    /** How many cases are in each status (statuses without a case are absent), in one grouped pass. */
    public Map<ComplaintStatus, Long> countByStatus() {
        Map<ComplaintStatus, Long> counted = new HashMap<>();
        for (Document group : mongo.getCollection(Complaint.COLLECTION)
                .aggregate(List.of(Aggregates.group("$status", Accumulators.sum("n", 1))))) {
            for (ComplaintStatus status : ComplaintStatus.values()) {
                if (status.name().equals(group.get("_id"))) {
                    counted.put(status, ((Number) group.get("n")).longValue());
                }
            }
        }
        return counted;
    }

    /**
     * Cases past their deadline at {@code now}, per agency, most first (ties by agency code), answered from the
     * {@code dueAt} index: only final states have no {@code dueAt}.
     */
    public void overdueByAgency(Instant now, BiConsumer<String, Long> each) {
        for (Document group : mongo.getCollection(Complaint.COLLECTION).aggregate(List.of(
                Aggregates.match(Filters.lt("dueAt", now)),
                Aggregates.group("$agency", Accumulators.sum("n", 1)),
                Aggregates.sort(Sorts.orderBy(Sorts.descending("n"), Sorts.ascending("_id")))))) {
            each.accept(group.get("_id") instanceof String agency ? agency : null, ((Number) group.get("n")).longValue());
        }
    }

    /**
     * Records that an officer opened case {@code id} at {@code now} (never moving the mark back): not a change of
     * the case, so no version and no event.
     */
    public void markSeen(String agency, String id, Instant now) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("agency").is(agency)),
                new Update().max("officerSeenAt", now), Complaint.class);
    }

    /**
     * Removes the reporter's notice address of case {@code id}: not a change anyone sees (no version, no event), and
     * written by field, so no concurrent change of the case brings it back.
     */
    public void forgetNoticeAddress(String agency, String id) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("agency").is(agency)),
                new Update().unset(Complaint.NOTICE_ADDRESS), Complaint.class);
    }

    /** The case of the caller's agency, or the same 404 whether it does not exist or belongs to another. */
    public Complaint get(String agency, String id) {
        return find(agency, id).orElseThrow(ComplaintsProblems::caseNotFound);
    }

    /**
     * Applies {@code changes} to {@code before} if it is still at its version, together with an event of
     * {@code type} whose data is {@code after} (its version is set here).
     *
     * @throws ProblemException 409 when the case changed since {@code before} was read
     */
    public long update(Complaint before, Update changes, String type, ComplaintSnapshot after, Instant now) {
        long version = before.version() + 1;
        changes.set("version", version).set("updatedAt", now).push(Outbox.FIELD, events.message(type, after.withVersion(version), now));
        var result = mongo.updateFirst(new Query(Criteria.where("_id").is(before.id())
                .and("agency").is(before.agency()).and("version").is(before.version())),
                sealed(before.agency(), before.id(), changes), Complaint.class);
        if (result.getModifiedCount() == 0) {
            throw ComplaintsProblems.changedMeanwhile();
        }
        events.written(before.id());
        return version;
    }

    /**
     * The update with every content value it writes ({@link CaseContent#PATHS}) sealed under the case's key: the
     * domain values are converted to their stored form first, then sealed, so the store never receives them in
     * clear. An update that writes no content (a move without a reason, the purge) leaves the key alone.
     */
    private Update sealed(String agency, String id, Update changes) {
        Document operations = new Document();
        for (Map.Entry<String, Object> operation : changes.getUpdateObject().entrySet()) {
            Object fields = operation.getValue();
            if (("$set".equals(operation.getKey()) || "$push".equals(operation.getKey()))
                    && fields instanceof Document assigned) {
                Document out = new Document();
                assigned.forEach((field, value) -> out.put(field, CaseContent.holdsContent(field) && value != null
                        ? content.seal(agency, id, field, mongo.getConverter().convertToMongoType(value))
                        : value));
                fields = out;
            }
            operations.put(operation.getKey(), fields);
        }
        return new BasicUpdate(operations);
    }

    private Optional<Complaint> one(Query query) {
        List<Complaint> found = all(query.limit(1));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Cases as stored, their content opened in memory (keys fetched in one read per page). */
    private List<Complaint> all(Query query) {
        List<Document> stored = mongo.query(Complaint.class).as(Document.class).matching(query).all();
        content.open(stored);
        return stored.stream().map(d -> mongo.getConverter().read(Complaint.class, d)).toList();
    }

    /**
     * Seals what cases written before sealing existed still hold in clear: their texts under the case's key, and an
     * identity sealed directly under a configured key re-sealed under the case's key (so that key can be retired).
     * Each case is rewritten only if unchanged since it was read (no new version, no event: what it says is the
     * same); a case changed meanwhile is done on the next run. @return how many cases were re-sealed
     */
    public int resealClear() {
        int resealed = 0;
        // Only cases that still hold a string at a sealed path, or an identity under a configured key: once done,
        // a start-up reads nothing. Purged cases hold no content (and their key is gone: sealing would make one).
        List<org.bson.conversions.Bson> clear = new java.util.ArrayList<>();
        CaseContent.PATHS.forEach((field, paths) -> paths.forEach(path -> clear.add(
                Filters.type(path.isEmpty() ? field : field + "." + path, org.bson.BsonType.STRING))));
        clear.add(Filters.and(Filters.exists("reporter.identity.keyId"),
                Filters.ne("reporter.identity.keyId", IdentityCipher.CASE_KEY)));
        for (Document stored : mongo.getCollection(Complaint.COLLECTION)
                .find(Filters.and(Filters.eq("purgedAt", null), Filters.or(clear)))) {
            Document before = new Document(stored);
            boolean texts = content.seal(stored);
            Document update = new Document();
            if (texts) {
                CaseContent.PATHS.keySet().stream().filter(stored::containsKey)
                        .filter(f -> stored.get(f) != before.get(f)).forEach(f -> update.put(f, stored.get(f)));
            }
            Object identity = stored.get("reporter") instanceof Document r ? r.get("identity") : null;
            if (identity instanceof Document sealedIdentity && sealedIdentity.get("keyId") instanceof String keyId
                    && !IdentityCipher.CASE_KEY.equals(keyId)) {
                String agency = stored.getString("agency");
                String id = stored.getString("_id");
                Sealed old = new Sealed(keyId, sealedIdentity.getString("nonce"), sealedIdentity.getString("ciphertext"));
                vault.openIdentity(agency, id, old).ifPresent(json -> update.put("reporter.identity",
                        mongo.getConverter().convertToMongoType(vault.sealIdentity(agency, id, json))));
            }
            if (!update.isEmpty()) {
                resealed += (int) mongo.getCollection(Complaint.COLLECTION).updateOne(
                        Filters.and(Filters.eq("_id", stored.get("_id")), Filters.eq("version", stored.get("version"))),
                        new Document("$set", update)).getModifiedCount();
            }
        }
        return resealed;
    }

    /** A case with a deadline, as the deadline notices read it. */
    public record Due(String id, String agency, Instant dueAt) {
    }

    /**
     * Cases not purged whose deadline ({@code dueAt}, which only open cases have) is at or before {@code horizon},
     * in (dueAt, id) order after {@code after} (null: from the first), at most {@code limit}: pages over the
     * {@code dueAt} index, never a case's content.
     */
    public List<Due> dueBy(Instant horizon, Due after, int limit) {
        Criteria due = Criteria.where("dueAt").lte(horizon).and("purgedAt").is(null);
        if (after != null) {
            due = new Criteria().andOperator(due, new Criteria().orOperator(Criteria.where("dueAt").gt(after.dueAt()),
                    new Criteria().andOperator(Criteria.where("dueAt").is(after.dueAt()),
                            Criteria.where("_id").gt(after.id()))));
        }
        Query query = Query.query(due).with(Sort.by("dueAt", "_id")).limit(limit);
        query.fields().include("_id", "agency", "dueAt");
        return mongo.find(query, Document.class, Complaint.COLLECTION).stream()
                .map(d -> new Due(d.getString("_id"), d.getString("agency"), d.getDate("dueAt").toInstant())).toList();
    }
}
