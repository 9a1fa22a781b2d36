package th.integrity.complaints.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;

import th.integrity.platform.web.ProblemType;

/**
 * The service's own safety net against guessing tracking codes, behind the gateway's per-client limit (the
 * service never sees client addresses): at most {@code maxPerMinute} wrong codes per calendar minute from all
 * callers together. Past it every lookup is refused with 429 until the minute ends — a large guessing run
 * then makes following complaints unavailable for at most a minute, but never makes guessing faster.
 * In memory, per instance: with N instances the cap is N times the setting.
 */
public class FailedLookupLimiter {

    public static final ProblemType TOO_MANY = new ProblemType("too-many-lookups", HttpStatus.TOO_MANY_REQUESTS,
            "Too many tracking code lookups", "มีการตรวจสอบรหัสติดตามมากเกินไป");

    private final Clock clock;
    private final int maxPerMinute;
    private long minute = -1;
    private int failures;

    public FailedLookupLimiter(Clock clock, int maxPerMinute) {
        this.clock = clock;
        this.maxPerMinute = maxPerMinute;
    }

    /** @return how long until lookups are allowed again, or {@link Duration#ZERO} when they are now */
    public synchronized Duration blockedFor() {
        Instant now = clock.instant();
        roll(now);
        if (failures < maxPerMinute) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.max(1, 60 - now.getEpochSecond() % 60));
    }

    public synchronized void failed() {
        roll(clock.instant());
        failures++;
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
