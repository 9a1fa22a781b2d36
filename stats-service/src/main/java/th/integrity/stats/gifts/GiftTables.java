package th.integrity.stats.gifts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Service;

import th.integrity.stats.agency.AgencyDirectory;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalPeriod;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.projection.ProjectionStore;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels.Label;
import th.integrity.platform.text.Texts;

/** Gift statistics of a round, counted from the declaration and nil-return projection. */
@Service
public class GiftTables {

    private final GiftStore store;
    private final AgencyDirectory agencies;
    private final Clock clock;

    GiftTables(GiftStore store, AgencyDirectory agencies, Clock clock) {
        this.store = store;
        this.agencies = agencies;
        this.clock = clock;
    }

    public GiftTable table(String agency, FiscalYear fiscalYear, GiftRound round) {
        Instant now = clock.instant();
        LocalDate today = FiscalCalendar.dateOf(now);
        Map<String, Long> disposition = zeros(GiftLabels.DISPOSITIONS);
        Map<String, Long> outcome = zeros(GiftLabels.RULE_OUTCOMES);
        Map<String, Long> band = zeros(GiftLabels.VALUE_BANDS);
        Map<String, Long> kind = zeros(GiftLabels.KINDS);
        long declarations = 0;
        long late = 0;
        long pending = 0;
        long overdue = 0;
        for (Document d : store.declarations(agency, fiscalYear.buddhistYear())) {
            if (!round.includes(d.getString("half"))) {
                continue;
            }
            declarations++;
            count(disposition, d.getString("disposition"));
            count(outcome, d.getString("ruleOutcome"));
            count(band, d.getString("valueBand"));
            count(kind, d.getString("kind"));
            if (Boolean.TRUE.equals(d.getBoolean("declaredLate"))) {
                late++;
            }
            if ("NEEDS_DECISION".equals(d.getString("ruleOutcome")) && d.getString("decision") == null) {
                pending++;
                String due = d.getString("decisionDueOn");
                if (due != null && LocalDate.parse(due).isBefore(today)) {
                    overdue++;
                }
            }
        }
        long nilReturns = store.nilReturns(agency, fiscalYear.buddhistYear(), round);
        FiscalPeriod period = round.period(fiscalYear);
        OffsetDateTime generatedAt = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), FiscalCalendar.BANGKOK);
        String nameTh = agencies.nameTh(agency);
        String nameEn = agencies.nameEn(agency);
        return new GiftTable(agency, nameTh, nameEn, fiscalYear.buddhistYear(), round.name(), round.labelTh(),
                Texts.in(Texts.THAI, "stats.gift.heading", nameTh, fiscalYear.buddhistYear(), round.labelTh()),
                Texts.in(Locale.ENGLISH, "stats.gift.heading", nameEn, fiscalYear.buddhistYear(), round.labelEn()),
                new ComplaintTable.Period(period.from().toString(), period.to().toString(), period.labelThai(),
                        period.labelEnglish()),
                generatedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                FiscalCalendar.dateLabelThai(generatedAt.toLocalDate()),
                declarations, disposition, outcome, band, kind, late, nilReturns, pending, overdue);
    }

    private static Map<String, Long> zeros(List<Label> labels) {
        Map<String, Long> map = new LinkedHashMap<>();
        labels.forEach(label -> map.put(label.code(), 0L));
        return map;
    }

    /** Unknown or missing codes are counted under {@code UNKNOWN}, so the parts still add up to the whole. */
    private static void count(Map<String, Long> map, String code) {
        map.merge(code == null || !map.containsKey(code) ? "UNKNOWN" : code, 1L, Long::sum);
    }
}
