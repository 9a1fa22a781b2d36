package th.integrity.complaints.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import th.integrity.complaints.ComplaintsProblems;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.security.RequiresSecondFactor;
import th.integrity.platform.text.Texts;
import th.integrity.platform.web.ProblemException;

/**
 * The two-person rule: officers (OFFICER) ask and, once approved, read; the head (HEAD) of the same agency decides.
 * Records of another agency answer the same 404 as ones that do not exist. Asking, deciding and reading need a
 * sign-in with a second factor ({@link RequiresSecondFactor}; docs/security.md, "A second factor for reveals"):
 * a stolen password alone reveals nobody.
 */
@RestController
@Tag(name = "Identity disclosure", description = "Revealing a confidential reporter's identity takes an officer and the head")
class DisclosureController {

    static final int REASON_MAX = 1000;

    private final DisclosureService disclosure;

    DisclosureController(DisclosureService disclosure) {
        this.disclosure = disclosure;
    }

    record Reason(@NotBlank(message = "{complaints.reason.required}")
            @Size(min = 10, max = REASON_MAX, message = "{complaints.reveal-reason.size}") String reason) {
        Reason {
            reason = reason == null ? null : reason.strip();
        }
    }

    record Note(@Size(max = REASON_MAX, message = "{complaints.note.size}") String note) {
        Note {
            note = note == null || note.isBlank() ? null : note.strip();
        }
    }

    /**
     * A request as the officer and the head see it: never the reporter's identity.
     *
     * @param ageHours whole hours since it was asked
     */
    record RequestView(String id, String caseId, String caseNumber, String status, String statusTh, String statusEn,
            String requesterName, String reason, Instant requestedAt, long ageHours, String decidedByName, String note,
            Instant decidedAt, Instant expiresAt) {

        static RequestView of(IdentityRequest r, Instant now) {
            String key = "complaints.label.identity-request." + r.status().name();
            return new RequestView(r.id(), r.caseId(), r.caseNumber(), r.status().name(),
                    Texts.in(Texts.THAI, key), Texts.in(Locale.ENGLISH, key), r.requesterName(), r.reason(),
                    r.requestedAt(), r.age(now).toHours(), r.decidedByName(), r.note(),
                    r.decidedAt(), r.expiresAt());
        }
    }

    @PostMapping(path = "/api/complaints/cases/{id}/identity-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @RequiresSecondFactor
    @Operation(summary = "Ask the head to approve revealing the reporter's identity (OFFICER); the answer holds no identity")
    ResponseEntity<RequestView> request(CurrentUser user, @PathVariable String id, @Valid @RequestBody Reason body) {
        IdentityRequest request = disclosure.request(inAgency(user), id, body.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RequestView.of(request, request.requestedAt()));
    }

    @GetMapping("/api/complaints/cases/{id}/identity-requests")
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "The caller's own identity requests on a case, newest first (OFFICER)")
    List<RequestView> mine(CurrentUser user, @PathVariable String id) {
        Instant now = disclosure.now();
        return disclosure.mine(inAgency(user), id).stream().map(r -> RequestView.of(r, now)).toList();
    }

    @GetMapping("/api/complaints/identity-requests")
    @PreAuthorize("hasRole('HEAD')")
    @Operation(summary = "Identity requests of the caller's agency, oldest first (HEAD); status=PENDING is the queue")
    List<RequestView> queue(CurrentUser user, @RequestParam(required = false) IdentityRequest.Status status) {
        Instant now = disclosure.now();
        return disclosure.queue(user, status).stream().map(r -> RequestView.of(r, now)).toList();
    }

    @PostMapping(path = "/api/complaints/identity-requests/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('HEAD')")
    @RequiresSecondFactor
    @Operation(summary = "Approve a request (HEAD, never one's own); a second decision is 409")
    RequestView approve(CurrentUser user, @PathVariable String id, @Valid @RequestBody Note body) {
        IdentityRequest decided = disclosure.decide(inAgency(user), id, true, body.note());
        return RequestView.of(decided, decided.decidedAt());
    }

    @PostMapping(path = "/api/complaints/identity-requests/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('HEAD')")
    @RequiresSecondFactor
    @Operation(summary = "Decline a request with a note the requesting officer reads (HEAD); a second decision is 409")
    RequestView decline(CurrentUser user, @PathVariable String id, @Valid @RequestBody Note body) {
        if (body.note() == null) {
            throw ProblemException.invalid(ComplaintsProblems.field("note", "note.required"));
        }
        IdentityRequest decided = disclosure.decide(inAgency(user), id, false, body.note());
        return RequestView.of(decided, decided.decidedAt());
    }

    @PostMapping(path = "/api/complaints/cases/{id}/identity", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @RequiresSecondFactor
    @Operation(summary = "Read a confidential reporter's identity: only the officer whose request the head approved, "
            + "while the approval lasts (written to the audit log)")
    ResponseEntity<DisclosureService.Revealed> reveal(CurrentUser user, @PathVariable String id,
            @Valid @RequestBody Reason body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(disclosure.reveal(inAgency(user), id, body.reason()));
    }

    private static CurrentUser inAgency(CurrentUser user) {
        if (user.agency() == null) {
            throw ComplaintsProblems.caseNotFound();
        }
        return user;
    }
}
