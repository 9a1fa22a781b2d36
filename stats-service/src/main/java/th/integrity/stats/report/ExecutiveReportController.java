package th.integrity.stats.report;

import java.time.Clock;
import java.time.YearMonth;
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

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.security.CurrentUser;
import th.integrity.stats.publication.Formats;
import th.integrity.stats.table.Params;
import th.integrity.stats.web.Html;
import th.integrity.stats.StatsProblems;

/** The monthly executive report, for the head of the agency; JSON or printable Thai HTML. */
@RestController
@Tag(name = "Executive report", description = "รายงานผู้บริหารประจำเดือน")
class ExecutiveReportController {

    private static final Set<String> FORMATS = Set.of(Formats.JSON, Formats.HTML);

    private final ExecutiveReportService reports;
    private final ExecutiveReportHtml html;
    private final Clock clock;

    ExecutiveReportController(ExecutiveReportService reports, ExecutiveReportHtml html, Clock clock) {
        this.reports = reports;
        this.html = html;
        this.clock = clock;
    }

    @GetMapping("/api/stats/reports/executive/{agency}/{month}")
    @PreAuthorize("hasRole('HEAD')")
    @Operation(summary = "Monthly executive report (HEAD of the agency)",
            description = "month: YYYY-MM, at the latest the current month (Asia/Bangkok). JSON by default; printable Thai HTML with format=html or Accept: text/html.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ExecutiveReport.class)),
            @Content(mediaType = "text/html") })
    public ResponseEntity<?> report(@PathVariable String agency, @PathVariable String month,
            @RequestParam(required = false) String format,
            @RequestHeader(value = "Accept", required = false) String accept, CurrentUser user) {
        Params.agency(agency);
        StatsProblems.inAgency(user, agency);
        YearMonth parsed = Params.month(month);
        if (parsed == null || parsed.getYear() < 1957 || parsed.getYear() > 2157) {
            throw StatsProblems.invalidParameter("month", "stats.problem.month");
        }
        // A month that has not begun has nothing to report: refused, rather than a page of zeros that reads as a
        // quiet month. The month under way is allowed (its report so far).
        YearMonth current = FiscalCalendar.monthOf(clock.instant());
        if (parsed.isAfter(current)) {
            throw Params.monthProblem("month", "stats.problem.report-future-month", parsed, current);
        }
        String chosen = Formats.choose(format, accept, FORMATS);
        ExecutiveReport report = reports.report(agency, parsed);
        if (chosen.equals(Formats.HTML)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", Html.CSP).body(html.render(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
}
