package th.integrity.complaints.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;


/**
 * The service's own budget of wrong tracking codes, behind the gateway's per-client limit (the service never sees
 * client addresses): at most {@code maxPerMinute} wrong codes per calendar minute from all callers together are
 * answered 404; beyond it a wrong code is answered 429 until the minute ends. Only wrong codes count and only wrong
 * codes are refused: a right code is always answered, so nobody can lock reporters out by sending wrong codes.
 * In memory, per instance: with N instances the budget is N times the setting.
 */
public class FailedLookupLimiter {

    private final Clock clock;
    private final int maxPerMinute;
    private long minute = -1;
    private int failures;

    public FailedLookupLimiter(Clock clock, int maxPerMinute) {
        this.clock = clock;
        this.maxPerMinute = maxPerMinute;
    }

    /**
     * Counts one wrong code.
     *
     * @return {@link Duration#ZERO} when it is within this minute's budget (answer 404), else how long until the
     *         minute ends (answer 429 with that Retry-After)
     */
    public synchronized Duration failed() {
        Instant now = clock.instant();
        roll(now);
        if (failures < maxPerMinute) {
            failures++;
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.max(1, 60 - now.getEpochSecond() % 60));
    }

    /** Forgets this minute's failures (tests; an operator could expose it). */
    public synchronized void reset() {
        failures = 0;
    }

    private void roll(Instant now) {
        long current = now.getEpochSecond() / 60;
        if (current != minute) {
            minute = current;
            failures = 0;
        }
    }
}
