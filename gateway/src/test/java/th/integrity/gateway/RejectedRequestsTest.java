package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.testkit.RawHttp;

/**
 * Requests refused before any route runs — by Spring Security's firewall, by Spring's adapter (a target that is
 * not a URI), by Reactor Netty's decoder (too long, too large, malformed) — are answered as problem details with
 * the gateway's security headers, never an empty body, and never reach a service. Sent over a raw socket: HTTP
 * clients normalise or refuse such requests themselves.
 */
class RejectedRequestsTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.shared();

    @ParameterizedTest(name = "GET {0} → 400 problem")
    @ValueSource(strings = {
            // Spring Security's StrictServerWebExchangeFirewall.
            "/api/complaints/a%2Fb", "/api/complaints/%2e%2e/x", "/api/complaints/a;b", "/api/complaints/a%5Cb",
            "/api/complaints//a", "/api/complaints/a%0Ab", "/api/complaints/a%00b", "/api/complaints/a%25b",
            // Not a URI: refused by Spring's Reactor Netty adapter before any filter.
            "/api/complaints/a\\b", "/api/complaints/x?q={a}", "/api/complaints/x?q=a|b", "/api/complaints/<a>" })
    void aRefusedAddressIsA400ProblemThatNeverReachesTheService(String target) throws IOException {
        RawHttp.Response response = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertProblem(response, 400, "urn:integrity:problem:bad-request");
        assertThat(json(response).path("detail").asString()).contains("refused before it reached any service");
        assertThat(complaints.receivedNothing()).isTrue();
    }

    @Test
    void aNonStandardMethodIsA400Problem() throws IOException {
        RawHttp.Response response = send("FOO /api/complaints/abc HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertProblem(response, 400, "urn:integrity:problem:bad-request");
        assertThat(complaints.receivedNothing()).isTrue();
    }

    @Test
    void aRequestLineBeyondTheLimitIs414AndTheConnectionIsClosed() throws IOException {
        // No "Connection: close" from the client: the gateway must close it, having not read the request whole.
        RawHttp.Response response = send("GET /api/complaints/x?q=" + "a".repeat(5 * 1024)
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertProblem(response, 414, "urn:integrity:problem:uri-too-long");
        assertThat(response.header("connection")).isEqualToIgnoringCase("close");
        assertThat(complaints.receivedNothing()).isTrue();
    }

    @Test
    void headersBeyondTheLimitAre431AndTheConnectionIsClosed() throws IOException {
        RawHttp.Response response = send("GET /api/complaints/abc HTTP/1.1\r\nHost: localhost\r\nCookie: c="
                + "a".repeat(9 * 1024) + "\r\n\r\n");

        assertProblem(response, 431, "urn:integrity:problem:request-header-fields-too-large");
        assertThat(response.header("connection")).isEqualToIgnoringCase("close");
        assertThat(complaints.receivedNothing()).isTrue();
    }

    @Test
    void aMalformedRequestIsA400ProblemAndTheConnectionIsClosed() throws IOException {
        for (String request : new String[] {
                "GET /api/complaints/a b HTTP/1.1\r\nHost: localhost\r\n\r\n", // space in the target
                "GET /api/complaints/abc HTTP/1.1\r\nHost: localhost\r\nX-A\u0001: b\r\n\r\n", // control char in a name
                "GET\r\n\r\n" }) {
            RawHttp.Response response = send(request);

            assertProblem(response, 400, "urn:integrity:problem:bad-request");
            assertThat(response.header("connection")).isEqualToIgnoringCase("close");
        }
        assertThat(complaints.receivedNothing()).isTrue();
    }

    @Test
    void ordinaryRequestsStillPassOnAConnectionKeptAlive() throws IOException {
        // Two requests, one after the other, on one connection: the handler placed before Reactor Netty's must not
        // disturb keep-alive.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write(("GET /api/complaints/abc HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                RawHttp.Response response = RawHttp.readOne(socket.getInputStream());

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).contains("\"path\":\"/api/complaints/abc\"");
                assertThat(response.header("connection")).isNull();
            }
        }
    }

    private static void assertProblem(RawHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.raw()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("title_th").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("detail_th").asString()).isNotBlank();
        assertThat(response.body()).doesNotContainIgnoringCase("netty").doesNotContain("Exception", "\tat ");
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(response.header("content-security-policy")).isNotBlank();
        assertThat(response.header("server")).isNull();
    }

    /** Writes the request byte for byte and reads until the gateway closes the connection. */
    private RawHttp.Response send(String request) throws IOException {
        return RawHttp.send(port, request);
    }

    private static JsonNode json(RawHttp.Response response) {
        return JSON.readTree(response.body());
    }
}
