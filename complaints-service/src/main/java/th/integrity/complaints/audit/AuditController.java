package th.integrity.complaints.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.PageRequest;

/** The head of agency reads who revealed which reporter's identity, and why. */
@RestController
@Tag(name = "Audit (HEAD)", description = "The append-only log of identity reveals")
class AuditController {

    private final AuditStore store;

    AuditController(AuditStore store) {
        this.store = store;
    }

    record Page(List<IdentityReveal> items, int page, int size, long total) {
    }

    @GetMapping("/api/complaints/audit/identity-reveals")
    @PreAuthorize("hasRole('HEAD')")
    @Operation(summary = "Identity reveals of the caller's agency, newest first (HEAD)")
    Page reveals(CurrentUser user, @RequestParam(required = false) String caseId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String agency = user.agency();
        PageRequest paging = PageRequest.of(page, size, 200);
        int p = paging.page();
        int s = paging.size();
        if (agency == null) {
            return new Page(List.of(), p, s, 0);
        }
        AuditStore.Page found = store.reveals(agency, caseId, paging.skip(), s);
        return new Page(found.items(), p, s, found.total());
    }
}
