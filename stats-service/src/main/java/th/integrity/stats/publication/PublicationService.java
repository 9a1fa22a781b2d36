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

import th.integrity.platform.web.ProblemException;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemType;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.gifts.GiftRound;
import th.integrity.stats.gifts.GiftTables;
import th.integrity.stats.projection.ComplaintEventReader;
import th.integrity.stats.table.ComplaintTables;
import th.integrity.stats.StatsProblems;

/**
 * Freezes tables into publications and finds them again. Publishing counts afresh (no cache), writes the
 * canonical JSON and its SHA-256 in one insert, and never changes a publication afterwards.
 */
@Service
class PublicationService {

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
            errors.add(FieldProblem.of("kind", "stats.field.kind"));
        }
        if (request.agency() == null || !ComplaintEventReader.AGENCY.matcher(request.agency()).matches()) {
            errors.add(FieldProblem.of("agency", "stats.field.agency"));
        }
        FiscalYear fiscalYear = null;
        if (request.fiscalYear() == null || request.fiscalYear() < FiscalYear.MIN
                || request.fiscalYear() > FiscalYear.MAX) {
            errors.add(FieldProblem.of("fiscalYear", "stats.field.fiscal-year"));
        } else {
            fiscalYear = FiscalYear.of(request.fiscalYear());
        }
        YearMonth through = null;
        GiftRound round = null;
        if (kind.equals(COMPLAINTS) && fiscalYear != null) {
            through = request.through() == null ? null : th.integrity.stats.table.Params.month(request.through());
            if (through == null || !fiscalYear.contains(through)) {
                errors.add(FieldProblem.of("through", "stats.field.through"));
            }
        } else if (kind.equals(GIFTS)) {
            try {
                round = GiftRound.valueOf(String.valueOf(request.round()));
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of("round", "stats.field.round"));
            }
        }
        if (request.reason() != null) {
            errors.add(FieldProblem.of("reason", "stats.field.reason-without-supersedes"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StatsProblems.inAgency(admin, request.agency());
        String series = series(kind, request.agency(), fiscalYear, through, round);
        Publication publication = freeze(kind, series, request.agency(), fiscalYear, through, round, 1, null, null,
                admin);
        try {
            store.insert(publication);
        } catch (DuplicateKeyException e) {
            Publication current = current(series).orElse(null);
            throw current == null ? ProblemException.of(StatsProblems.ALREADY_PUBLISHED, "stats.problem.already-published")
                    : ProblemException.of(StatsProblems.ALREADY_PUBLISHED, "stats.problem.already-published-revision",
                            current.revision(), current.id());
        }
        published(kind, "first").increment();
        return publication;
    }

    private Publication correct(PublicationRequest request, CurrentUser admin) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw ProblemException.invalid(List.of(FieldProblem.of("reason", "stats.field.reason", MAX_REASON)));
        }
        Publication earlier = find(request.supersedes()).orElse(null);
        if (earlier == null || !admin.belongsTo(earlier.agency())) {
            throw ProblemException.of(ProblemType.NOT_FOUND, "stats.problem.publication-not-in-agency");
        }
        Publication current = current(earlier.series()).orElseThrow();
        if (current.revision() != earlier.revision()) {
            throw ProblemException.of(StatsProblems.NOT_CURRENT, "stats.problem.not-current", earlier.revision(),
                    current.revision(), current.id());
        }
        FiscalYear fiscalYear = FiscalYear.of(earlier.fiscalYear());
        YearMonth through = earlier.through() == null ? null : YearMonth.parse(earlier.through());
        GiftRound round = earlier.round() == null ? null : GiftRound.valueOf(earlier.round());
        Publication correction = freeze(earlier.kind(), earlier.series(), earlier.agency(), fiscalYear, through,
                round, earlier.revision() + 1, earlier.id(), reason, admin);
        try {
            store.insert(correction);
        } catch (DuplicateKeyException e) {
            throw ProblemException.of(StatsProblems.NOT_CURRENT, "stats.problem.corrected-meanwhile", earlier.revision());
        }
        published(earlier.kind(), "correction").increment();
        return correction;
    }

    private Publication freeze(String kind, String series, String agency, FiscalYear fiscalYear, YearMonth through,
            GiftRound round, int revision, String supersedes, String reason, CurrentUser admin) {
        // Milliseconds: what MongoDB keeps, so the answer to the POST equals every later read.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        YearMonth last = kind.equals(COMPLAINTS) ? through : round.lastMonth(fiscalYear);
        Instant ends = last.plusMonths(1).atDay(1).atStartOfDay(FiscalCalendar.BANGKOK).toInstant();
        if (now.isBefore(ends)) {
            throw ProblemException.of(StatsProblems.PERIOD_NOT_ENDED, "stats.problem.period-not-ended",
                    FiscalCalendar.monthLabelEnglish(last), FiscalCalendar.dateLabelEnglish(last.plusMonths(1).atDay(1)),
                    FiscalCalendar.monthLabelThai(last), FiscalCalendar.dateLabelThai(last.plusMonths(1).atDay(1)));
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
}
