package th.integrity.complaints.intake;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public complaint form's endpoint. Anonymous: it stores no client address and no identity. There is
 * no {@code Location}: the case is reached only with its tracking code, which never appears in a URL.
 */
@RestController
@RequestMapping("/api/complaints")
class IntakeController {

    private final Intake intake;

    IntakeController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> submit(@Valid @RequestBody SubmitComplaint complaint) {
        // no-store: the answer holds the tracking code, which no cache on the way may keep
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(intake.submit(complaint));
    }
}
