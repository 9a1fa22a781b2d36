package th.integrity.platform.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/**
 * What a notice mail may carry besides its fixed words is an allowlist: a UI route and at most one id. A case
 * number, a tracking code, a query string or another site cannot be put in, whatever a caller passes.
 */
class NoticeLinksTest {

    @Test
    void aRouteWithAtMostAnIdIsAllowed() {
        for (String link : List.of("#/head", "#/staff", "#/officer/case/" + UUID.randomUUID())) {
            assertThat(Notices.LINK.matcher(link).matches()).as(link).isTrue();
        }
    }

    @Test
    void anythingThatCouldCarryContentIsRefused() {
        String id = UUID.randomUUID().toString();
        for (String link : List.of("#/officer/case/วท 0001/2570", "#/officer/case/วท%200001%2F2570",
                "#/track?code=1234567890123456", "#/track/1234 5678 9012 3456", "#/track/1234567890123456",
                "https://evil.example/#/head", "#/officer/case/" + id + "?details=x", "#/officer/case/" + id + "/x",
                "#/officer/case/" + id.toUpperCase(), "#/head\nBcc: someone@example.org", "", "#/", "head")) {
            assertThat(Notices.LINK.matcher(link).matches()).as(link).isFalse();
        }
    }

    /** A free text appended to a route never passes, whatever it is (besides a well-formed lower-case UUID). */
    @Property(tries = 500)
    void noFreeTextPasses(@ForAll @StringLength(min = 1, max = 60) String text) {
        boolean isUuid = text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        boolean isRouteWord = text.matches("[a-z]+(/[a-z]+)*");
        assertThat(Notices.LINK.matcher("#/officer/case/" + text).matches()).isEqualTo(isUuid || isRouteWord);
    }

    @Test
    void aMailThatCannotGoIsRetriedWithGrowingPausesUpToTheLongest() {
        var properties = new NoticesProperties("no-reply@integrity.localhost", java.net.URI.create("http://x"),
                "email", java.time.Duration.ofMinutes(5), java.time.Duration.ofDays(2),
                new NoticesProperties.Mail(java.time.Duration.ofSeconds(15), java.time.Duration.ofSeconds(30),
                        java.time.Duration.ofMinutes(30), 50));
        var mailer = new NoticeMailer(null, null, null, null, properties,
                new th.integrity.platform.sweep.SweepLocks(configuration -> java.util.Optional.of(() -> { })),
                java.time.Clock.systemUTC(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        assertThat(mailer.backOff(1)).hasSeconds(30);
        assertThat(mailer.backOff(2)).hasSeconds(60);
        assertThat(mailer.backOff(6)).hasMinutes(16);
        assertThat(mailer.backOff(7)).hasMinutes(30);
        assertThat(mailer.backOff(1000)).hasMinutes(30);
    }
}
