package th.integrity.stats.calendar;

import java.time.LocalDate;

/**
 * A span of days, both ends included, labelled the way Thai reports head their tables.
 *
 * @param from first day
 * @param to   last day
 */
public record FiscalPeriod(LocalDate from, LocalDate to) {

    public FiscalPeriod {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period needs from <= to, was " + from + " – " + to);
        }
    }

    /** {@code 1 ตุลาคม 2567 – 30 กันยายน 2568}. */
    public String labelThai() {
        return FiscalCalendar.dateLabelThai(from) + " – " + FiscalCalendar.dateLabelThai(to);
    }

    /** {@code 1 October 2024 – 30 September 2025}. */
    public String labelEnglish() {
        return FiscalCalendar.dateLabelEnglish(from) + " – " + FiscalCalendar.dateLabelEnglish(to);
    }
}
