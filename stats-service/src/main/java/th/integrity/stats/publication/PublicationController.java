package th.integrity.stats.publication;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;
import th.integrity.stats.agency.AgencyDirectory;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.stats.gifts.GiftTable;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Params;
import th.integrity.stats.web.Html;

/**
 * Publishing (ADMIN of the agency) and reading (anyone) statistics publications, in JSON, CSV, printable HTML,
 * SVG and DCAT JSON-LD.
 */
@RestController
@RequestMapping("/api/stats/publications")
@Tag(name = "Publications", description = "การเผยแพร่สถิติ (ฉบับเผยแพร่ไม่เปลี่ยนแปลง แก้ไขได้ด้วยฉบับใหม่)")
class PublicationController {

    private static final Set<String> FORMATS = Set.of(Formats.JSON, Formats.CSV, Formats.HTML, Formats.SVG,
            Formats.DCAT, Formats.SEED, Formats.SEED_CSV);
    /** A gift publication has no seed layout (the agency's report lays out complaints). */
    private static final Set<String> GIFT_FORMATS = Set.of(Formats.JSON, Formats.CSV, Formats.HTML, Formats.SVG,
            Formats.DCAT);

    private final PublicationService publications;
    private final AgencyDirectory agencies;
    private final JsonMapper json;
    private final DcatProperties dcat;
    private final PrintableHtml printable;
    private final Infographic infographic;
    private final SeedLayout seed;

    public PublicationController(PublicationService publications, AgencyDirectory agencies, JsonMapper json,
            DcatProperties dcat, PrintableHtml printable, Infographic infographic, SeedLayout seed) {
        this.publications = publications;
        this.agencies = agencies;
        this.json = json;
        this.dcat = dcat;
        this.printable = printable;
        this.infographic = infographic;
        this.seed = seed;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Publish a table, or a correction (ADMIN of the agency)",
            description = "First publication: {kind, agency, fiscalYear, through | round}. Correction: {supersedes, reason}. "
                    + "The period must have ended in Asia/Bangkok (409 otherwise).")
    @ApiResponse(responseCode = "201", description = "published")
    public ResponseEntity<PublicationView> publish(@RequestBody PublicationRequest request, CurrentUser admin) {
        Publication publication = publications.publish(request, admin);
        PublicationView view = view(publication, null, true);
        return ResponseEntity.created(URI.create("/api/stats/publications/" + publication.id())).body(view);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List publications (public)", description = "Every revision, newest first, without the tables.")
    public List<PublicationView> list(@RequestParam(required = false) String agency,
            @Parameter(description = "Buddhist-Era fiscal year") @RequestParam(required = false) String fiscalYear) {
        if (agency != null) {
            Params.agency(agency);
        }
        Integer year = fiscalYear == null ? null : Params.fiscalYear(fiscalYear).buddhistYear();
        List<Publication> found = publications.list(agency, year);
        Map<String, Publication> successors = found.stream().filter(p -> p.supersedes() != null)
                .collect(Collectors.toMap(Publication::supersedes, p -> p, (a, b) -> a));
        return found.stream().map(p -> view(p, successors.get(p.id()), false)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One publication (public)",
            description = "JSON (default), CSV (UTF-8 with BOM), printable HTML, SVG infographic or DCAT JSON-LD, by "
                    + "the format parameter or the Accept header.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = PublicationView.class)),
            @Content(mediaType = "text/csv"), @Content(mediaType = "text/html"),
            @Content(mediaType = "image/svg+xml"), @Content(mediaType = "application/ld+json") })
    public ResponseEntity<?> get(@PathVariable String id,
            @Parameter(description = "json, csv, html, svg, dcat, or (complaints) seed and seed-csv: the agency's own "
                    + "report layout") @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(description = "svg: th or en (else the Accept-Language header; Thai by default)")
            @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Formats.choose(format, accept, FORMATS); // a bad parameter is a 400 before any lookup
        java.util.Locale language = Languages.choose(lang, acceptLanguage);
        Publication publication = publications.find(id).orElseThrow(PublicationController::notFound);
        boolean complaints = PublicationService.COMPLAINTS.equals(publication.kind());
        String chosen = Formats.choose(format, accept, complaints ? FORMATS : GIFT_FORMATS);
        PublicationView view = view(publication, publications.successor(id).orElse(null), true);
        String file = publication.kind().toLowerCase() + "-" + publication.agency() + "-" + publication.fiscalYear()
                + "-" + (complaints ? publication.through() : publication.round()) + "-r" + publication.revision();
        return switch (chosen) {
            case Formats.CSV -> ResponseEntity.ok().contentType(Formats.TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(file + ".csv").build().toString())
                    .body(complaints ? Csv.complaints(complaintTable(publication)) : Csv.gifts(giftTable(publication)));
            case Formats.HTML -> ResponseEntity.ok().contentType(new MediaType("text", "html",
                            java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", Html.CSP)
                    .body(complaints ? printable.complaints(complaintTable(publication), view)
                            : printable.gifts(giftTable(publication), view));
            case Formats.SVG -> ResponseEntity.ok().contentType(Formats.IMAGE_SVG)
                    .header("Content-Security-Policy", Html.CSP)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE)
                    .header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage())
                    .body(complaints ? infographic.complaints(complaintTable(publication), language)
                            : infographic.gifts(giftTable(publication), language));
            case Formats.SEED -> ResponseEntity.ok().contentType(new MediaType("text", "html",
                            java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", Html.CSP)
                    .body(seedPage(complaintTable(publication), view));
            case Formats.SEED_CSV -> ResponseEntity.ok().contentType(Formats.TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(file + "-seed.csv").build().toString())
                    .body(Csv.seed(seed.sheet(complaintTable(publication))));
            case Formats.DCAT -> dcatResponse(publication, view);
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
        };
    }

    @GetMapping(value = "/{id}/dcat", produces = { "application/ld+json", MediaType.APPLICATION_JSON_VALUE })
    @Operation(summary = "DCAT metadata of a publication as JSON-LD (public)")
    public ResponseEntity<Map<String, Object>> dcat(@PathVariable String id) {
        Publication publication = publications.find(id).orElseThrow(PublicationController::notFound);
        return dcatResponse(publication, view(publication, publications.successor(id).orElse(null), false));
    }

    private ResponseEntity<Map<String, Object>> dcatResponse(Publication publication, PublicationView view) {
        JsonNode table = json.readTree(publication.content());
        String issued = publications.firstRevision(publication.series()).map(p -> bangkok(p.publishedAt()))
                .orElse(view.publishedAt());
        var dataset = Dcat.dataset(dcat.base(), view, table.path("title_th").asString(), table.path("title_en").asString(),
                table.path("period").path("from").asString(), table.path("period").path("to").asString(), issued);
        return ResponseEntity.ok().contentType(Formats.LD_JSON).body(dataset);
    }

    private String seedPage(ComplaintTable table, PublicationView view) {
        return printable.seed(table, seed.sheet(table), view);
    }

    PublicationView view(Publication p, Publication successor, boolean withTable) {
        // Absolute, on the public address: a harvester or a mail client follows them as they are.
        String self = dcat.base() + "/api/stats/publications/" + p.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        for (String format : Dcat.formats(p.kind())) {
            links.put(format, self + "?format=" + format);
        }
        links.put(Formats.DCAT, self + "/dcat");
        return new PublicationView(p.id(), p.kind(), p.agency(), agencies.nameTh(p.agency()), p.fiscalYear(),
                p.through(), p.round(), p.revision(), successor == null ? "CURRENT" : "SUPERSEDED",
                bangkok(p.publishedAt()), FiscalCalendar.dateLabelThai(FiscalCalendar.dateOf(p.publishedAt())),
                p.publishedBy(), new PublicationView.Checksum("SHA-256", p.checksum()), p.supersedes(), p.reason(),
                successor == null ? null : new PublicationView.Successor(successor.id(), successor.revision(),
                        successor.reason(), bangkok(successor.publishedAt())),
                links, withTable && p.content() != null ? json.readTree(p.content()) : null);
    }

    ComplaintTable complaintTable(Publication publication) {
        return json.readValue(publication.content(), ComplaintTable.class);
    }

    GiftTable giftTable(Publication publication) {
        return json.readValue(publication.content(), GiftTable.class);
    }

    static String bangkok(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, FiscalCalendar.BANGKOK).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static ProblemException notFound() {
        return ProblemException.of(ProblemType.NOT_FOUND, "stats.problem.publication-not-found");
    }
}
