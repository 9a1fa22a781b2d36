package th.integrity.complaints.casework;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.attachments.AttachmentStore;
import th.integrity.complaints.complaint.CaseNumber;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.PageRequest;
import th.integrity.platform.web.ProblemException;

/**
 * Casework: integrity officers (OFFICER) of the case's own agency only. A case of another agency answers the
 * same 404 as one that does not exist.
 */
@RestController
@RequestMapping("/api/complaints/cases")
@PreAuthorize("hasRole('OFFICER')")
@Tag(name = "Casework (OFFICER)", description = "Cases of the officer's own agency")
class CaseController {

    private final CaseworkService casework;
    private final AttachmentStore attachments;

    CaseController(CaseworkService casework, AttachmentStore attachments) {
        this.casework = casework;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "List cases, newest first, with filters")
    CaseViews.Page list(CurrentUser user, @RequestParam(required = false) ComplaintStatus status,
            @RequestParam(required = false) Category category, @RequestParam(required = false) Channel channel,
            @Parameter(description = "month received, YYYY-MM, in Asia/Bangkok") @RequestParam(required = false) String month,
            @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "a case number: วท 0012/2570, WT 12/2570, 12/2570 or 12 (any fiscal year)")
            @RequestParam(required = false) String q) {
        YearMonth yearMonth = null;
        if (month != null) {
            try {
                yearMonth = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(ComplaintsProblems.field("month", "month"));
            }
        }
        CaseNumber.Query caseNumber = null;
        if (q != null && !q.isBlank()) {
            caseNumber = CaseNumber.parse(q).orElseThrow(
                    () -> ProblemException.invalid(ComplaintsProblems.field("q", "case-number")));
        }
        PageRequest paging = PageRequest.of(page, size, 100);
        return casework.list(officer(user), new CaseStore.Filter(status, category, channel, yearMonth, overdue,
                caseNumber), paging.page(), paging.size());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Key in a complaint that came by another channel, with the date it actually arrived")
    ResponseEntity<CaseViews.Filed> keyIn(CurrentUser user, @Valid @RequestBody CaseRequests.KeyIn request) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(casework.keyIn(officer(user), request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One case, the reporter's identity masked")
    CaseViews.Detail view(CurrentUser user, @PathVariable String id) {
        return casework.view(officer(user), id);
    }

    @PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the case to another state (409 when the move is not allowed)")
    CaseViews.Changed transition(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody CaseRequests.Transition request) {
        return casework.transition(officer(user), id, request);
    }

    @PostMapping(path = "/{id}/referral-answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the answer of the body the case was referred to (409 when it waits for none)")
    CaseViews.Changed referralAnswer(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody CaseRequests.ReferralAnswer request) {
        return casework.referralAnswer(officer(user), id, request);
    }

    @PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an internal note (never shown to the reporter)")
    ResponseEntity<CaseViews.Changed> note(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody CaseRequests.Text request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(casework.note(officer(user), id, request.text()));
    }

    @PostMapping(path = "/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a message to the reporter (shown when they follow the complaint)")
    ResponseEntity<CaseViews.Changed> message(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody CaseRequests.Text request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(casework.message(officer(user), id, request.text()));
    }

    @PutMapping(path = "/{id}/division", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the division (ฝ่าย) the case is about")
    CaseViews.Changed division(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody CaseRequests.Division request) {
        return casework.division(officer(user), id, request.division());
    }

    @GetMapping("/{id}/attachments/{fileId}")
    @Operation(summary = "Download an attachment of the case")
    ResponseEntity<InputStreamResource> attachment(CurrentUser user, @PathVariable String id, @PathVariable String fileId)
            throws IOException {
        Complaint c = casework.get(officer(user), id);
        Complaint.Attachment attachment = c.attachments().stream().filter(a -> a.fileId().equals(fileId)).findFirst()
                .orElseThrow(ComplaintsProblems::caseNotFound);
        InputStream in = attachments.open(c.id(), fileId);
        if (in == null) {
            throw ComplaintsProblems.caseNotFound();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size()).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(attachment.name()).build().toString())
                .body(new InputStreamResource(in));
    }

    /** The caller, who must belong to an agency: without one, every case answers the same 404. */
    private static CurrentUser officer(CurrentUser user) {
        if (user.agency() == null) {
            throw ComplaintsProblems.caseNotFound();
        }
        return user;
    }
}
