package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A citizen filing or following a complaint leaves no address and no browser fingerprint behind: not in the
 * request the complaints service receives, not in any log line, not in any metric.
 */
@ExtendWith(OutputCaptureExtension.class)
class AnonymityTest extends IntegrationTestSupport {

    private static final String ADDRESS = "203.0.113.77";
    private static final String AGENT = "Probe/1.0";

    private HttpRequest.Builder identifying(String path) {
        return HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", ADDRESS)
                .header("Forwarded", "for=" + ADDRESS + ";proto=https")
                .header("X-Real-IP", ADDRESS)
                .header("True-Client-IP", ADDRESS)
                .header("User-Agent", AGENT)
                .header("Referer", "https://news.example/story?id=1")
                .header("Cookie", "tracking=" + ADDRESS);
    }

    @Test
    void nothingIdentifyingReachesTheComplaintsServiceOrALogOrAMetric(CapturedOutput output) throws Exception {
        HttpResponse<String> filed = send(identifying("/api/complaints").header("X-Stub-Status", "201")
                .POST(BodyPublishers.ofString("{\"details\":\"เรียกรับเงินค่าใบอนุญาต\"}")));
        assertThat(filed.statusCode()).isEqualTo(201);
        assertAnonymous(complaints.take());

        HttpResponse<String> followed = send(identifying("/api/complaints/track/messages")
                .POST(BodyPublishers.ofString("{\"trackingCode\":\"1234567890123456\",\"text\":\"เพิ่มเติม\"}")));
        assertThat(followed.statusCode()).isEqualTo(200);
        assertAnonymous(complaints.take());

        // Something is logged when the service is down: the capture must hold the gateway's own lines.
        complaints.stop();
        try {
            HttpResponse<String> unavailable = send(identifying("/api/complaints")
                    .POST(BodyPublishers.ofString("{\"details\":\"...\"}")));
            assertThat(unavailable.statusCode()).isEqualTo(503);
        } finally {
            complaints.restart();
        }
        // And refusals at the door: too large, forged-session CSRF.
        send(identifying("/api/complaints").POST(BodyPublishers.ofString("x".repeat(70 * 1024))));
        send(identifying("/api/complaints").header("Cookie", "INTEGRITY_SESSION=abc")
                .POST(BodyPublishers.ofString("{}")));

        HttpResponse<String> metrics = send(HttpRequest.newBuilder(management("/actuator/prometheus")).GET());
        assertThat(metrics.body()).contains("spring_cloud_gateway_requests_seconds_count{")
                .doesNotContain(ADDRESS).doesNotContain(AGENT).doesNotContain("Probe");

        assertThat(output.getAll()).as("the gateway's log while complaints were filed")
                .contains("Service complaints unreachable for POST /api/complaints")
                .doesNotContain(ADDRESS).doesNotContain(AGENT).doesNotContain("Probe")
                .doesNotContain("news.example")
                // Reactor Netty's connection prefix ("L:/local - R:/remote") is off: no peer address of any kind.
                .doesNotContainPattern("R:/?\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(System.getProperty("reactor.netty.logChannelInfo")).isEqualTo("false");
    }

    @Test
    void otherServicesGetNoAddressNorTheGatewaysCookiesEither() throws Exception {
        send(identifying("/api/gifts/declarations").header("Cookie", "XSRF-TOKEN=t")
                .header("X-XSRF-TOKEN", "t").GET());
        StubBackend.Received seen = gifts.take();
        assertThat(seen.headers()).doesNotContainKeys("X-Forwarded-For", "Forwarded", "X-Real-IP", "True-Client-IP",
                "Cookie");
    }

    private static void assertAnonymous(StubBackend.Received seen) {
        assertThat(seen.headers()).doesNotContainKeys("X-Forwarded-For", "Forwarded", "X-Real-IP", "True-Client-IP",
                "Referer", "Cookie", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port");
        // Every reporter looks the same to the service: the gateway.
        assertThat(seen.header("User-Agent")).isEqualTo("integrity-gateway");
        assertThat(seen.headers().toString()).doesNotContain(ADDRESS).doesNotContain(AGENT);
    }
}
