package th.integrity.stats.table;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.integrity.platform.security.CurrentUser;
import th.integrity.stats.calendar.FiscalYear;
import th.integrity.stats.projection.ComplaintEventReader;

/**
 * Complaint statistics tables of an agency. Only the draft for now; publications (immutable, revised,
 * in JSON/CSV/HTML/SVG) grow next to it.
 */
@RestController
@RequestMapping("/api/stats/complaints/{agency}/{fiscalYear}")
public class ComplaintTableController {

    /** Same type, titles and members as the platform's shared problem handling (its VALIDATION type). */
    static final URI VALIDATION = URI.create("urn:integrity:problem:validation");

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final ComplaintTables tables;

    public ComplaintTableController(ComplaintTables tables) {
        this.tables = tables;
    }

    /**
     * @param through last month to include, {@code YYYY-MM}; default กันยายน, the last month of the fiscal year
     */
    @GetMapping("/draft")
    @PreAuthorize("hasAnyRole('OFFICER', 'ADMIN')")
    public DraftTable draft(@PathVariable String agency, @PathVariable("fiscalYear") String fiscalYearText,
            @RequestParam(required = false) String through) {
        if (!ComplaintEventReader.AGENCY.matcher(agency).matches()) {
            throw new InvalidParameterException("agency",
                    "agency must be an agency code (letters, digits, '.', '_' or '-', at most 64)",
                    "รหัสหน่วยงานต้องประกอบด้วยตัวอักษรภาษาอังกฤษ ตัวเลข หรือ . _ - ไม่เกิน 64 ตัว");
        }
        CurrentUser.inAgency(agency);
        FiscalYear fiscalYear = fiscalYear(fiscalYearText);
        YearMonth last = through == null ? fiscalYear.lastMonth() : through(through, fiscalYear);
        return tables.draft(agency, fiscalYear, last);
    }

    private static FiscalYear fiscalYear(String text) {
        if (FOUR_DIGITS.matcher(text).matches()) {
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

    private static YearMonth through(String text, FiscalYear fiscalYear) {
        YearMonth month = null;
        if (YEAR_MONTH.matcher(text).matches()) {
            try {
                month = YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                month = null;
            }
        }
        if (month == null || !fiscalYear.contains(month)) {
            throw new InvalidParameterException("through",
                    "through must be a month YYYY-MM (common era) from " + fiscalYear.firstMonth() + " to "
                            + fiscalYear.lastMonth(),
                    "through ต้องเป็นเดือนในรูปแบบ YYYY-MM (ปีคริสต์ศักราช) ตั้งแต่ " + fiscalYear.firstMonth()
                            + " ถึง " + fiscalYear.lastMonth() + " ของปีงบประมาณ " + fiscalYear.buddhistYear());
        }
        return month;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.messageEn());
        problem.setType(VALIDATION);
        problem.setTitle("The request has invalid fields");
        problem.setProperty("title_th", "ข้อมูลที่ส่งมาไม่ถูกต้อง");
        problem.setProperty("detail_th", e.messageTh());
        problem.setProperty("errors", List.of(Map.of(
                "field", e.parameter(),
                "message_en", e.messageEn(),
                "message_th", e.messageTh())));
        return problem;
    }
}
