package th.integrity.stats.gifts;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.platform.security.CurrentUser;
import th.integrity.stats.table.Params;
import th.integrity.stats.StatsProblems;

/** The live gift statistics of a round, for the agency's integrity officers and its head. */
@RestController
@Tag(name = "Gift statistics", description = "สถิติการรับของขวัญ (ฉบับร่าง)")
class GiftStatsController {

    private final GiftTables tables;

    public GiftStatsController(GiftTables tables) {
        this.tables = tables;
    }

    @GetMapping("/api/stats/gifts/{agency}/{fiscalYear}/{round}/draft")
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD')")
    @Operation(summary = "Draft gift statistics of a round (OFFICER, HEAD of the agency)",
            description = "round: H1 (ต.ค.–มี.ค.) or FY (ต.ค.–ก.ย.). Counts only; never a name.")
    public GiftTable draft(@PathVariable String agency, @PathVariable String fiscalYear, @PathVariable String round,
            CurrentUser user) {
        Params.agency(agency);
        StatsProblems.inAgency(user, agency);
        return tables.table(agency, Params.fiscalYear(fiscalYear), round(round));
    }

    public static GiftRound round(String text) {
        try {
            return GiftRound.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw StatsProblems.invalidParameter("round", "stats.problem.round");
        }
    }
}
