package th.integrity.gifts.register;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.gifts.gift.Round;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;

/** The register of the caller's agency (OFFICER and HEAD), as JSON, CSV or XLSX. */
@RestController
@Tag(name = "registers", description = "The 6- and 12-month gift registers for the head of agency and ศปท.กทม.")
class RegisterController {

    private static final Pattern FISCAL_YEAR = Pattern.compile("[0-9]{4}");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RegisterService registers;

    RegisterController(RegisterService registers) {
        this.registers = registers;
    }

    @Operation(summary = "The register of a fiscal round (H1 = Oct–Mar, FY = Oct–Sep) of the caller's agency "
            + "(OFFICER, HEAD); JSON, CSV or XLSX by Accept or format=json|csv|xlsx")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Register.class)),
            @Content(mediaType = "text/csv"),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") })
    @GetMapping("/api/gifts/registers/{fiscalYear}/{round}")
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD')")
    ResponseEntity<?> register(CurrentUser user,
            @Parameter(description = "Buddhist-Era fiscal year, e.g. 2568",
                    schema = @Schema(type = "integer", minimum = "2500", maximum = "2700"))
            @PathVariable("fiscalYear") String year,
            @PathVariable Round round,
            @Parameter(description = "json, csv or xlsx; wins over Accept") @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        int fiscalYear = fiscalYear(year);
        String chosen = format == null ? fromAccept(accept) : format.toLowerCase(Locale.ROOT);
        String filename = "gift-register-%d-%s".formatted(fiscalYear, round);
        return switch (chosen) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(registers.compile(user, fiscalYear, round));
            case "csv" -> ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename + ".csv").build().toString())
                    .body(RegisterFormats.csv(registers.compile(user, fiscalYear, round)));
            case "xlsx" -> ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename + ".xlsx").build().toString())
                    .body(RegisterFormats.xlsx(registers.compile(user, fiscalYear, round)));
            default -> throw ProblemException.invalid(FieldProblem.of("format", "gifts.format.one-of"));
        };
    }

    /**
     * Four ASCII digits from 2500 to 2700, nothing else: not {@code 0x0A08}, {@code +2568}, {@code ๒๕๖๘} or
     * {@code 2568.0}, which a number converter would read or echo back.
     */
    private static int fiscalYear(String year) {
        if (!FISCAL_YEAR.matcher(year).matches() || Integer.parseInt(year) < 2500 || Integer.parseInt(year) > 2700) {
            throw ProblemException.invalid(FieldProblem.of("fiscalYear", "gifts.fiscalYear.range"));
        }
        return Integer.parseInt(year);
    }

    /** The first acceptable of JSON, CSV and XLSX in the order the client listed them; JSON for none or any. */
    private static String fromAccept(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return "json";
        }
        List<MediaType> offered = List.of(MediaType.APPLICATION_JSON, CSV, XLSX);
        List<MediaType> wanted = MediaType.parseMediaTypes(accept);
        for (MediaType type : wanted.stream().sorted((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()))
                .toList()) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            for (MediaType candidate : offered) {
                if (type.isCompatibleWith(candidate)) {
                    return candidate == CSV ? "csv" : candidate == XLSX ? "xlsx" : "json";
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(offered);
    }
}
