package th.integrity.stats.report;

import static th.integrity.stats.web.Html.escape;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.platform.security.CurrentUser;
import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.publication.Formats;
import th.integrity.stats.table.InvalidParameterException;
import th.integrity.stats.table.Labels;
import th.integrity.stats.table.Params;
import th.integrity.stats.web.Html;

/** The monthly executive report, for the head of the agency; JSON or printable Thai HTML. */
@RestController
@Tag(name = "Executive report", description = "รายงานผู้บริหารประจำเดือน")
public class ExecutiveReportController {

    private static final Set<String> FORMATS = Set.of(Formats.JSON, Formats.HTML);

    private final ExecutiveReportService reports;

    public ExecutiveReportController(ExecutiveReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/stats/reports/executive/{agency}/{month}")
    @PreAuthorize("hasRole('HEAD')")
    @Operation(summary = "Monthly executive report (HEAD of the agency)",
            description = "month: YYYY-MM. JSON by default; printable Thai HTML with format=html or Accept: text/html.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ExecutiveReport.class)),
            @Content(mediaType = "text/html") })
    public ResponseEntity<?> report(@PathVariable String agency, @PathVariable String month,
            @RequestParam(required = false) String format,
            @RequestHeader(value = "Accept", required = false) String accept) {
        Params.agency(agency);
        CurrentUser.inAgency(agency);
        YearMonth parsed = Params.month(month);
        if (parsed == null || parsed.getYear() < 1957 || parsed.getYear() > 2157) {
            throw new InvalidParameterException("month", "month must be YYYY-MM (common era), e.g. 2025-03",
                    "เดือนต้องอยู่ในรูปแบบ YYYY-MM (ปีคริสต์ศักราช) เช่น 2025-03");
        }
        String chosen = Formats.choose(format, accept, FORMATS);
        ExecutiveReport report = reports.report(agency, parsed);
        if (chosen.equals(Formats.HTML)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", Html.CSP).body(html(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    static String html(ExecutiveReport r) {
        String title = "รายงานผู้บริหาร ประจำเดือน" + r.monthTh() + " " + r.agencyNameTh();
        StringBuilder out = Html.page(title, "report executive");
        out.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"dates\">จัดทำเมื่อ ")
                .append(escape(r.generatedOnTh())).append("</p>\n</header>\n");
        section(out, "เรื่องร้องเรียนที่รับในเดือน (รวม " + r.received().total() + " เรื่อง) แยกตามประเภท",
                r.received().byCategory(), Labels.CATEGORIES);
        section(out, "แยกตามช่องทาง", r.received().byChannel(), Labels.CHANNELS);
        section(out, "เรื่องที่ยุติในเดือน (รวม " + r.concluded().total() + " เรื่อง, เฉลี่ย "
                + (r.concluded().averageDaysToConclusion() == null ? "-" : r.concluded().averageDaysToConclusion())
                + " วัน)", r.concluded().byOutcome(), Labels.PROGRESS);
        section(out, "เหตุผลการยุติเรื่อง", r.concluded().byClosureReason(), Labels.CLOSURE_REASONS);
        section(out, "เรื่องที่ยังไม่ยุติ ณ วันที่จัดทำ แยกตามสถานะ", r.openByStatus(), Labels.PROGRESS);
        out.append("<table class=\"stats\">\n<caption>").append(escape("เรื่องที่เกินกำหนด (รวม " + r.overdue().total() + " เรื่อง)"))
                .append("</caption>\n<thead><tr><th scope=\"col\">รหัสเรื่อง</th><th scope=\"col\">ประเภท</th>")
                .append("<th scope=\"col\">สถานะ</th><th scope=\"col\">กำหนด</th><th scope=\"col\">เกินกำหนด (วัน)</th></tr></thead>\n<tbody>\n");
        if (r.overdue().cases().isEmpty()) {
            out.append("<tr><td colspan=\"5\">ไม่มีเรื่องที่เกินกำหนด</td></tr>\n");
        }
        for (ExecutiveReport.OverdueCase c : r.overdue().cases()) {
            out.append("<tr><td>").append(escape(c.caseId())).append("</td><td>")
                    .append(escape(label(Labels.CATEGORIES, c.category()))).append("</td><td>")
                    .append(escape(c.statusTh())).append("</td><td>").append(escape(c.dueAt())).append("</td><td class=\"n\">")
                    .append(c.daysOverdue()).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        section(out, "ของขวัญที่รายงานในเดือน (รวม " + r.gifts().declared() + " รายการ) · รอวินิจฉัย "
                + r.gifts().decisionsPending() + " รายการ · เกินกำหนด " + r.gifts().decisionsOverdue() + " รายการ",
                r.gifts().byDisposition(), GiftLabels.DISPOSITIONS);
        return out.append("</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder out, String caption, Map<String, Long> counts, List<Labels.Label> labels) {
        out.append("<table class=\"stats breakdown\">\n<caption>").append(escape(caption))
                .append("</caption>\n<tbody>\n");
        counts.forEach((code, count) -> out.append("<tr><th scope=\"row\">").append(escape(label(labels, code)))
                .append("</th><td class=\"n\">").append(count).append("</td></tr>\n"));
        out.append("</tbody>\n</table>\n");
    }

    private static String label(List<Labels.Label> labels, String code) {
        return labels.stream().filter(l -> l.code().equals(code)).map(Labels.Label::labelTh).findFirst()
                .orElse(code == null ? "ไม่ระบุ" : code);
    }
}
