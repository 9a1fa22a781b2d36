package th.integrity.complaints.tracking;

import java.util.List;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.attachments.AttachmentInspector;
import th.integrity.platform.web.ProblemException;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Following a complaint (public). The code travels in the body of a POST, never in a URL, so it ends up in
 * no access log, proxy log or browser history. Answers are never cached.
 */
@RestController
@RequestMapping(path = "/api/complaints/track", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Following a complaint (public)", description = "Status, stages and messages, with the tracking code only")
class TrackingController {

    private final TrackingService tracking;
    private final AttachmentInspector inspector;

    TrackingController(TrackingService tracking, AttachmentInspector inspector) {
        this.tracking = tracking;
        this.inspector = inspector;
    }

    /** @param trackingCode 16 digits; spaces, hyphens and Thai digits are accepted */
    record TrackRequest(@NotNull(message = "{complaints.tracking-code.required}") String trackingCode) {
        @Override
        public String toString() {
            return "TrackRequest[****]";
        }
    }

    record ReporterMessage(
            @NotNull(message = "{complaints.tracking-code.required}") String trackingCode,
            @NotBlank(message = "{complaints.message.required}")
            @Size(max = MESSAGE_MAX, message = "{complaints.message.size}") String text) {

        ReporterMessage {
            text = text == null ? null : text.strip();
        }

        @Override
        public String toString() {
            return "ReporterMessage[****]";
        }
    }

    record Sent(Instant at) {
    }

    /** Validation bound; the configurable limit (integrity.complaints.tracking.message-max-length) is at most this. */
    static final int MESSAGE_MAX = 2000;

    @PostMapping
    @Operation(summary = "Status, stage dates and messages of the complaint with this tracking code (public)")
    ResponseEntity<TrackingService.Progress> track(@Valid @RequestBody TrackRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tracking.progress(request.trackingCode()));
    }

    /** @param files how many were added */
    record Added(Instant at, int files) {
    }

    @PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The reporter adds JPEG/PNG/PDF files to their open complaint (public, with the tracking code)",
            description = "Form field `trackingCode`; parts `files` (up to 5 per upload, as at filing). "
                    + "409 case-closed once the case is concluded.")
    ResponseEntity<Added> attachments(@RequestParam(name = "trackingCode", required = false) String trackingCode,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        if (trackingCode == null || trackingCode.isBlank()) {
            throw ProblemException.invalid(ComplaintsProblems.field("trackingCode", "tracking-code.required"));
        }
        if (files == null || files.stream().allMatch(MultipartFile::isEmpty)) {
            throw ProblemException.invalid(ComplaintsProblems.field("files", "files.required"));
        }
        var clean = inspector.inspect(files);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new Added(tracking.addFiles(trackingCode, clean), clean.size()));
    }

    @PostMapping("/messages")
    @Operation(summary = "The reporter adds a message to their complaint (public, with the tracking code)")
    ResponseEntity<Sent> message(@Valid @RequestBody ReporterMessage request) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new Sent(tracking.addMessage(request.trackingCode(), request.text())));
    }
}
