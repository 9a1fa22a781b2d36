package th.integrity.gifts.calendar;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

import th.integrity.gifts.gift.Round;

/** Dates as Thai readers expect them: Thai month names and the Buddhist-Era year ({@code 15 ม.ค. 2568}). */
public final class ThaiDates {

    private static final String[] LONG = { "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม" };
    private static final String[] SHORT = { "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
            "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค." };

    private ThaiDates() {
    }

    /** {@code 15 ม.ค. 2568}; empty for no date. */
    public static String shortDate(LocalDate date) {
        return date == null ? "" : date.getDayOfMonth() + " " + SHORT[date.getMonthValue() - 1] + " "
                + (date.getYear() + FiscalCalendar.BE_OFFSET);
    }

    /** {@code 1 ตุลาคม 2567}. */
    public static String longDate(LocalDate date) {
        return date.getDayOfMonth() + " " + LONG[date.getMonthValue() - 1] + " "
                + (date.getYear() + FiscalCalendar.BE_OFFSET);
    }

    /** {@code 1 October 2567 BE}: dates people read are Buddhist Era in English too. */
    public static String englishDate(LocalDate date) {
        return date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + (date.getYear() + FiscalCalendar.BE_OFFSET) + " BE";
    }

    /** {@code รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)}. */
    public static String roundTh(int fiscalYear, Round round) {
        return round.labelTh() + " (" + longDate(FiscalCalendar.start(fiscalYear)) + " – "
                + longDate(FiscalCalendar.end(fiscalYear, round)) + ")";
    }

    /** {@code 6-month round (1 October 2567 BE – 31 March 2568 BE)}. */
    public static String roundEn(int fiscalYear, Round round) {
        return round.labelEn() + " (" + englishDate(FiscalCalendar.start(fiscalYear)) + " – "
                + englishDate(FiscalCalendar.end(fiscalYear, round)) + ")";
    }
}
