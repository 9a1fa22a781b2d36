package th.integrity.gifts.gift;

import java.time.LocalDate;

import th.integrity.platform.calendar.FiscalCalendar;

/** The half of the fiscal year the date offered falls in. */
public enum Half implements Labelled {
    H1,
    H2;

    /** The half of its fiscal year a date falls in. */
    public static Half of(LocalDate date) {
        return FiscalCalendar.inFirstHalf(date) ? H1 : H2;
    }
}
