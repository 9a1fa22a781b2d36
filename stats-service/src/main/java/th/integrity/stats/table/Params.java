package th.integrity.stats.table;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.projection.ComplaintEventReader;

/** Checks of the path and query parameters every statistics endpoint shares; failures answer 400. */
public final class Params {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private Params() {
    }

    public static String agency(String agency) {
        if (agency == null || !ComplaintEventReader.AGENCY.matcher(agency).matches()) {
            throw new InvalidParameterException("agency",
                    "agency must be an agency code (letters, digits, '.', '_' or '-', at most 64)",
                    "รหัสหน่วยงานต้องประกอบด้วยตัวอักษรภาษาอังกฤษ ตัวเลข หรือ . _ - ไม่เกิน 64 ตัว");
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
        throw new InvalidParameterException("fiscalYear",
                "fiscalYear must be a Buddhist-Era year from " + FiscalYear.MIN + " to " + FiscalYear.MAX
                        + " (e.g. 2568)",
                "ปีงบประมาณต้องเป็นปีพุทธศักราช " + FiscalYear.MIN + " ถึง " + FiscalYear.MAX + " (เช่น 2568)");
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

    /** {@code through} of a table: a month of the fiscal year; September (the whole year) when absent. */
    public static YearMonth through(String text, FiscalYear fiscalYear) {
        if (text == null) {
            return fiscalYear.lastMonth();
        }
        YearMonth month = month(text);
        if (month == null || !fiscalYear.contains(month)) {
            throw new InvalidParameterException("through",
                    "through must be a month YYYY-MM (common era) from " + fiscalYear.firstMonth() + " to "
                            + fiscalYear.lastMonth(),
                    "through ต้องเป็นเดือนในรูปแบบ YYYY-MM (ปีคริสต์ศักราช) ตั้งแต่ " + fiscalYear.firstMonth()
                            + " ถึง " + fiscalYear.lastMonth() + " ของปีงบประมาณ " + fiscalYear.buddhistYear());
        }
        return month;
    }
}
