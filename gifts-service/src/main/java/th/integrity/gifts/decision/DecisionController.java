package th.integrity.gifts.decision;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.gifts.declaration.DeclarationView;
import th.integrity.platform.security.CurrentUser;

/** The head of agency's queue and decisions (HEAD of the declaration's agency only). */
@RestController
@Tag(name = "decisions", description = "The head of agency's decisions on gifts above the limit or from givers with business pending")
class DecisionController {

    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Operation(summary = "Declarations waiting for a decision, oldest first, with days left and an overdue flag (HEAD)")
    @GetMapping(path = "/api/gifts/decisions/pending", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('HEAD')")
    List<PendingDecision> pending(CurrentUser user) {
        return decisions.pending(user);
    }

    @Operation(summary = "Decide on a declaration: MAY_KEEP, MUST_RETURN or HAND_TO_AGENCY; once only (HEAD)")
    @PostMapping(path = "/api/gifts/declarations/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('HEAD')")
    DeclarationView decide(CurrentUser user, @PathVariable String id, @Valid @RequestBody DecideGift decision) {
        return decisions.decide(user, id, decision);
    }
}
