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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;

import th.integrity.stats.agency.AgencyDirectory;
import th.integrity.stats.calendar.FiscalCalendar;
import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.projection.ProjectionStore;
import th.integrity.stats.table.Labels;

/** Builds the executive report from the projection (active generation). */
@Service
public class ExecutiveReportService {

    public static final int MAX_OVERDUE_LISTED = 100;
    private static final List<String> OUTCOMES = List.of("CONCLUDED_WITH_CAUSE", "CONCLUDED_WITHOUT_CAUSE",
            "CLOSED_WITHOUT_INQUIRY");

    private final MongoTemplate mongo;
    private final ProjectionStore store;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public ExecutiveReportService(MongoTemplate mongo, ProjectionStore store, AgencyDirectory agencies, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.agencies = agencies;
        this.clock = clock;
    }

    public ExecutiveReport report(String agency, YearMonth month) {
        int generation = store.active();
        Instant now = clock.instant();
        var cases = mongo.getCollection(ProjectionStore.cases(generation));

        Map<String, Long> byCategory = zeros(Labels.CATEGORIES);
        Map<String, Long> byChannel = zeros(Labels.CHANNELS);
        long received = 0;
        for (Document c : cases.find(Filters.and(Filters.eq("agency", agency),
                Filters.eq("fiscalYear", FiscalCalendar.fiscalYearOf(month).buddhistYear()),
                Filters.eq("receivedMonth", month.toString())))) {
            received++;
            count(byCategory, c.getString("category"), "OTHER");
            count(byChannel, c.getString("channel"), "OTHER");
        }

        Map<String, Long> byOutcome = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> byOutcome.put(o, 0L));
        Map<String, Long> byReason = zeros(Labels.CLOSURE_REASONS);
        long concluded = 0;
        long withDays = 0;
        long days = 0;
        for (Document c : cases.find(Filters.and(Filters.eq("agency", agency),
                Filters.eq("concludedMonth", month.toString())))) {
            concluded++;
            count(byOutcome, c.getString("status"), null);
            if ("CLOSED_WITHOUT_INQUIRY".equals(c.getString("status"))) {
                count(byReason, c.getString("closureReason"), null);
            }
            Number d = (Number) c.get("daysToConclusion");
            if (d != null) {
                withDays++;
                days += d.longValue();
            }
        }

        Map<String, Long> open = new LinkedHashMap<>();
        Labels.PROGRESS.stream().filter(p -> !OUTCOMES.contains(p.code())).forEach(p -> open.put(p.code(), 0L));
        List<ExecutiveReport.OverdueCase> overdue = new ArrayList<>();
        long overdueTotal = 0;
        for (Document c : cases.find(Filters.and(Filters.eq("agency", agency), Filters.eq("final", false)))) {
            count(open, c.getString("status"), null);
            Date due = c.getDate("dueAt");
            if (due != null && due.toInstant().isBefore(now)) {
                overdueTotal++;
                overdue.add(new ExecutiveReport.OverdueCase(c.getString("caseId"), c.getString("category"),
                        c.getString("status"), Labels.thai(c.getString("status")),
                        OffsetDateTime.ofInstant(due.toInstant(), FiscalCalendar.ZONE)
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        Duration.between(due.toInstant(), now).toDays()));
            }
        }
        overdue.sort(Comparator.comparingLong(ExecutiveReport.OverdueCase::daysOverdue).reversed()
                .thenComparing(ExecutiveReport.OverdueCase::caseId));

        LocalDate today = FiscalCalendar.dateOf(now);
        Map<String, Long> dispositions = zeros(GiftLabels.DISPOSITIONS);
        long declared = 0;
        long pending = 0;
        long pendingOverdue = 0;
        for (Document d : mongo.getCollection(ProjectionStore.declarations(generation)).find(Filters.and(
                Filters.eq("agency", agency), Filters.exists("version"), Filters.eq("supersededBy", null)))) {
            if (month.toString().equals(d.getString("offeredMonth"))) {
                declared++;
                count(dispositions, d.getString("disposition"), null);
            }
            if ("NEEDS_DECISION".equals(d.getString("ruleOutcome")) && d.getString("decision") == null) {
                pending++;
                String dueOn = d.getString("decisionDueOn");
                if (dueOn != null && LocalDate.parse(dueOn).isBefore(today)) {
                    pendingOverdue++;
                }
            }
        }

        OffsetDateTime generatedAt = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), FiscalCalendar.ZONE);
        return new ExecutiveReport(agency, agencies.nameTh(agency), month.toString(),
                FiscalCalendar.monthLabelThai(month), generatedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                FiscalCalendar.dateLabelThai(generatedAt.toLocalDate()),
                new ExecutiveReport.Received(received, byCategory, byChannel),
                new ExecutiveReport.Concluded(concluded, byOutcome, byReason,
                        withDays == 0 ? null : Math.round(days * 10.0 / withDays) / 10.0),
                new ExecutiveReport.Overdue(overdueTotal, List.copyOf(overdue.subList(0,
                        Math.min(MAX_OVERDUE_LISTED, overdue.size())))),
                open, new ExecutiveReport.Gifts(declared, dispositions, pending, pendingOverdue));
    }

    private static Map<String, Long> zeros(List<Labels.Label> labels) {
        Map<String, Long> map = new LinkedHashMap<>();
        labels.forEach(l -> map.put(l.code(), 0L));
        return map;
    }

    private static void count(Map<String, Long> map, String code, String fallback) {
        String key = code != null && map.containsKey(code) ? code : fallback != null ? fallback : "UNKNOWN";
        map.merge(key, 1L, Long::sum);
    }
}
