package th.integrity.complaints.retention;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.PageRequest;

/** The head of agency reads what the retention purge removed, and when — never what it was. */
@RestController
@Tag(name = "Retention (HEAD)", description = "The purge report")
class RetentionController {

    private final PurgeRecordStore store;

    RetentionController(PurgeRecordStore store) {
        this.store = store;
    }

    record Page(List<PurgeRecord> items, int page, int size, long total) {
    }

    @GetMapping("/api/complaints/retention/purges")
    @PreAuthorize("hasRole('HEAD')")
    @Operation(summary = "Cases of the caller's agency purged after their retention period, newest first (HEAD)")
    Page purges(CurrentUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageRequest paging = PageRequest.of(page, size, 200);
        if (user.agency() == null) {
            return new Page(List.of(), paging.page(), paging.size(), 0);
        }
        PurgeRecordStore.Page found = store.of(user.agency(), paging.skip(), paging.size());
        return new Page(found.items(), paging.page(), paging.size(), found.total());
    }
}
