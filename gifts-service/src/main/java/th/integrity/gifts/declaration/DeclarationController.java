package th.integrity.gifts.declaration;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.platform.security.CurrentUser;

/** Declaring gifts (every member of staff, heads and officers included: they are offered gifts too). */
@RestController
@RequestMapping("/api/gifts/declarations")
@Tag(name = "declarations", description = "Gift declarations under the No Gift Policy (การรายงานการรับของขวัญ)")
class DeclarationController {

    private final DeclarationService declarations;

    DeclarationController(DeclarationService declarations) {
        this.declarations = declarations;
    }

    @Operation(summary = "Declare a gift (STAFF, OFFICER, HEAD); the rule's result is stored with it")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('STAFF', 'OFFICER', 'HEAD')")
    ResponseEntity<DeclarationView> declare(CurrentUser user, @Valid @RequestBody DeclareGift gift) {
        DeclarationView view = declarations.declare(user, gift);
        return ResponseEntity.created(URI.create("/api/gifts/declarations/" + view.id())).body(view);
    }

    @Operation(summary = "Correct a declaration: a new version that supersedes it (declarant only, before a decision)")
    @PostMapping(path = "/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('STAFF', 'OFFICER', 'HEAD')")
    ResponseEntity<DeclarationView> correct(CurrentUser user, @PathVariable String id, @Valid @RequestBody DeclareGift gift) {
        DeclarationView view = declarations.correct(user, id, gift);
        return ResponseEntity.created(URI.create("/api/gifts/declarations/" + view.id())).body(view);
    }

    @Operation(summary = "My own declarations with their status, newest first")
    @GetMapping(path = "/mine", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('STAFF', 'OFFICER', 'HEAD')")
    List<DeclarationView> mine(CurrentUser user) {
        return declarations.mine(user);
    }

    @Operation(summary = "One declaration (its declarant, or the HEAD or OFFICER of its agency)")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('STAFF', 'OFFICER', 'HEAD')")
    DeclarationView get(CurrentUser user, @PathVariable String id) {
        return declarations.get(user, id);
    }
}
