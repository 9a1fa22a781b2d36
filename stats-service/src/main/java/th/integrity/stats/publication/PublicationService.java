package th.integrity.stats.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;
import th.integrity.stats.calendar.FiscalCalendar;
import th.integrity.stats.calendar.FiscalYear;
import th.integrity.stats.gifts.GiftRound;
import th.integrity.stats.gifts.GiftTables;
import th.integrity.stats.projection.ComplaintEventReader;
import th.integrity.stats.table.ComplaintTables;

/**
 * Freezes tables into publications and finds them again. Publishing counts afresh (no cache), writes the
 * canonical JSON and its SHA-256 in one insert, and never changes a publication afterwards.
 */
@Service
public class PublicationService {

    public static final String COMPLAINTS = "COMPLAINTS";
    public static final String GIFTS = "GIFTS";
    static final String PUBLISHED = "integrity.stats.publications";
    private static final int MAX_REASON = 1000;

    private final PublicationStore store;
    private final ComplaintTables complaintTables;
    private final GiftTables giftTables;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    PublicationService(PublicationStore store, ComplaintTables complaintTables, GiftTables giftTables, JsonMapper json,
            Clock clock, MeterRegistry meters) {
        this.store = store;
        this.complaintTables = complaintTables;
        this.giftTables = giftTables;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        for (String kind : List.of(COMPLAINTS, GIFTS)) {
            for (String type : List.of("first", "correction")) {
                published(kind, type);
            }
        }
    }

    /** Publishes a table (or a correction) for an ADMIN of the agency; see {@link PublicationRequest}. */
    public Publication publish(PublicationRequest request, CurrentUser admin) {
        if (request.supersedes() != null) {
            return correct(request, admin);
        }
        List<FieldProblem> errors = new ArrayList<>();
        String kind = request.kind() == null ? COMPLAINTS : request.kind();
        if (!kind.equals(COMPLAINTS) && !kind.equals(GIFTS)) {
            errors.add(new FieldProblem("kind", "must be COMPLAINTS or GIFTS", "ต้องเป็น COMPLAINTS หรือ GIFTS"));
        }
        if (request.agency() == null || !ComplaintEventReader.AGENCY.matcher(request.agency()).matches()) {
            errors.add(new FieldProblem("agency", "must be an agency code", "ต้องเป็นรหัสหน่วยงาน"));
        }
        FiscalYear fiscalYear = null;
        if (request.fiscalYear() == null || request.fiscalYear() < FiscalYear.MIN
                || request.fiscalYear() > FiscalYear.MAX) {
            errors.add(new FieldProblem("fiscalYear", "must be a Buddhist-Era year such as 2568",
                    "ต้องเป็นปีงบประมาณพุทธศักราช เช่น 2568"));
        } else {
            fiscalYear = FiscalYear.of(request.fiscalYear());
        }
        YearMonth through = null;
        GiftRound round = null;
        if (kind.equals(COMPLAINTS) && fiscalYear != null) {
            through = request.through() == null ? null : th.integrity.stats.table.Params.month(request.through());
            if (through == null || !fiscalYear.contains(through)) {
                errors.add(new FieldProblem("through", "must be a month YYYY-MM of the fiscal year",
                        "ต้องเป็นเดือนในรูปแบบ YYYY-MM ภายในปีงบประมาณ"));
            }
        } else if (kind.equals(GIFTS)) {
            try {
                round = GiftRound.valueOf(String.valueOf(request.round()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("round", "must be H1 or FY", "ต้องเป็น H1 หรือ FY"));
            }
        }
        if (request.reason() != null) {
            errors.add(new FieldProblem("reason", "is only for a correction (with supersedes)",
                    "ใช้เฉพาะการแก้ไข (ต้องระบุ supersedes)"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        CurrentUser.inAgency(request.agency());
        String series = series(kind, request.agency(), fiscalYear, through, round);
        Publication publication = freeze(kind, series, request.agency(), fiscalYear, through, round, 1, null, null,
                admin);
        try {
            store.insert(publication);
        } catch (DuplicateKeyException e) {
            Publication current = current(series).orElse(null);
            throw new ProblemException(PublicationProblems.ALREADY_PUBLISHED,
                    "This table is already published" + (current == null ? "" : " (current revision "
                            + current.revision() + ", id " + current.id() + ")")
                            + ". Send {supersedes, reason} to publish a correction.",
                    "ตารางนี้เผยแพร่แล้ว" + (current == null ? "" : " (ฉบับที่ " + current.revision() + " รหัส "
                            + current.id() + ")") + " หากต้องการแก้ไข ให้ส่ง supersedes และ reason");
        }
        published(kind, "first").increment();
        return publication;
    }

    private Publication correct(PublicationRequest request, CurrentUser admin) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw invalid(List.of(new FieldProblem("reason",
                    "a correction needs a reason of 1 to " + MAX_REASON + " characters",
                    "การแก้ไขต้องระบุเหตุผล ความยาว 1 ถึง " + MAX_REASON + " ตัวอักษร")));
        }
        Publication earlier = find(request.supersedes()).orElse(null);
        if (earlier == null || !admin.belongsTo(earlier.agency())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No publication of your agency has this id.",
                    "ไม่พบรายการเผยแพร่นี้ในหน่วยงานของท่าน");
        }
        Publication current = current(earlier.series()).orElseThrow();
        if (current.revision() != earlier.revision()) {
            throw new ProblemException(PublicationProblems.NOT_CURRENT,
                    "Revision " + earlier.revision() + " was already superseded; the current revision is "
                            + current.revision() + " (id " + current.id() + ").",
                    "ฉบับที่ " + earlier.revision() + " ถูกแทนที่แล้ว ฉบับปัจจุบันคือฉบับที่ " + current.revision()
                            + " (รหัส " + current.id() + ")");
        }
        FiscalYear fiscalYear = FiscalYear.of(earlier.fiscalYear());
        YearMonth through = earlier.through() == null ? null : YearMonth.parse(earlier.through());
        GiftRound round = earlier.round() == null ? null : GiftRound.valueOf(earlier.round());
        Publication correction = freeze(earlier.kind(), earlier.series(), earlier.agency(), fiscalYear, through,
                round, earlier.revision() + 1, earlier.id(), reason, admin);
        try {
            store.insert(correction);
        } catch (DuplicateKeyException e) {
            throw new ProblemException(PublicationProblems.NOT_CURRENT,
                    "Someone corrected revision " + earlier.revision() + " at the same moment; reload and retry.",
                    "มีผู้แก้ไขฉบับที่ " + earlier.revision() + " ในเวลาเดียวกัน กรุณาโหลดใหม่แล้วลองอีกครั้ง");
        }
        published(earlier.kind(), "correction").increment();
        return correction;
    }

    private Publication freeze(String kind, String series, String agency, FiscalYear fiscalYear, YearMonth through,
            GiftRound round, int revision, String supersedes, String reason, CurrentUser admin) {
        // Milliseconds: what MongoDB keeps, so the answer to the POST equals every later read.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        YearMonth last = kind.equals(COMPLAINTS) ? through : round.lastMonth(fiscalYear);
        Instant ends = last.plusMonths(1).atDay(1).atStartOfDay(FiscalCalendar.ZONE).toInstant();
        if (now.isBefore(ends)) {
            String labelTh = FiscalCalendar.monthLabelThai(last);
            throw new ProblemException(PublicationProblems.PERIOD_NOT_ENDED,
                    FiscalCalendar.monthLabelEnglish(last) + " has not ended in Bangkok yet; publish from "
                            + last.plusMonths(1).atDay(1) + " (Asia/Bangkok).",
                    labelTh + " ยังไม่สิ้นสุด (เวลากรุงเทพฯ) เผยแพร่ได้ตั้งแต่วันที่ "
                            + FiscalCalendar.dateLabelThai(last.plusMonths(1).atDay(1)));
        }
        Object table = kind.equals(COMPLAINTS) ? complaintTables.table(agency, fiscalYear, through, true)
                : giftTables.table(agency, fiscalYear, round);
        String content = CanonicalJson.write(json, table);
        return new Publication(UUID.randomUUID().toString(), kind, series, agency, fiscalYear.buddhistYear(),
                through == null ? null : through.toString(), round == null ? null : round.name(), revision,
                supersedes, reason, now, new Publication.Publisher(admin.subject(), admin.name()),
                CanonicalJson.sha256(content), content);
    }

    static String series(String kind, String agency, FiscalYear fiscalYear, YearMonth through, GiftRound round) {
        return kind + ":" + agency + ":" + fiscalYear.buddhistYear() + ":"
                + (kind.equals(COMPLAINTS) ? through.toString() : round.name());
    }

    public Optional<Publication> find(String id) {
        return store.find(id);
    }

    /** The revision that corrected {@code id}, if any. */
    public Optional<Publication> successor(String id) {
        return store.successor(id);
    }

    public Optional<Publication> current(String series) {
        return store.latest(series);
    }

    public Optional<Publication> firstRevision(String series) {
        return store.revision(series, 1);
    }

    /** Every revision of every publication matching the filters, newest first; content left out. */
    public List<Publication> list(String agency, Integer fiscalYear) {
        return store.list(agency, fiscalYear);
    }

    /** The current complaint publication of each agency for a fiscal year and through-month. */
    public Map<String, Publication> currentComplaintTables(int fiscalYear, YearMonth through) {
        List<Publication> all = store.complaintTables(fiscalYear, through);
        Map<String, Publication> current = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparing(Publication::agency).thenComparing(Publication::revision))
                .forEach(p -> current.put(p.agency(), p));
        return current;
    }

    private Counter published(String kind, String type) {
        return Counter.builder(PUBLISHED).description("Statistics publications made, by kind and first/correction")
                .tag("kind", kind).tag("type", type).register(meters);
    }

    private static ProblemException invalid(List<FieldProblem> errors) {
        String fields = String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList());
        return new ProblemException(ProblemType.VALIDATION, "Check these fields: " + fields + ".",
                "กรุณาตรวจสอบข้อมูลต่อไปนี้: " + fields, errors);
    }
}
