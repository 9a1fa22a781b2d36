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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.web.ProblemException;

/**
 * Reads cases within one agency and writes every change as one conditional single-document update: the
 * change, {@code version + 1} and the event describing the case afterwards, applied only if nobody changed
 * the case since it was read. Never a multi-document transaction. The only class that reads or writes collection
 * {@code complaints}.
 */
@Component
public class CaseStore {

    private final MongoTemplate mongo;
    private final CaseEvents events;

    public CaseStore(MongoTemplate mongo, CaseEvents events) {
        this.mongo = mongo;
        this.events = events;
    }

    public Optional<Complaint> find(String agency, String id) {
        return Optional.ofNullable(mongo.findOne(
                new Query(Criteria.where("_id").is(id).and("agency").is(agency)), Complaint.class));
    }

    /** Inserts a new case (with its first event in {@code outbox}); a clash of a unique index throws. */
    public void insert(Complaint complaint) {
        mongo.insert(complaint);
    }

    /** The case a tracking code hashes to, whatever its agency (the code alone identifies it). */
    public Optional<Complaint> findByTrackingHash(String hash) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("trackingHash").is(hash)), Complaint.class));
    }

    /** The case filed with an Idempotency-Key of this keyed hash, if its replay record is still there. */
    public Optional<Complaint> findByIdempotencyKey(String keyHash) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("idempotency.keyHash").is(keyHash)),
                Complaint.class));
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
        return mongo.find(new Query(Criteria.where("concludedAt").lte(cutoff).and("purgedAt").is(null)).limit(limit),
                Complaint.class);
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
        // details stay: the list shows their first words as the case's summary.
        query.fields().exclude("messages.text", "notes", "history", "reporter", "idempotency", "outbox");
        long total = mongo.count(Query.of(query), Complaint.class);
        List<Complaint> found = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "receivedAt")).skip(skip)
                .limit(limit), Complaint.class);
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
                .and("agency").is(before.agency()).and("version").is(before.version())), changes, Complaint.class);
        if (result.getModifiedCount() == 0) {
            throw ComplaintsProblems.changedMeanwhile();
        }
        events.written(before.id());
        return version;
    }
}
