package th.integrity.stats.table;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import th.integrity.stats.agency.AgencyDirectory;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalPeriod;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.projection.CaseShapes;
import th.integrity.stats.projection.ProjectionStore;
import java.util.Locale;
import th.integrity.platform.text.Texts;

/**
 * Builds complaint statistics tables from the case projection. A draft folds the agency's counts kept current
 * by the projection ({@link CaseShapes}: one read of a stamp by id when nothing else wrote); a publication
 * counts afresh, which also reconciles the kept counts.
 */
@Service
public class ComplaintTables {

    public static final String TITLE_TH = Texts.in(Texts.THAI, "stats.table.title");
    public static final String TITLE_EN = Texts.in(Locale.ENGLISH, "stats.table.title");

    private final CaseShapes shapes;
    private final ProjectionStore store;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public ComplaintTables(CaseShapes shapes, ProjectionStore store, AgencyDirectory agencies, Clock clock) {
        this.shapes = shapes;
        this.store = store;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * The live table of {@code agency} for {@code fiscalYear}, months ตุลาคม through {@code through}.
     *
     * @param fresh count afresh from the stored cases instead of the kept counts (publications)
     * @throws IllegalArgumentException when {@code through} is not a month of the fiscal year
     */
    public ComplaintTable table(String agency, FiscalYear fiscalYear, YearMonth through, boolean fresh) {
        List<YearMonth> months = fiscalYear.monthsThrough(through);
        int generation = store.active();
        Tally tally = Tally.of(fresh ? shapes.recount(generation, agency) : shapes.current(generation, agency),
                fiscalYear, months);
        return build(agency, agencies.nameTh(agency), agencies.nameEn(agency), fiscalYear, through, tally,
                clock.instant());
    }

    /**
     * The draft of {@code fiscalYear} through {@code throughText} ({@code YYYY-MM}) or, when absent, through the
     * current month in Bangkok (September once the fiscal year is over). A month that has not begun is never drafted
     * (its row would read ไม่มีเรื่องร้องเรียน for a month that has not happened); the current month is drafted as
     * running: its remark says so, never ไม่มีเรื่องร้องเรียน, since complaints may still come.
     *
     * @throws th.integrity.platform.web.ProblemException 400 when {@code throughText} is malformed, outside the
     *         fiscal year or has not begun, or when the fiscal year has not begun yet
     */
    public ComplaintTable draft(String agency, FiscalYear fiscalYear, String throughText) {
        YearMonth current = FiscalCalendar.monthOf(clock.instant());
        if (current.isBefore(fiscalYear.firstMonth())) {
            throw Params.monthProblem("fiscalYear", "stats.problem.draft-not-started", fiscalYear.buddhistYear(),
                    fiscalYear.firstMonth());
        }
        YearMonth through = throughText == null
                ? (current.isBefore(fiscalYear.lastMonth()) ? current : fiscalYear.lastMonth())
                : Params.through(throughText, fiscalYear);
        if (through.isAfter(current)) {
            throw Params.monthProblem("through", "stats.problem.draft-through", through, current);
        }
        ComplaintTable table = table(agency, fiscalYear, through, false);
        return through.equals(current) ? running(table, current) : table;
    }

    /** The table with the rows of {@code month} remarked as running (กำลังดำเนินการ), not as a month without complaints. */
    static ComplaintTable running(ComplaintTable t, YearMonth month) {
        String key = month.toString();
        List<ComplaintTable.Block> blocks = t.blocks().stream().map(b -> new ComplaintTable.Block(b.category(),
                b.labelTh(), b.labelEn(), b.rows().stream().map(r -> !r.month().equals(key) ? r
                        : new ComplaintTable.Row(r.month(), r.labelTh(), r.labelEn(), r.received(), r.total(),
                                r.carriedOver(), r.progress(), r.concluded(), r.averageDaysToConclusion(),
                                Texts.in(Texts.THAI, "stats.table.running"), Texts.in(Locale.ENGLISH, "stats.table.running"),
                                false, r.referredTo()))
                        .toList(), b.totals()))
                .toList();
        return new ComplaintTable(t.agency(), t.agencyNameTh(), t.agencyNameEn(), t.fiscalYear(), t.through(),
                t.titleTh(), t.titleEn(), t.period(), t.generatedAt(), t.generatedOnTh(), t.channels(), t.progress(),
                blocks, t.totalReceived(), t.referralBodies());
    }

    static ComplaintTable build(String agency, String nameTh, String nameEn, FiscalYear fiscalYear, YearMonth through,
            Tally tally, Instant now) {
        FiscalPeriod period = fiscalYear.periodThrough(through);
        OffsetDateTime generatedAt = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), FiscalCalendar.BANGKOK);
        List<ComplaintTable.Block> blocks = new ArrayList<>();
        for (int b = 0; b < Tally.BLOCKS; b++) {
            Labels.Label category = b < Labels.CATEGORIES.size() ? Labels.CATEGORIES.get(b) : Labels.ALL_CATEGORIES;
            List<ComplaintTable.Row> rows = new ArrayList<>();
            for (int m = 0; m < tally.months.size(); m++) {
                YearMonth month = tally.months.get(m);
                rows.add(row(month.toString(), FiscalCalendar.monthLabelThai(month),
                        FiscalCalendar.monthLabelEnglish(month), tally.received[b][m], tally.carried[b][m],
                        tally.progress[b][m], tally.concluded[b][m], tally.concludedWithDays[b][m],
                        tally.daysSum[b][m], tally.referred[b][m]));
            }
            rows = List.copyOf(rows);
            blocks.add(new ComplaintTable.Block(category.code(), category.labelTh(), category.labelEn(), rows,
                    totals(rows, tally, b)));
        }
        long totalReceived = blocks.get(blocks.size() - 1).totals().total();
        return new ComplaintTable(agency, nameTh, nameEn, fiscalYear.buddhistYear(), through.toString(),
                Texts.in(Texts.THAI, "stats.table.heading", TITLE_TH, nameTh, fiscalYear.buddhistYear()),
                Texts.in(Locale.ENGLISH, "stats.table.heading", TITLE_EN, nameEn, fiscalYear.buddhistYear()),
                new ComplaintTable.Period(period.from().toString(), period.to().toString(), period.labelThai(),
                        period.labelEnglish()),
                generatedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                FiscalCalendar.dateLabelThai(generatedAt.toLocalDate()),
                Labels.CHANNELS, Labels.PROGRESS, List.copyOf(blocks), totalReceived, Labels.REFERRAL_BODIES);
    }

    private static ComplaintTable.Row totals(List<ComplaintTable.Row> rows, Tally tally, int b) {
        long[] received = new long[Labels.CHANNELS.size()];
        long[] progress = new long[Labels.PROGRESS.size()];
        long[] referred = new long[Labels.REFERRAL_BODIES.size()];
        long concluded = 0;
        long withDays = 0;
        long days = 0;
        for (int m = 0; m < tally.months.size(); m++) {
            for (int c = 0; c < received.length; c++) {
                received[c] += tally.received[b][m][c];
            }
            for (int p = 0; p < progress.length; p++) {
                progress[p] += tally.progress[b][m][p];
            }
            for (int r = 0; r < referred.length; r++) {
                referred[r] += tally.referred[b][m][r];
            }
            concluded += tally.concluded[b][m];
            withDays += tally.concludedWithDays[b][m];
            days += tally.daysSum[b][m];
        }
        return row("TOTAL", Texts.in(Texts.THAI, "stats.table.total"), Texts.in(Locale.ENGLISH, "stats.table.total"), received, rows.isEmpty() ? 0 : rows.get(0).carriedOver(), progress,
                concluded, withDays, days, referred);
    }

    static ComplaintTable.Row row(String month, String labelTh, String labelEn, long[] received, long carried,
            long[] progress, long concluded, long withDays, long daysSum, long[] referred) {
        Map<String, Long> perChannel = new LinkedHashMap<>();
        long total = 0;
        for (int c = 0; c < received.length; c++) {
            perChannel.put(Labels.CHANNELS.get(c).code(), received[c]);
            total += received[c];
        }
        Map<String, Long> perState = new LinkedHashMap<>();
        for (int p = 0; p < progress.length; p++) {
            perState.put(Labels.PROGRESS.get(p).code(), progress[p]);
        }
        Double average = withDays == 0 ? null : Math.round(daysSum * 10.0 / withDays) / 10.0;
        boolean empty = total == 0;
        return new ComplaintTable.Row(month, labelTh, labelEn, perChannel, total, carried, perState, concluded,
                average, empty ? Labels.EMPTY_REMARK_TH : "", empty ? Labels.EMPTY_REMARK_EN : "", empty,
                perBody(referred));
    }

    /** The referral counts by body code, every body present. */
    public static Map<String, Long> perBody(long[] referred) {
        Map<String, Long> perBody = new LinkedHashMap<>();
        for (int r = 0; r < referred.length; r++) {
            perBody.put(Labels.REFERRAL_BODIES.get(r).code(), referred[r]);
        }
        return perBody;
    }
}
