package th.integrity.stats.replay;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.platform.web.ProblemException;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.ProblemType;

/** Rebuilding the projection from the topics (ADMIN). */
@RestController
@Tag(name = "Replay", description = "สร้างข้อมูลสถิติใหม่จากเหตุการณ์ทั้งหมด")
class ReplayController {

    private final ReplayService replays;

    public ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @PostMapping("/api/stats/replays")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rebuild the projection from the start of the topics (ADMIN)",
            description = "Runs in the background into a fresh generation; queries switch to it once it has caught "
                    + "up with the end offsets captured at the start. 409 while another replay runs and advances; "
                    + "one that made no progress for replay-stale-after (its process was stopped) is abandoned and "
                    + "its half-built generation dropped, so a new one starts.")
    public ResponseEntity<Replay> start(CurrentUser admin) {
        Replay replay = replays.start(admin.subject());
        return ResponseEntity.accepted().location(URI.create("/api/stats/replays/" + replay.id())).body(replay);
    }

    @GetMapping("/api/stats/replays/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Progress of a replay (ADMIN)")
    public Replay progress(@PathVariable String id) {
        return replays.find(id).orElseThrow(
                () -> ProblemException.of(ProblemType.NOT_FOUND, "stats.problem.replay-not-found"));
    }
}
