package th.integrity.stats.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;


import th.integrity.stats.agency.AgencyDirectory;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.projection.ProjectionStore;
import th.integrity.stats.table.Labels;

/** Builds the executive report from the projection (active generation). */
@Service
class ExecutiveReportService {

    public static final int MAX_OVERDUE_LISTED = 100;
    private static final List<String> OUTCOMES = List.of("CONCLUDED_WITH_CAUSE", "CONCLUDED_WITHOUT_CAUSE",
            "CLOSED_WITHOUT_INQUIRY");

    private final ReportStore reports;
    private final ProjectionStore store;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public ExecutiveReportService(ReportStore reports, ProjectionStore store, AgencyDirectory agencies, Clock clock) {
        this.reports = reports;
        this.store = store;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Counted by MongoDB ({@code $group}, {@link ReportStore}); folded here into the report's labelled rows. */
    public ExecutiveReport report(String agency, YearMonth month) {
        int generation = store.active();
        Instant now = clock.instant();

        Map<String, Long> byCategory = zeros(Labels.CATEGORIES);
        Map<String, Long> byChannel = zeros(Labels.CHANNELS);
        long received = 0;
        for (ReportStore.Group g : reports.received(generation, agency, month)) {
            received += g.cases();
            count(byCategory, g.get("category"), "OTHER", g.cases());
            count(byChannel, g.get("channel"), "OTHER", g.cases());
        }

        Map<String, Long> byOutcome = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> byOutcome.put(o, 0L));
        Map<String, Long> byReason = zeros(Labels.CLOSURE_REASONS);
        long concluded = 0;
        long withDays = 0;
        long days = 0;
        for (ReportStore.Group g : reports.concluded(generation, agency, month)) {
            concluded += g.cases();
            count(byOutcome, g.get("status"), null, g.cases());
            if ("CLOSED_WITHOUT_INQUIRY".equals(g.get("status"))) {
                count(byReason, g.get("closureReason"), null, g.cases());
            }
            withDays += g.withDays();
            days += g.daysSum();
        }

        Map<String, Long> byBody = zeros(Labels.REFERRAL_BODIES);
        long referred = 0;
        for (ReportStore.Group g : reports.referred(generation, agency, month)) {
            referred += g.cases();
            count(byBody, g.get("referredTo"), "OTHER_AGENCY", g.cases());
        }

        Map<String, Long> open = new LinkedHashMap<>();
        Labels.PROGRESS.stream().filter(p -> !OUTCOMES.contains(p.code())).forEach(p -> open.put(p.code(), 0L));
        for (ReportStore.Group g : reports.open(generation, agency)) {
            count(open, g.get("status"), null, g.cases());
        }
        long overdueTotal = reports.overdueCount(generation, agency, now);
        List<ExecutiveReport.OverdueCase> overdue = new ArrayList<>();
        for (ReportStore.OverdueCase c : reports.mostOverdue(generation, agency, now, MAX_OVERDUE_LISTED)) {
            overdue.add(new ExecutiveReport.OverdueCase(c.caseId(), c.category(), c.status(), Labels.thai(c.status()),
                    OffsetDateTime.ofInstant(c.dueAt(), FiscalCalendar.BANGKOK).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    Duration.between(c.dueAt(), now).toDays(),
                    FiscalCalendar.dateLabelThaiShort(FiscalCalendar.dateOf(c.dueAt())),
                    FiscalCalendar.dateLabelEnglishShort(FiscalCalendar.dateOf(c.dueAt())), c.caseNumber()));
        }
        overdue.sort(Comparator.comparingLong(ExecutiveReport.OverdueCase::daysOverdue).reversed()
                .thenComparing(ExecutiveReport.OverdueCase::caseId));

        LocalDate today = FiscalCalendar.dateOf(now);
        Map<String, Long> dispositions = zeros(GiftLabels.DISPOSITIONS);
        long declared = 0;
        for (ReportStore.Group g : reports.declared(generation, agency, month)) {
            declared += g.cases();
            count(dispositions, g.get("disposition"), null, g.cases());
        }
        long pending = reports.pendingDecisions(generation, agency, null);
        long pendingOverdue = reports.pendingDecisions(generation, agency, today);

        OffsetDateTime generatedAt = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), FiscalCalendar.BANGKOK);
        return new ExecutiveReport(agency, agencies.nameTh(agency), month.toString(),
                FiscalCalendar.monthLabelThai(month), generatedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                FiscalCalendar.dateLabelThai(generatedAt.toLocalDate()),
                new ExecutiveReport.Received(received, byCategory, byChannel),
                new ExecutiveReport.Concluded(concluded, byOutcome, byReason,
                        withDays == 0 ? null : Math.round(days * 10.0 / withDays) / 10.0),
                new ExecutiveReport.Overdue(overdueTotal, List.copyOf(overdue.subList(0,
                        Math.min(MAX_OVERDUE_LISTED, overdue.size())))),
                open, new ExecutiveReport.Gifts(declared, dispositions, pending, pendingOverdue),
                new ExecutiveReport.Referred(referred, byBody));
    }

    private static Map<String, Long> zeros(List<Labels.Label> labels) {
        Map<String, Long> map = new LinkedHashMap<>();
        labels.forEach(l -> map.put(l.code(), 0L));
        return map;
    }

    private static void count(Map<String, Long> map, String code, String fallback, long cases) {
        String key = code != null && map.containsKey(code) ? code : fallback != null ? fallback : "UNKNOWN";
        map.merge(key, cases, Long::sum);
    }
}
