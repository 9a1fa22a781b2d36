package th.integrity.stats.table;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.platform.text.Texts;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;
import th.integrity.stats.projection.ComplaintEventReader;
import th.integrity.stats.StatsProblems;

/** Checks of the path and query parameters every statistics endpoint shares; failures answer 400. */
public final class Params {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private Params() {
    }

    public static String agency(String agency) {
        if (agency == null || !ComplaintEventReader.AGENCY.matcher(agency).matches()) {
            throw StatsProblems.invalidParameter("agency", "stats.problem.agency");
        }
        return agency;
    }

    public static FiscalYear fiscalYear(String text) {
        if (text != null && FOUR_DIGITS.matcher(text).matches()) {
            int year = Integer.parseInt(text);
            if (year >= FiscalYear.MIN && year <= FiscalYear.MAX) {
                return FiscalYear.of(year);
            }
        }
        throw StatsProblems.invalidParameter("fiscalYear", "stats.problem.fiscal-year", FiscalYear.MIN, FiscalYear.MAX);
    }

    /** A month {@code YYYY-MM}, or {@code null} when malformed. */
    public static YearMonth month(String text) {
        if (text != null && YEAR_MONTH.matcher(text).matches()) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A 400 on {@code parameter} whose text names each month argument as its language writes it ({@code มกราคม 2573},
     * {@code January 2573 BE}), never as {@code 2030-01}; other arguments are inserted as they are.
     */
    public static ProblemException monthProblem(String parameter, String key, Object... args) {
        String en = Texts.in(Locale.ENGLISH, key, labelled(args, Locale.ENGLISH));
        String th = Texts.in(Texts.THAI, key, labelled(args, Texts.THAI));
        return new ProblemException(ProblemType.VALIDATION, en, th, List.of(new FieldProblem(parameter, en, th)));
    }

    private static Object[] labelled(Object[] args, Locale language) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof YearMonth month) {
                out[i] = FiscalCalendar.monthLabel(month, language);
            }
        }
        return out;
    }

    /** {@code through} of a table: a month of the fiscal year; September (the whole year) when absent. */
    public static YearMonth through(String text, FiscalYear fiscalYear) {
        if (text == null) {
            return fiscalYear.lastMonth();
        }
        YearMonth month = month(text);
        if (month == null || !fiscalYear.contains(month)) {
            throw StatsProblems.invalidParameter("through", "stats.problem.through", fiscalYear.firstMonth(),
                    fiscalYear.lastMonth(), fiscalYear.buddhistYear());
        }
        return month;
    }
}
