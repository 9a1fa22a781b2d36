package th.integrity.complaints.intake;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.complaints.attachments.AttachmentInspector;
import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;

/**
 * The public complaint form's endpoint. Anonymous: it stores no client address and no identity unless the
 * reporter gives one. There is no {@code Location}: the case is reached only with its tracking code, which
 * never appears in a URL.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Intake (public)", description = "File a complaint on the web form")
class IntakeController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IntakeService intake;
    private final AttachmentInspector inspector;

    IntakeController(IntakeService intake, AttachmentInspector inspector) {
        this.intake = intake;
        this.inspector = inspector;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File a complaint without attachments (public)")
    ResponseEntity<Receipt> submit(@Valid @RequestBody SubmitComplaint complaint,
            @Parameter(description = "16-128 characters, e.g. a UUID: a retry with the same key gets the first answer")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return file(complaint, List.of(), idempotencyKey);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "File a complaint with up to 5 JPEG/PNG/PDF files (public)",
            description = "Part `complaint`: the same JSON as the JSON form, sent with Content-Type application/json. "
                    + "Parts `files`: the attachments; their type is judged by their contents.")
    ResponseEntity<Receipt> submitWithFiles(@Valid @RequestPart("complaint") SubmitComplaint complaint,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return file(complaint, files, idempotencyKey);
    }

    private ResponseEntity<Receipt> file(SubmitComplaint complaint, List<MultipartFile> files, String idempotencyKey) {
        var clean = inspector.inspect(files);
        var command = new NewCase(complaint.agency(), Channel.WEB, Category.fromCode(complaint.category()).orElseThrow(),
                complaint.subcategory(), complaint.division(), complaint.details(), complaint.incidentDate(),
                complaint.location(), complaint.reportedElsewhere(), complaint.reporterStanding(),
                complaint.reporter(), null, null, clean, null, null, complaint.noticeEmail());
        IntakeService.Filed filed = intake.file(command, idempotencyKey);
        // no-store: the answer holds the tracking code, which no cache on the way may keep
        var response = ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore());
        if (filed.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(filed.receipt());
    }
}
