package th.integrity.gifts.calendar;

import java.time.LocalDate;
import java.time.ZoneId;

import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.Round;

/**
 * The Thai fiscal calendar: fiscal year พ.ศ. N runs 1 October (N−1) – 30 September N, Buddhist Era = CE + 543.
 * Rounds of the gift register: {@code H1} 1 October – 31 March, {@code FY} 1 October – 30 September.
 */
public final class FiscalCalendar {

    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    public static final int BE_OFFSET = 543;

    private FiscalCalendar() {
    }

    /** Buddhist-Era fiscal year of a date, e.g. 2024-10-01 → 2568. */
    public static int fiscalYear(LocalDate date) {
        int be = date.getYear() + BE_OFFSET;
        return date.getMonthValue() >= 10 ? be + 1 : be;
    }

    public static Half half(LocalDate date) {
        int month = date.getMonthValue();
        return month >= 10 || month <= 3 ? Half.H1 : Half.H2;
    }

    public static LocalDate start(int fiscalYear) {
        return LocalDate.of(fiscalYear - BE_OFFSET - 1, 10, 1);
    }

    /** The last day of a round (inclusive). */
    public static LocalDate end(int fiscalYear, Round round) {
        int ce = fiscalYear - BE_OFFSET;
        return round == Round.H1 ? LocalDate.of(ce, 3, 31) : LocalDate.of(ce, 9, 30);
    }

    public static boolean inRound(LocalDate date, int fiscalYear, Round round) {
        return !date.isBefore(start(fiscalYear)) && !date.isAfter(end(fiscalYear, round));
    }
}
