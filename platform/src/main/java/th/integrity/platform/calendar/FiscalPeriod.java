package th.integrity.platform.calendar;

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

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** {@code 1 ตุลาคม 2567 – 30 กันยายน 2568}. */
    public String labelThai() {
        return FiscalCalendar.dateLabelThai(from) + " – " + FiscalCalendar.dateLabelThai(to);
    }

    /** {@code 1 October 2567 BE – 30 September 2568 BE}. */
    public String labelEnglish() {
        return FiscalCalendar.dateLabelEnglish(from) + " – " + FiscalCalendar.dateLabelEnglish(to);
    }
}
