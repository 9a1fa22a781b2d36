package th.integrity.stats.publication;

import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.table.Params;
import th.integrity.stats.web.Html;

/** The public city-wide roll-up of current complaint publications. */
@RestController
@Tag(name = "Publications")
class RollupController {

    private static final Set<String> FORMATS = Set.of(Formats.JSON, Formats.CSV, Formats.HTML);

    private final Rollup rollup;
    private final PrintableHtml printable;

    public RollupController(Rollup rollup, PrintableHtml printable) {
        this.rollup = rollup;
        this.printable = printable;
    }

    @GetMapping("/api/stats/rollup/{fiscalYear}")
    @Operation(summary = "City-wide roll-up of every agency's current publication (public)",
            description = "Sums the current complaint publications of the fiscal year and through-month; lists the "
                    + "agencies included and the configured agencies missing. JSON, CSV or HTML.")
    public ResponseEntity<?> get(@Parameter(description = "Buddhist-Era fiscal year") @PathVariable String fiscalYear,
            @Parameter(description = "last month YYYY-MM (default September)") @RequestParam(required = false) String through,
            @RequestParam(required = false) String format,
            @RequestHeader(value = "Accept", required = false) String accept) {
        FiscalYear year = Params.fiscalYear(fiscalYear);
        String chosen = Formats.choose(format, accept, FORMATS);
        Rollup.View view = rollup.rollup(year, Params.through(through, year));
        return switch (chosen) {
            case Formats.CSV -> ResponseEntity.ok().contentType(Formats.TEXT_CSV).body(Csv.rollup(view));
            case Formats.HTML -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", Html.CSP).body(printable.rollup(view));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
        };
    }
}
