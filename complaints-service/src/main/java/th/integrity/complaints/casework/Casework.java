package th.integrity.complaints.casework;

import static th.integrity.platform.calendar.FiscalCalendar.BANGKOK;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.complaints.audit.IdentityReveal;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintSnapshot;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.complaints.identity.IdentityCipher;
import th.integrity.complaints.identity.ReporterIdentity;
import th.integrity.complaints.intake.Intake;
import th.integrity.complaints.intake.NewCase;
import th.integrity.complaints.reference.ReferenceData;
import th.integrity.complaints.reference.ReferenceKind;
import th.integrity.complaints.tracking.Tracking;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * An integrity officer's work on the cases of their own agency. Every query is scoped to the caller's agency;
 * every change is one conditional write of the change, the new version and its event.
 */
@Service
class Casework {

    static final ProblemType ILLEGAL_TRANSITION = new ProblemType("illegal-transition", HttpStatus.CONFLICT,
            "The case cannot move to that state", "ไม่สามารถเปลี่ยนสถานะเรื่องเป็นสถานะที่ขอได้");
    static final ProblemType NO_IDENTITY = new ProblemType("no-identity", HttpStatus.CONFLICT,
            "The case holds no identity", "เรื่องนี้ไม่มีข้อมูลผู้ร้อง");

    private static final Logger log = LoggerFactory.getLogger(Casework.class);

    /** {@code integrity_complaints_identity_reveals_total{agency}}: an alert watches for unusually many. */
    static final String IDENTITY_REVEALS = "integrity.complaints.identity_reveals";

    private final MongoTemplate mongo;
    private final CaseStore store;
    private final Intake intake;
    private final ReferenceData reference;
    private final IdentityCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    private final ComplaintsProperties properties;
    private final MeterRegistry meters;

    Casework(MongoTemplate mongo, CaseStore store, Intake intake, ReferenceData reference, IdentityCipher cipher,
            JsonMapper json, Clock clock, ComplaintsProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.store = store;
        this.intake = intake;
        this.reference = reference;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    record Filter(ComplaintStatus status, Category category, Channel channel, YearMonth month, Boolean overdue) {
    }

    CaseViews.Page list(CurrentUser user, Filter filter, int page, int size) {
        Instant now = clock.instant();
        Criteria criteria = Criteria.where("agency").is(user.agency());
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
            // A month in Asia/Bangkok, as the statistics count it.
            criteria.and("receivedAt").gte(filter.month().atDay(1).atStartOfDay(BANGKOK).toInstant())
                    .lt(filter.month().plusMonths(1).atDay(1).atStartOfDay(BANGKOK).toInstant());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            criteria.and("dueAt").lt(now);
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            criteria.orOperator(Criteria.where("dueAt").is(null), Criteria.where("dueAt").gte(now));
        }
        Query query = new Query(criteria);
        query.fields().exclude("details", "messages.text", "notes", "history", "reporter", "idempotency", "outbox");
        long total = mongo.count(Query.of(query), Complaint.class);
        List<Complaint> found = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .skip((long) page * size).limit(size), Complaint.class);
        return new CaseViews.Page(found.stream().map(c -> CaseViews.Summary.of(c, now)).toList(), page, size, total);
    }

    CaseViews.Detail view(CurrentUser user, String id) {
        Complaint c = store.get(user.agency(), id);
        ReporterIdentity masked = null;
        if (c.reporter() != null && c.reporter().identity() != null) {
            masked = identity(c).masked();
        }
        return new CaseViews.Detail(c.id(), c.agency(), c.channel(), c.category(), c.subcategory(), c.division(),
                c.details(), c.incidentDate(), c.location(), c.reportedElsewhere(), c.reporterStanding(),
                new CaseViews.Reporter(c.reporter() == null ? null : c.reporter().mode(), masked), c.status(),
                c.receivedAt(), c.acknowledgedAt(), c.statusChangedAt(), c.dueAt(), c.isOverdue(clock.instant()),
                c.concludedAt(), c.closureReason(), c.forwardedTo(), c.status().next(), c.attachments(),
                c.messages(), c.notes(), c.history(), c.recordedBy(), c.purgedAt(), c.version());
    }

    CaseViews.Filed keyIn(CurrentUser user, CaseRequests.KeyIn request) {
        LocalDate today = LocalDate.now(clock.withZone(BANGKOK));
        if (request.receivedOn().isAfter(today)) {
            throw new ProblemException(ProblemType.VALIDATION, "Check these fields: receivedOn.",
                    "กรุณาตรวจสอบข้อมูลต่อไปนี้: receivedOn", List.of(new FieldProblem("receivedOn",
                            "must not be in the future (Asia/Bangkok)", "ต้องไม่เป็นวันในอนาคต (เวลาประเทศไทย)")));
        }
        Instant receivedAt = request.receivedOn().atStartOfDay(BANGKOK).toInstant();
        var command = new NewCase(user.agency(), Channel.valueOf(request.channel()),
                Category.fromCode(request.category()).orElseThrow(), request.subcategory(), request.division(),
                request.details(), request.incidentDate(), request.location(), request.reportedElsewhere(),
                request.reporterStanding(), request.reporter(), receivedAt, user.subject(), List.of());
        Intake.Filed filed = intake.file(command, null);
        return new CaseViews.Filed(filed.caseId(), filed.receipt().trackingCode(), filed.receipt().receivedAt(),
                filed.receipt().status());
    }

    CaseViews.Changed transition(CurrentUser user, String id, CaseRequests.Transition request) {
        Complaint c = store.get(user.agency(), id);
        if (request.expectedVersion() != null && request.expectedVersion() != c.version()) {
            throw new ProblemException(CaseStore.CONCURRENT_CHANGE, "The case is at version " + c.version()
                    + ", not " + request.expectedVersion() + ": reload it and try again.",
                    "เรื่องนี้ถูกแก้ไขแล้ว (ฉบับที่ " + c.version() + ") กรุณาโหลดใหม่แล้วลองอีกครั้ง");
        }
        ComplaintStatus to = request.to();
        if (!c.status().mayMoveTo(to)) {
            throw new ProblemException(ILLEGAL_TRANSITION, "A case in " + c.status() + " cannot move to " + to
                    + ". Allowed: " + (c.status().next().isEmpty() ? "none (the case is concluded)" : c.status().next()) + ".",
                    "เรื่องที่อยู่ในสถานะ \"" + c.status().labelTh() + "\" เปลี่ยนเป็น \"" + to.labelTh() + "\" ไม่ได้");
        }
        List<FieldProblem> errors = new ArrayList<>();
        ClosureReason closure = request.closureReason();
        if (to == ComplaintStatus.CLOSED_WITHOUT_INQUIRY && closure == null) {
            errors.add(new FieldProblem("closureReason", "is required when closing without inquiry: "
                    + List.of(ClosureReason.values()), "ต้องระบุเหตุผลที่ยุติเรื่อง"));
        } else if (to != ComplaintStatus.CLOSED_WITHOUT_INQUIRY && closure != null) {
            errors.add(new FieldProblem("closureReason", "is only for closing without inquiry",
                    "ระบุได้เฉพาะเมื่อยุติเรื่องโดยไม่ดำเนินการตรวจสอบ"));
        }
        String forwardedTo = request.forwardedTo();
        if (to == ComplaintStatus.FORWARDED && !reference.exists(ReferenceKind.FORWARDING_BODY, forwardedTo)) {
            errors.add(new FieldProblem("forwardedTo", "must be the code of a body complaints are forwarded to",
                    "ต้องเป็นรหัสหน่วยงานที่ส่งเรื่องไป"));
        } else if (to != ComplaintStatus.FORWARDED && forwardedTo != null) {
            errors.add(new FieldProblem("forwardedTo", "is only for forwarding", "ระบุได้เฉพาะเมื่อส่งเรื่องต่อ"));
        }
        if (!errors.isEmpty()) {
            String fields = String.join(", ", errors.stream().map(FieldProblem::field).toList());
            throw new ProblemException(ProblemType.VALIDATION, "Check these fields: " + fields + ".",
                    "กรุณาตรวจสอบข้อมูลต่อไปนี้: " + fields, errors);
        }
        Instant now = now();
        Duration limit = properties.deadlines().of(to);
        Instant dueAt = limit == null ? null : now.plus(limit);
        Instant concludedAt = to.isFinal() ? now : null;
        var change = new Complaint.StatusChange(c.status(), to, now, user.subject(), user.name(), request.reason(),
                closure, forwardedTo);
        Update update = new Update().set("status", to).set("statusChangedAt", now).set("dueAt", dueAt)
                .set("concludedAt", concludedAt).set("closureReason", closure).push("history", change);
        if (forwardedTo != null) {
            update.set("forwardedTo", forwardedTo);
        }
        long version = store.update(c, update, ComplaintSnapshot.STATUS_CHANGED,
                ComplaintSnapshot.of(c).withStatus(to, now, concludedAt, closure, dueAt), now);
        log.info("Case {} moved from {} to {} by {}", c.id(), c.status(), to, user.subject());
        return new CaseViews.Changed(c.id(), version);
    }

    CaseViews.Changed note(CurrentUser user, String id, String text) {
        Complaint c = store.get(user.agency(), id);
        requireNotPurged(c);
        Instant now = now();
        var note = new Complaint.Note(UUID.randomUUID().toString(), text, now, user.subject(), user.name());
        return new CaseViews.Changed(c.id(), store.update(c, new Update().push("notes", note),
                ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c), now));
    }

    CaseViews.Changed message(CurrentUser user, String id, String text) {
        Complaint c = store.get(user.agency(), id);
        requireNotPurged(c);
        if (text.length() > CaseRequests.MESSAGE_MAX) {
            throw new ProblemException(ProblemType.VALIDATION, "Check these fields: text.",
                    "กรุณาตรวจสอบข้อมูลต่อไปนี้: text", List.of(new FieldProblem("text",
                            "a message to the reporter may be at most " + CaseRequests.MESSAGE_MAX + " characters",
                            "ข้อความถึงผู้ร้องยาวได้ไม่เกิน " + CaseRequests.MESSAGE_MAX + " ตัวอักษร")));
        }
        if (c.messages().size() >= properties.tracking().maxMessages()) {
            throw new ProblemException(Tracking.MESSAGE_LIMIT, "This case already holds the most messages it may.",
                    "เรื่องนี้มีข้อความครบตามจำนวนสูงสุดแล้ว");
        }
        Instant now = now();
        var message = new Complaint.Message(UUID.randomUUID().toString(), Complaint.Party.OFFICER, text, now,
                user.subject());
        return new CaseViews.Changed(c.id(), store.update(c, new Update().push("messages", message),
                ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c), now));
    }

    CaseViews.Changed division(CurrentUser user, String id, String division) {
        Complaint c = store.get(user.agency(), id);
        if (!reference.exists(ReferenceKind.DIVISION, division)) {
            throw new ProblemException(ProblemType.VALIDATION, "Check these fields: division.",
                    "กรุณาตรวจสอบข้อมูลต่อไปนี้: division", List.of(new FieldProblem("division",
                            "must be the code of a division (reference data)", "ต้องเป็นรหัสฝ่าย (ข้อมูลอ้างอิง)")));
        }
        Instant now = now();
        return new CaseViews.Changed(c.id(), store.update(c, new Update().set("division", division),
                ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c).withDivision(division), now));
    }

    /** Writes the audit record first: if it cannot be written, nothing is revealed. */
    CaseViews.Revealed reveal(CurrentUser user, String id, String reason) {
        Complaint c = store.get(user.agency(), id);
        if (c.reporter() == null || c.reporter().identity() == null) {
            throw new ProblemException(NO_IDENTITY,
                    "This case holds no identity: the reporter stayed anonymous, or it was purged after the retention period.",
                    "เรื่องนี้ไม่มีข้อมูลผู้ร้อง: ผู้ร้องไม่ประสงค์ออกนาม หรือข้อมูลถูกลบเมื่อครบระยะเวลาการเก็บรักษา");
        }
        Instant now = now();
        mongo.insert(new IdentityReveal(UUID.randomUUID().toString(), c.agency(), c.id(), user.subject(), user.name(),
                reason, now));
        log.info("Identity of the reporter of case {} revealed by {}", c.id(), user.subject());
        ReporterIdentity identity = identity(c);
        // Counted once the identity is opened, as the audit log records it; the agency is the stored case's.
        Counter.builder(IDENTITY_REVEALS).description("Reporters' identities revealed to officers, by agency")
                .tag("agency", c.agency()).register(meters).increment();
        return new CaseViews.Revealed(identity.name(), identity.phone(), identity.email(), now);
    }

    Complaint get(CurrentUser user, String id) {
        return store.get(user.agency(), id);
    }

    private ReporterIdentity identity(Complaint c) {
        return json.readValue(cipher.open(c.reporter().identity(), Intake.identityBinding(c.agency(), c.id())),
                ReporterIdentity.class);
    }

    private static void requireNotPurged(Complaint c) {
        if (c.purgedAt() != null) {
            throw new ProblemException(ILLEGAL_TRANSITION, "The case was purged after its retention period.",
                    "เรื่องนี้ถูกลบข้อมูลแล้วเมื่อครบระยะเวลาการเก็บรักษา");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
