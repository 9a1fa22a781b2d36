package th.integrity.gifts.nilreturn;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.platform.security.CurrentUser;

@RestController
@RequestMapping("/api/gifts/nil-returns")
@Tag(name = "nil returns", description = "Reporting that nothing was offered in a round (รายงานว่าไม่มีการรับของขวัญ)")
class NilReturnController {

    private final NilReturnService nilReturns;

    NilReturnController(NilReturnService nilReturns) {
        this.nilReturns = nilReturns;
    }

    @Operation(summary = "File a nil return for a round (H1 or FY); 409 if something was declared in it or one was filed")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('STAFF', 'OFFICER', 'HEAD')")
    NilReturnView file(CurrentUser user, @Valid @RequestBody FileNilReturn command) {
        return nilReturns.file(user, command);
    }

    @Operation(summary = "My own nil returns, newest first")
    @GetMapping(path = "/mine", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('STAFF', 'OFFICER', 'HEAD')")
    List<NilReturnView> mine(CurrentUser user) {
        return nilReturns.mine(user);
    }
}
