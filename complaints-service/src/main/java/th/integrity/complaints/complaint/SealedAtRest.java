package th.integrity.complaints.complaint;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import th.integrity.complaints.identity.KeyRotation;
import th.integrity.platform.sweep.SweepLocks;

/**
 * Start-up upkeep of the sealing at rest, on one replica at a time (sweep lock {@value #LOCK}): re-wraps the case
 * data keys under the current key-encryption key when it was rotated, then seals whatever cases written before
 * sealing existed still hold in clear. Both are idempotent and cheap when there is nothing to do; until they have run,
 * every read still opens both forms (docs/security.md, "Sealed at rest").
 */
@Component
public class SealedAtRest {

    static final String LOCK = "sealed-at-rest";

    private static final Logger log = LoggerFactory.getLogger(SealedAtRest.class);

    private final KeyRotation rotation;
    private final CaseStore cases;
    private final SweepLocks.Lock lock;

    SealedAtRest(KeyRotation rotation, CaseStore cases, SweepLocks locks) {
        this.rotation = rotation;
        this.cases = cases;
        this.lock = locks.lock(LOCK, Duration.ofMinutes(30), Duration.ZERO);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        lock.runIfFree(this::run);
    }

    /** @return the data keys re-wrapped and the cases re-sealed */
    public Outcome run() {
        int rewrapped = rotation.rewrapDataKeys();
        int resealed = cases.resealClear();
        if (rewrapped > 0 || resealed > 0) {
            log.info("Sealed at rest: {} case keys re-wrapped under key {}, {} cases re-sealed", rewrapped,
                    rotation.currentKeyId(), resealed);
        }
        return new Outcome(rewrapped, resealed);
    }

    public record Outcome(int rewrapped, int resealed) {
    }
}
