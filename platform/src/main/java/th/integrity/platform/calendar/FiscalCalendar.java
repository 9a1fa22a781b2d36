package th.integrity.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistDate;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * The Thai government calendar every service keeps its dates in: days and months are those of Asia/Bangkok (a
 * complaint filed at 2025-03-31T20:00Z belongs to เมษายน 2568), years people read are Buddhist Era (BE = CE + 543),
 * and a fiscal year (ปีงบประมาณ) runs ตุลาคม – กันยายน, its first half ตุลาคม – มีนาคม. Dates are written the way Thai
 * readers expect, in English too ({@code 1 October 2567 BE}). Use this instead of ad-hoc arithmetic on years,
 * zones or month names anywhere in a service.
 */
public final class FiscalCalendar {

    /** The zone of every calendar day and month the services count, show or check. */
    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private FiscalCalendar() {
    }

    /** The Bangkok calendar day of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(BANGKOK).toLocalDate();
    }

    /** The Bangkok calendar month of an instant. */
    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(dateOf(instant));
    }

    /**
     * The Buddhist-Era fiscal year a date belongs to, as a plain number (2024-10-01 → 2568), for any date: what a
     * stored record keeps. {@link #fiscalYearOf(LocalDate)} is the same year as a {@link FiscalYear}, which accepts
     * only the years a user may ask for.
     */
    public static int fiscalYear(LocalDate date) {
        // Shifting by three months moves October to January, so the fiscal year is the BE year of the shifted date.
        return buddhistYear(date.plusMonths(3));
    }

    public static FiscalYear fiscalYearOf(Instant instant) {
        return fiscalYearOf(dateOf(instant));
    }

    public static FiscalYear fiscalYearOf(YearMonth month) {
        return fiscalYearOf(month.atDay(1));
    }

    public static FiscalYear fiscalYearOf(LocalDate date) {
        return new FiscalYear(fiscalYear(date));
    }

    /** Whether a date falls in the first half of its fiscal year, ตุลาคม – มีนาคม. */
    public static boolean inFirstHalf(LocalDate date) {
        int month = date.getMonthValue();
        return month >= 10 || month <= 3;
    }

    /** The months of {@code fiscalYear}, ตุลาคม … กันยายน. */
    public static List<YearMonth> months(FiscalYear fiscalYear) {
        return fiscalYear.months();
    }

    /** The months of {@code fiscalYear} from ตุลาคม through {@code through}. */
    public static List<YearMonth> months(FiscalYear fiscalYear, YearMonth through) {
        return fiscalYear.monthsThrough(through);
    }

    public static int buddhistYear(LocalDate date) {
        return ThaiBuddhistDate.from(date).get(ChronoField.YEAR);
    }

    public static int buddhistYear(YearMonth month) {
        return buddhistYear(month.atDay(1));
    }

    /** {@code ตุลาคม 2567}. */
    public static String monthLabelThai(YearMonth month) {
        return MonthNames.thai(month.getMonth()) + " " + buddhistYear(month);
    }

    /** {@code ต.ค. 2567}. */
    public static String monthLabelThaiShort(YearMonth month) {
        return MonthNames.thaiShort(month.getMonth()) + " " + buddhistYear(month);
    }

    /** {@code October 2567 BE}: dates people read are Buddhist Era in English too. */
    public static String monthLabelEnglish(YearMonth month) {
        return MonthNames.english(month.getMonth()) + " " + buddhistYear(month) + " BE";
    }

    /** {@code 1 ตุลาคม 2567}. */
    public static String dateLabelThai(LocalDate date) {
        return date.getDayOfMonth() + " " + MonthNames.thai(date.getMonth()) + " " + buddhistYear(date);
    }

    /** {@code 15 ม.ค. 2568}, as registers and lists write a date; empty for no date. */
    public static String dateLabelThaiShort(LocalDate date) {
        return date == null ? ""
                : date.getDayOfMonth() + " " + MonthNames.thaiShort(date.getMonth()) + " " + buddhistYear(date);
    }

    /** {@code 1 October 2567 BE}. */
    public static String dateLabelEnglish(LocalDate date) {
        return date.getDayOfMonth() + " " + MonthNames.english(date.getMonth()) + " " + buddhistYear(date) + " BE";
    }

    /** {@code 15 Jan 2568 BE}: the English of {@link #dateLabelThaiShort}; empty for no date. */
    public static String dateLabelEnglishShort(LocalDate date) {
        return date == null ? ""
                : date.getDayOfMonth() + " " + MonthNames.englishShort(date.getMonth()) + " " + buddhistYear(date) + " BE";
    }

    /** {@code 15 ต.ค. 2569} in Thai, {@code 15 Oct 2569 BE} in English: a date in a sentence or a list. */
    public static String dateLabelShort(LocalDate date, java.util.Locale language) {
        return "th".equals(language.getLanguage()) ? dateLabelThaiShort(date) : dateLabelEnglishShort(date);
    }

    /** {@code ตุลาคม 2567} in Thai, {@code October 2567 BE} in English. */
    public static String monthLabel(YearMonth month, java.util.Locale language) {
        return "th".equals(language.getLanguage()) ? monthLabelThai(month) : monthLabelEnglish(month);
    }
}
