package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import th.integrity.gateway.headers.SecurityHeadersFilter;

/** The browser-side defences are on every response: relayed, not found, failed, refused, redirected. */
class SecurityHeadersTest extends IntegrationTestSupport {

    @Test
    void onARoutedResponseEvenWhenTheServiceSetsItsOwn() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/stats/publications"))
                .header("X-Stub-Response-Header", "Content-Security-Policy=default-src *")
                .header("X-Stub-Response-Header", "Access-Control-Allow-Origin=*")
                .header("X-Stub-Response-Header", "Strict-Transport-Security=max-age=1")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"backend\":\"stats\"");
        assertSecurityHeaders(response);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void onA404() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/no/such/page")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertSecurityHeaders(response);
    }

    @Test
    void onAnErrorFromAServiceThatIsDown() throws Exception {
        gifts.stop();
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/gifts/declarations")).GET());
            assertThat(response.statusCode()).isEqualTo(503);
            assertSecurityHeaders(response);
        } finally {
            gifts.restart();
        }
    }

    @Test
    void onARefusalByTheGatewayItself() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/gifts/declarations"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("x".repeat(70 * 1024))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertSecurityHeaders(response);
    }

    @Test
    void onTheGatewaysOwnEndpointsAndRedirects() throws Exception {
        assertSecurityHeaders(send(HttpRequest.newBuilder(url("/api/me")).GET()));
        assertSecurityHeaders(send(HttpRequest.newBuilder(url("/logout")).POST(BodyPublishers.noBody())));
        assertSecurityHeaders(send(HttpRequest.newBuilder(url("/actuator/health")).GET()));
    }

    @Test
    void corsIsClosedWhenNoOriginIsConfigured() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(url("/api/complaints"))
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", BodyPublishers.noBody()));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> simple = send(HttpRequest.newBuilder(url("/api/stats/publications"))
                .header("Origin", "https://evil.example").GET());
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    static void assertSecurityHeaders(HttpResponse<?> response) {
        var headers = response.headers();
        assertThat(headers.allValues("Content-Security-Policy")).as("CSP on %s", response.uri())
                .containsExactly(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'")
                .contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("http");
        assertThat(headers.firstValue("X-Content-Type-Options")).as("nosniff on %s", response.uri()).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        // Plain http here: HSTS only over TLS.
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
    }
}
