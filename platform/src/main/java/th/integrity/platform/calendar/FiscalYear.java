package th.integrity.platform.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.chrono.ThaiBuddhistDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Thai government fiscal year, named by its Buddhist-Era year: ปีงบประมาณ พ.ศ. N runs from 1 ตุลาคม of
 * BE N−1 to 30 กันยายน of BE N (FY 2568 = 2024-10-01 … 2025-09-30).
 *
 * @param buddhistYear the BE year the fiscal year ends in, within {@link #MIN} … {@link #MAX}
 */
public record FiscalYear(int buddhistYear) implements Comparable<FiscalYear> {

    /** The years the service accepts: far enough around today to catch typos such as CE years (2025). */
    public static final int MIN = 2500;
    public static final int MAX = 2700;

    public FiscalYear {
        if (buddhistYear < MIN || buddhistYear > MAX) {
            throw new IllegalArgumentException(
                    "fiscal year must be a Buddhist-Era year from " + MIN + " to " + MAX + ", was " + buddhistYear);
        }
    }

    public static FiscalYear of(int buddhistYear) {
        return new FiscalYear(buddhistYear);
    }

    /** 1 October, the first day. */
    public LocalDate firstDay() {
        return lastDay().minusYears(1).plusDays(1);
    }

    /** 30 September of BE year N, the last day. */
    public LocalDate lastDay() {
        return LocalDate.from(ThaiBuddhistDate.of(buddhistYear, 9, 30));
    }

    /** ตุลาคม, the first month. */
    public YearMonth firstMonth() {
        return YearMonth.from(firstDay());
    }

    /** กันยายน, the last month. */
    public YearMonth lastMonth() {
        return YearMonth.from(lastDay());
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(firstMonth()) && !month.isAfter(lastMonth());
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** The twelve months in order, ตุลาคม … กันยายน. */
    public List<YearMonth> months() {
        return monthsThrough(lastMonth());
    }

    /**
     * The months from ตุลาคม through {@code through}, in order: the rows of a table for part of the year
     * (e.g. the 6-month round through มีนาคม).
     *
     * @throws IllegalArgumentException when {@code through} is not a month of this fiscal year
     */
    public List<YearMonth> monthsThrough(YearMonth through) {
        if (!contains(through)) {
            throw new IllegalArgumentException(through + " is not a month of fiscal year " + buddhistYear);
        }
        return Stream.iterate(firstMonth(), m -> !m.isAfter(through), m -> m.plusMonths(1)).toList();
    }

    /** The period from 1 October through the end of {@code through}. */
    public FiscalPeriod periodThrough(YearMonth through) {
        if (!contains(through)) {
            throw new IllegalArgumentException(through + " is not a month of fiscal year " + buddhistYear);
        }
        return new FiscalPeriod(firstDay(), through.atEndOfMonth());
    }

    /** The whole year, 1 October – 30 September. */
    public FiscalPeriod period() {
        return new FiscalPeriod(firstDay(), lastDay());
    }

    /** The first half, 1 October – 31 March: the 6-month round of Thai reports. */
    public FiscalPeriod firstHalf() {
        return periodThrough(firstMonth().plusMonths(5));
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(buddhistYear, other.buddhistYear);
    }

    @Override
    public String toString() {
        return "FY " + buddhistYear;
    }
}
