package th.integrity.stats.table;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.StatsProblems;

/** The live (draft) complaint statistics table of an agency, for its officers and administrators. */
@RestController
@RequestMapping("/api/stats/complaints/{agency}/{fiscalYear}")
@Tag(name = "Complaint statistics", description = "ตารางสถิติเรื่องร้องเรียน (ฉบับร่าง)")
class ComplaintTableController {

    private final ComplaintTables tables;

    public ComplaintTableController(ComplaintTables tables) {
        this.tables = tables;
    }

    @GetMapping("/draft")
    @PreAuthorize("hasAnyRole('OFFICER', 'ADMIN')")
    @Operation(summary = "Draft monthly complaint table (OFFICER, ADMIN of the agency)",
            description = "Every month from ตุลาคม through `through`, one block per main category and one for all.")
    public ComplaintTable draft(@PathVariable String agency,
            @Parameter(description = "Buddhist-Era fiscal year, e.g. 2568") @PathVariable("fiscalYear") String fiscalYearText,
            @Parameter(description = "last month YYYY-MM, a month that has ended (default: the last ended month of the fiscal year, Asia/Bangkok)")
            @RequestParam(required = false) String through, CurrentUser user) {
        Params.agency(agency);
        StatsProblems.inAgency(user, agency);
        FiscalYear fiscalYear = Params.fiscalYear(fiscalYearText);
        return tables.draft(agency, fiscalYear, through);
    }
}
