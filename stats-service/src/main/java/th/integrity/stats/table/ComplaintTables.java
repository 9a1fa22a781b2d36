package th.integrity.stats.table;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import th.integrity.stats.calendar.FiscalCalendar;
import th.integrity.stats.calendar.FiscalPeriod;
import th.integrity.stats.calendar.FiscalYear;

/** Builds complaint statistics tables from the case projection. */
@Service
public class ComplaintTables {

    private final ComplaintCounts counts;
    private final Clock clock;

    public ComplaintTables(ComplaintCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    /**
     * The draft table of {@code agency} for {@code fiscalYear}, months ตุลาคม through {@code through}.
     *
     * @throws IllegalArgumentException when {@code through} is not a month of the fiscal year
     */
    public DraftTable draft(String agency, FiscalYear fiscalYear, YearMonth through) {
        FiscalPeriod period = fiscalYear.periodThrough(through);
        OffsetDateTime generatedAt = OffsetDateTime.ofInstant(clock.instant(), FiscalCalendar.ZONE);
        Map<YearMonth, Long> received = counts.receivedPerMonth(agency, fiscalYear);
        List<DraftTable.MonthRow> rows = fiscalYear.monthsThrough(through).stream()
                .map(month -> {
                    long count = received.getOrDefault(month, 0L);
                    return new DraftTable.MonthRow(month.toString(), FiscalCalendar.monthLabelThai(month),
                            FiscalCalendar.monthLabelEnglish(month), count, count == 0);
                })
                .toList();
        long total = rows.stream().mapToLong(DraftTable.MonthRow::received).sum();
        return new DraftTable(agency, fiscalYear.buddhistYear(),
                new DraftTable.Period(period.from().toString(), period.to().toString(), period.labelThai(),
                        period.labelEnglish()),
                generatedAt, rows, total);
    }
}
