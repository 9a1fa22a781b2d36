package th.integrity.platform.web.rejected;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.testkit.RawHttp;
import th.integrity.testkit.TestIssuer;

/**
 * Requests refused before any controller runs — by Tomcat, by Spring Security's firewall, by a filter — are
 * answered as problem details like every other error, never with Tomcat's HTML page, Boot's error JSON, a stack
 * trace or a server version. Sent over a raw socket: HTTP clients normalise or refuse such addresses themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RejectedRequestsApp.class)
class RejectedRequestsTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuerUri());
        registry.add("integrity.security.public-paths", () -> "GET /api/things/**");
    }

    @LocalServerPort
    int port;

    @Test
    void anOrdinaryRequestStillWorks() throws IOException {
        RawHttp.Response response = get("/api/things/abc");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"id\":\"abc\"}");
    }

    @ParameterizedTest(name = "GET {0} → 400 problem")
    @ValueSource(strings = {
            // Tomcat: encoded slash and backslash (encodedSolidusHandling / allowBackslash), raw backslash, %00.
            "/api/things/a%2Fb", "/api/things/a%5Cb", "/api/things/a\\b", "/api/things/a%00b",
            // Spring Security's StrictHttpFirewall: encoded dot-dot, ';', '//', an encoded line feed.
            "/api/things/%2e%2e/x", "/api/things/a;b", "/api/things/a;jsessionid=1", "/api/things//a",
            "/api/things/a%0Ab", "/api/things/a%0Db",
            // Tomcat's request-line parser: characters not allowed in the request target.
            "/api/things/x?q={a}", "/api/things/x?q=a|b", "/api/things/<a>" })
    void aRefusedAddressIsA400Problem(String target) throws IOException {
        assertBadRequestProblem(get(target));
    }

    @Test
    void aRequestLineLongerThanTheHeaderLimitIsA400Problem() throws IOException {
        assertBadRequestProblem(get("/api/things/x?q=" + "a".repeat(9 * 1024)));
    }

    @Test
    void headersLargerThanTheLimitAreA400Problem() throws IOException {
        assertBadRequestProblem(send("GET /api/things/abc HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(9 * 1024)
                + "\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aFilterRefusingWithSendErrorGetsAProblemFromError() throws IOException {
        RawHttp.Response response = get("/api/things/abc", RejectedRequestsApp.REFUSE + ": 400");

        assertBadRequestProblem(response);
        assertThat(response.body()).doesNotContain("refused by a filter"); // the sendError message stays inside
        assertThat(json(response).path("instance").asString()).isEqualTo("/api/things/abc");
    }

    @Test
    void anotherStatusFromAFilterKeepsItsStatusAndType() throws IOException {
        RawHttp.Response response = get("/api/things/abc", RejectedRequestsApp.REFUSE + ": 404");

        assertProblem(response, 404, "urn:integrity:problem:not-found");
    }

    @Test
    void aFilterFailingIsA500ProblemWithoutItsMessageOrStackTrace() throws IOException {
        RawHttp.Response response = get("/api/things/abc", RejectedRequestsApp.FAIL + ": bug");

        assertProblem(response, 500, "urn:integrity:problem:internal");
        assertThat(response.body()).doesNotContain("IllegalStateException", "internals", "trace");
    }

    @Test
    void aProblemExceptionFromAFilterKeepsItsOwnProblem() throws IOException {
        RawHttp.Response response = get("/api/things/abc", RejectedRequestsApp.FAIL + ": problem");

        assertProblem(response, 403, "urn:integrity:problem:forbidden");
        assertThat(json(response).path("detail").asString()).isEqualTo("Refused by a filter.");
        assertThat(json(response).path("detail_th").asString()).isEqualTo("ถูกปฏิเสธโดยตัวกรอง");
    }

    @Test
    void errorCalledDirectlyIsANotFoundProblem() throws IOException {
        assertProblem(get("/error"), 404, "urn:integrity:problem:not-found");
    }

    @Test
    void anHtmlClientGetsProblemDetailsToo() throws IOException {
        assertBadRequestProblem(get("/api/things/a%2Fb", "Accept: text/html"));
        assertBadRequestProblem(get("/api/things/abc", "Accept: text/html", RejectedRequestsApp.REFUSE + ": 400"));
    }

    @Test
    void aStoreThatFailsCommandsIsA503ProblemWithRetryAfterNotA500() throws IOException {
        RawHttp.Response response = get("/api/things/abc/stored");

        assertProblem(response, 503, "urn:integrity:problem:unavailable");
        assertThat(response.header("retry-after")).isNotBlank();
        assertThat(response.body()).doesNotContain("store is closed");
    }

    private static void assertBadRequestProblem(RawHttp.Response response) {
        assertProblem(response, 400, "urn:integrity:problem:bad-request");
        assertThat(json(response).path("detail").asString()).contains("refused before it reached the application");
        assertThat(json(response).path("detail_th").asString()).isNotBlank();
    }

    private static void assertProblem(RawHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("title_th").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html", "Exception", "\tat ");
        assertThat(response.header("server")).isNull();
    }

    private RawHttp.Response get(String target, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return send(request.append("Connection: close\r\n\r\n").toString());
    }

    /** Writes the request byte for byte and reads the answer until the server closes the connection. */
    private RawHttp.Response send(String request) throws IOException {
        return RawHttp.send(port, request);
    }

    private static JsonNode json(RawHttp.Response response) {
        return JSON.readTree(response.body());
    }
}
