package th.integrity.stats.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistDate;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * The Thai government calendar the statistics are kept in: months are months in Asia/Bangkok (a complaint
 * filed at 2025-03-31T20:00Z belongs to เมษายน 2568), years are Buddhist Era (BE = CE + 543), and a
 * fiscal year runs ตุลาคม – กันยายน. Use this instead of ad-hoc arithmetic on years anywhere in the service.
 */
public final class FiscalCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

    private FiscalCalendar() {
    }

    /** The Bangkok calendar day of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The Bangkok calendar month of an instant. */
    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(dateOf(instant));
    }

    public static FiscalYear fiscalYearOf(Instant instant) {
        return fiscalYearOf(dateOf(instant));
    }

    public static FiscalYear fiscalYearOf(YearMonth month) {
        return fiscalYearOf(month.atDay(1));
    }

    public static FiscalYear fiscalYearOf(LocalDate date) {
        // Shifting by three months moves October to January, so the fiscal year is the BE year of the shifted date.
        return new FiscalYear(buddhistYear(date.plusMonths(3)));
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
        return MonthNames.english(month.getMonth()) + " " + buddhistYear(month.atDay(1)) + " BE";
    }

    /** {@code 1 ตุลาคม 2567}. */
    public static String dateLabelThai(LocalDate date) {
        return date.getDayOfMonth() + " " + MonthNames.thai(date.getMonth()) + " " + buddhistYear(date);
    }

    /** {@code 1 October 2567 BE}. */
    public static String dateLabelEnglish(LocalDate date) {
        return date.getDayOfMonth() + " " + MonthNames.english(date.getMonth()) + " " + buddhistYear(date) + " BE";
    }
}
