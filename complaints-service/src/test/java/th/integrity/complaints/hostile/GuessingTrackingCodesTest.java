package th.integrity.complaints.hostile;

import th.integrity.testkit.Hostile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.testkit.Hostile.Body;
import th.integrity.complaints.tracking.FailedLookupLimiter;

/**
 * Someone hammering random tracking codes (typed every way a code may be typed) is refused with 429 once the
 * configured number of wrong codes in a minute is reached, and wrong codes on the message endpoint are refused
 * too (a right code is still answered: TrackingTest). docs/complaints.md states the numbers.
 */
class GuessingTrackingCodesTest extends IntegrationTestSupport {

    @Autowired
    FailedLookupLimiter limiter;

    @BeforeEach
    void startOfAMinute() {
        // All guesses within one calendar minute of the service's clock, so the cap is counted once.
        long second = clock.instant().getEpochSecond() % 60;
        clock.advance(Duration.ofSeconds(60 - second + 1));
        limiter.reset();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
        limiter.reset();
    }

    @Test
    void randomGuessesAreStoppedAtTheCap() {
        int cap = properties.tracking().maxFailuresPerMinute();
        var guesses = Combinators.combine(Arbitraries.strings().numeric().ofLength(16), Arbitraries.integers().between(0, 3))
                .as((digits, form) -> new Body("guess", switch (form) {
                    case 0 -> digits;
                    case 1 -> digits.replaceAll("(\\d{4})(?=\\d)", "$1 ");
                    case 2 -> digits.replaceAll("(\\d{4})(?=\\d)", "$1-");
                    default -> digits.chars().mapToObj(c -> String.valueOf((char) ('๐' + c - '0')))
                            .reduce("", String::concat);
                }));
        Iterator<Body> codes = Hostile.samples(guesses, cap * 3).iterator();

        int answered = 0;
        HttpResponse<String> response = null;
        while (codes.hasNext()) {
            response = call("POST", "/api/complaints/track", Map.of("trackingCode", codes.next().json()), null);
            if (response.statusCode() != 404) {
                break;
            }
            answered++;
        }

        assertThat(answered).as("wrong codes answered before the limiter refused").isEqualTo(cap);
        assertThat(response.statusCode()).isEqualTo(429);
        Hostile.assertRefusedAsProblem(json, new Body("guess after the cap", ""), response);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> message = call("POST", "/api/complaints/track/messages",
                Map.of("trackingCode", "1234 5678 9012 3456", "text", "ยังเดาต่อ"), null);
        assertThat(message.statusCode()).isEqualTo(429);
    }
}
