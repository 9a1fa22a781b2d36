package th.integrity.complaints.complaint;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * Reads cases within one agency and writes every change as one conditional single-document update: the
 * change, {@code version + 1} and the event describing the case afterwards, applied only if nobody changed
 * the case since it was read. Never a multi-document transaction.
 */
@Component
public class CaseStore {

    public static final ProblemType CONCURRENT_CHANGE = new ProblemType("concurrent-change", org.springframework.http.HttpStatus.CONFLICT,
            "The case was changed meanwhile", "เรื่องนี้ถูกแก้ไขโดยผู้อื่นในระหว่างนี้");

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

    /** The case of the caller's agency, or the same 404 whether it does not exist or belongs to another. */
    public Complaint get(String agency, String id) {
        return find(agency, id).orElseThrow(CaseStore::notFound);
    }

    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such case in your agency.",
                "ไม่พบเรื่องร้องเรียนนี้ในหน่วยงานของท่าน");
    }

    /**
     * Applies {@code changes} to {@code before} if it is still at its version, together with an event of
     * {@code type} whose data is {@code after} (its version is set here).
     *
     * @throws ProblemException 409 when the case changed since {@code before} was read
     */
    public long update(Complaint before, Update changes, String type, ComplaintSnapshot after, Instant now) {
        long version = before.version() + 1;
        changes.set("version", version).push(Outbox.FIELD, events.message(type, after.withVersion(version), now));
        var result = mongo.updateFirst(new Query(Criteria.where("_id").is(before.id())
                .and("agency").is(before.agency()).and("version").is(before.version())), changes, Complaint.class);
        if (result.getModifiedCount() == 0) {
            throw new ProblemException(CONCURRENT_CHANGE,
                    "The case was changed by someone else since you opened it: reload it and try again.",
                    "เรื่องนี้ถูกแก้ไขโดยผู้อื่นหลังจากที่ท่านเปิดดู กรุณาโหลดใหม่แล้วลองอีกครั้ง");
        }
        events.written(before.id());
        return version;
    }
}
