package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The rate limit engages and recovers, through the whole gateway. The {@code probe} group of the test
 * configuration allows {@value IntegrationTestSupport#PROBE_CAPACITY} requests per {@value IntegrationTestSupport#PROBE_WINDOW_SECONDS} s per client; production
 * windows are a minute, the mechanism is the same. Nothing here times performance: the wait is for the window.
 */
class RateLimitTest extends IntegrationTestSupport {

    @Test
    void engagesWith429ProblemAndRetryAfterThenRecoversAfterTheWindow() throws Exception {
        HttpResponse<String> refused = null;
        // The bucket may be partly refilled between requests; within a few more than the capacity it runs dry.
        for (int i = 0; i < PROBE_CAPACITY + 5 && refused == null; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/stats/limited/tables")).GET());
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }

        assertThat(refused).as("a 429 once the capacity is used up").isNotNull();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, PROBE_WINDOW_SECONDS));
        assertThat(refused.body()).contains("\"type\":\"urn:integrity:problem:too-many-requests\"")
                .contains("\"status\":429").contains("ส่งคำขอถี่เกินไป").contains("\"retryAfterSeconds\":");
        SecurityHeadersTest.assertSecurityHeaders(refused);

        // Refused requests never reach the service.
        stats.clear();
        assertThat(send(HttpRequest.newBuilder(url("/api/stats/limited/tables")).GET()).statusCode()).isEqualTo(429);
        assertThat(stats.receivedNothing()).isTrue();

        // After the window the same client is served again.
        Awaitility.await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(PROBE_WINDOW_SECONDS + 5)).until(
                () -> send(HttpRequest.newBuilder(url("/api/stats/limited/tables")).GET()).statusCode() == 200);
    }

    @Test
    void otherGroupsAndUnlimitedRoutesAreUnaffected() throws Exception {
        for (int i = 0; i < PROBE_CAPACITY + 3; i++) {
            send(HttpRequest.newBuilder(url("/api/stats/limited/tables")).GET());
        }
        assertThat(send(HttpRequest.newBuilder(url("/api/stats/publications")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(url("/api/gifts/declarations")).GET()).statusCode()).isEqualTo(200);
    }
}
