package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A service sees the gateway's trace, never the client's: a filing carries a {@code traceparent} of a trace the
 * gateway started for it (so it can be followed from the gateway on), and a trace id a client sends, or repeats
 * across its requests, reaches no service, so it cannot link that client's requests in the logs and events.
 */
class PublicTraceTest extends IntegrationTestSupport {

    private static final String W3C = "00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]";

    @Test
    void aFilingReachesTheServiceWithTheGatewaysTraceContext() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(complaints.take().header("traceparent")).as("traceparent at the service").matches(W3C);
    }

    @Test
    void theClientsTraceContextIsReplacedOnEveryRequest() throws Exception {
        String clientTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        Set<String> seen = new HashSet<>();
        for (String traceparent : new String[] { "00-" + clientTrace + "-00f067aa0ba902b7-01",
                "00-" + clientTrace + "-00f067aa0ba902b7-01", "00-" + clientTrace.toUpperCase() + "-00f067aa0ba902b7-01",
                "01-" + clientTrace + "-00f067aa0ba902b7-01-extra", "00-" + clientTrace + "-00f067aa0ba902b7-00" }) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/complaints/track"))
                    .header("Content-Type", "application/json").header("traceparent", traceparent)
                    .header("tracestate", "congo=t61rcWkgMzE").header("baggage", "session=abc")
                    .header("b3", clientTrace + "-00f067aa0ba902b7-1")
                    .header("X-B3-TraceId", clientTrace).POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).isEqualTo(200);

            StubBackend.Received received = complaints.take();
            String forwarded = received.header("traceparent");
            assertThat(forwarded).as("traceparent at the service for " + traceparent).matches(W3C);
            assertThat(received.headers().toString().toLowerCase()).doesNotContain(clientTrace).doesNotContain("congo")
                    .doesNotContain("session=abc");
            seen.add(forwarded.substring(3, 35));
        }
        assertThat(seen).as("a fresh trace per request").hasSize(5);
    }
}
