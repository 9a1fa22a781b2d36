package th.integrity.platform.web.rejected;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.jqwik.api.Arbitraries;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.testkit.RawHttp;
import th.integrity.testkit.TestIssuer;

/**
 * A client's mistake — a broken multipart body, multipart sent where JSON is expected, a query or path that is not
 * UTF-8, overlong UTF-8 inside JSON, a page past what the store can skip, a request line without a method or a
 * Host — is a 4xx problem, never a 500; the log says at most INFO about it and never repeats the value sent.
 * Every hostile value carries {@link #MARK}, so an echo anywhere is found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RejectedRequestsApp.class)
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesTest {

    static final String MARK = "HOSTILEx7q";
    private static final JsonMapper JSON = JsonMapper.shared();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuerUri());
        registry.add("integrity.security.public-paths", () -> "/api/things/**,/api/things");
    }

    @LocalServerPort
    int port;

    /** A request written byte for byte: {@code body} is ISO-8859-1, so {@code \u00c0} is the byte 0xC0. */
    record Raw(String label, String request) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Raw post(String label, String path, String contentType, String body) {
        return new Raw(label, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
    }

    static String part(String boundary, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + MARK + ".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + content + "\r\n";
    }

    /** Broken multipart bodies: unclosed, cut anywhere, a boundary far past RFC 2046's 70 characters, mismatched. */
    static Stream<Raw> brokenMultipart() {
        List<Raw> raws = new ArrayList<>();
        String boundary = "b0undary" + MARK;
        String valid = part(boundary, "content " + MARK) + "--" + boundary + "--\r\n";
        String type = "multipart/form-data; boundary=" + boundary;
        raws.add(post("no closing boundary", "/api/things/uploads", type, part(boundary, "content " + MARK)));
        raws.add(post("no boundary parameter", "/api/things/uploads", "multipart/form-data", valid));
        raws.add(post("another boundary in the body", "/api/things/uploads",
                "multipart/form-data; boundary=other" + MARK, valid));
        raws.add(post("empty body", "/api/things/uploads", type, ""));
        raws.add(post("part without headers end", "/api/things/uploads", type,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + MARK));
        // Cut anywhere before the closing delimiter (cut inside it, the part is whole and Tomcat takes it: fine).
        Arbitraries.integers().between(1, valid.indexOf("\r\n--" + boundary + "--")).sampleStream().distinct().limit(12)
                .forEach(cut -> raws.add(post("cut at " + cut, "/api/things/uploads", type, valid.substring(0, cut))));
        // Tomcat's parser takes boundaries up to its 4 KB buffer (RFC 2046 asks for at most 70 characters).
        Arbitraries.integers().between(4_100, 9_000).sampleStream().limit(3).forEach(length -> {
            String huge = (MARK + "z".repeat(length)).substring(0, length);
            raws.add(post(length + "-character boundary", "/api/things/uploads", "multipart/form-data; boundary=" + huge,
                    part(huge, "x") + "--" + huge + "--\r\n"));
        });
        raws.add(post("5000-character boundary, never closed", "/api/things/uploads",
                "multipart/form-data; boundary=" + MARK + "b".repeat(5000), part(MARK + "b".repeat(5000), "x")));
        return raws.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMultipart")
    void aBrokenMultipartBodyIsA400(Raw raw, CapturedOutput log) throws IOException {
        assertRefused(raw, 400, log);
    }

    /** Multipart (valid or not) to an endpoint that takes JSON. */
    static Stream<Raw> multipartWhereJsonIsExpected() {
        String boundary = "b" + MARK;
        String valid = part(boundary, "{\"text\":\"" + MARK + "\"}") + "--" + boundary + "--\r\n";
        return Stream.of(
                post("valid multipart", "/api/things", "multipart/form-data; boundary=" + boundary, valid),
                post("unclosed multipart", "/api/things", "multipart/form-data; boundary=" + boundary,
                        part(boundary, MARK)),
                post("multipart without boundary", "/api/things", "multipart/form-data", valid),
                post("5000-character boundary", "/api/things", "multipart/form-data; boundary=" + "q".repeat(5000),
                        part("q".repeat(5000), MARK)),
                post("url-encoded form", "/api/things", "application/x-www-form-urlencoded", "text=" + MARK + "%ff"));
    }

    /** 415 when the body is well-formed; a broken one is refused (400) before the endpoint is even chosen. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("multipartWhereJsonIsExpected")
    void multipartToAJsonEndpointIsA4xx(Raw raw, CapturedOutput log) throws IOException {
        RawHttp.Response response = RawHttp.send(port, raw.request());
        assertThat(response.status()).as(raw + "\n" + response.raw()).isIn(400, 415);
        assertProblem(response);
        assertQuietLog(log);
    }

    /** Bytes that are not UTF-8 in a query parameter or a path variable, percent-encoded. */
    static Stream<Raw> notUtf8InTheAddress() {
        List<String> bad = List.of("%ff", "%fe%ff", "%c0%ae", "%e0%80%ae", "%ed%a0%80", "%f8%88%80%80%80", "%80",
                "%c3", "%e0%b8");
        List<Raw> raws = new ArrayList<>();
        for (String bytes : bad) {
            raws.add(get("query " + bytes, "/api/things?name=" + MARK + bytes));
            raws.add(get("query name " + bytes, "/api/things?" + MARK + bytes + "=1"));
            raws.add(get("path " + bytes, "/api/things/" + MARK + bytes));
            raws.add(get("unread query " + bytes, "/api/things/abc?" + MARK + "=" + bytes));
        }
        for (String escape : List.of("%", "%f", "%zz", "%g0", "a%2")) {
            raws.add(get("broken escape " + escape, "/api/things?name=" + MARK + escape));
            raws.add(get("unread broken escape " + escape, "/api/things/abc?x=" + MARK + escape));
        }
        return raws.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8InTheAddress")
    void anAddressThatIsNotUtf8IsA400(Raw raw, CapturedOutput log) throws IOException {
        assertRefused(raw, 400, log);
    }

    /**
     * UTF-8 that decoders must refuse (RFC 3629): overlong forms of ASCII and of Thai, UTF-16 surrogates encoded as
     * UTF-8 (CESU-8), code points past U+10FFFF, bytes that never occur. A lenient decoder turns {@code C0 AE} into
     * {@code .}: a record would not be stored as sent, and a filter on {@code .} would be passed by.
     */
    static Stream<Raw> invalidUtf8InJson() {
        List<String> bad = List.of("\u00c0\u00ae", "\u00c1\u00bf", "\u00c0\u0080", "\u00e0\u0080\u00ae",
                "\u00e0\u009f\u00bf", "\u00f0\u0080\u0080\u00ae", "\u00f0\u008e\u00b8\u0081", "\u00ed\u00a0\u0080",
                "\u00ed\u00bf\u00bf", "\u00f4\u0090\u0080\u0080", "\u00f8\u0088\u0080\u0080\u0080", "\u00ff", "\u00fe",
                "\u0080", "\u00e0\u00b8");
        return bad.stream().map(bytes -> post("bytes " + hex(bytes), "/api/things", "application/json",
                "{\"text\":\"" + MARK + bytes + "x\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8InJson")
    void invalidUtf8InAJsonBodyIsA400(Raw raw, CapturedOutput log) throws IOException {
        assertRefused(raw, 400, log);
    }

    @Test
    void aUtf8QueryIsStillRead() throws IOException {
        RawHttp.Response response = RawHttp.send(port, get("thai", "/api/things?name=%E0%B8%81+%F0%9F%98%80&x=a%2Fb").request());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("name").asString()).isEqualTo("ก 😀");
    }

    @Test
    void validUtf8InAJsonBodyIsStillTaken() throws IOException {
        String thai = new String("ร้องเรียน 😀 ".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        RawHttp.Response response = RawHttp.send(port,
                post("thai", "/api/things", "application/json", "{\"text\":\"" + thai + "\"}").request());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("text").asString()).isEqualTo("ร้องเรียน 😀 ");
    }

    /** Pages whose first item lies beyond what the store can skip, and pages and sizes outside the limits. */
    static Stream<Raw> pagesOutOfRange() {
        List<Raw> raws = new ArrayList<>();
        raws.add(get("page=2147483647&size=100", "/api/things?page=2147483647&size=100"));
        raws.add(get("page=-1", "/api/things?page=-1"));
        raws.add(get("size=0", "/api/things?size=0"));
        raws.add(get("size=101", "/api/things?size=101"));
        raws.add(get("size=-2147483648", "/api/things?size=-2147483648"));
        raws.add(get("page=9999999999", "/api/things?page=9999999999"));
        raws.add(get("page=1e3", "/api/things?page=1e3"));
        Arbitraries.integers().between(1, 100).sampleStream().limit(8).forEach(size -> {
            long first = Integer.MAX_VALUE / size + 1;
            raws.add(get("size=" + size + ", first page past the skip limit",
                    "/api/things?page=" + first + "&size=" + size));
        });
        return raws.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesOutOfRange")
    void aPageOutOfRangeIsA400(Raw raw, CapturedOutput log) throws IOException {
        assertRefused(raw, 400, log);
    }

    @Test
    void theLastPageWithinTheLimitIsAnswered() throws IOException {
        RawHttp.Response response = RawHttp.send(port, get("last", "/api/things?page=" + Integer.MAX_VALUE / 100
                + "&size=100").request());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("skip").asLong()).isEqualTo(Integer.MAX_VALUE / 100 * 100L);
    }

    /** Request lines without a method, a target or a Host (HTTP/1.1 requires one). */
    static Stream<Raw> brokenRequestLines() {
        return Stream.of(
                new Raw("HTTP/1.1 without Host", "GET /api/things/" + MARK + " HTTP/1.1\r\nConnection: close\r\n\r\n"),
                new Raw("no method", " /api/things/" + MARK + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                new Raw("no method, no space", "/api/things/" + MARK + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                new Raw("no target", "GET  HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                new Raw("two Hosts", "GET /api/things/" + MARK + " HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"),
                new Raw("Host with a path", "GET /api/things/a HTTP/1.1\r\nHost: a/" + MARK + "\r\nConnection: close\r\n\r\n"),
                new Raw("lower-case method", "get /api/things/" + MARK + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequestLines")
    void aBrokenRequestLineIsA4xxOrAClose(Raw raw, CapturedOutput log) throws IOException {
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, raw.request());
        } catch (IllegalArgumentException closedWithoutAnswer) {
            assertQuietLog(log);
            return;
        }
        assertThat(response.status()).as(response.raw()).isBetween(400, 499);
        assertProblem(response);
        assertQuietLog(log);
    }

    @Test
    void http10WithoutHostIsLegal() throws IOException {
        RawHttp.Response response = RawHttp.send(port, "GET /api/things/abc HTTP/1.0\r\n\r\n");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    private void assertRefused(Raw raw, int status, CapturedOutput log) throws IOException {
        RawHttp.Response response = RawHttp.send(port, raw.request());
        assertThat(response.status()).as(raw + "\n" + response.raw()).isEqualTo(status);
        assertProblem(response);
        assertQuietLog(log);
    }

    private static void assertProblem(RawHttp.Response response) {
        assertThat(response.header("content-type")).as(response.raw()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).startsWith("urn:integrity:problem:");
        assertThat(problem.path("title_th").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain(MARK, "Exception", "\tat ");
    }

    /** Nothing above INFO, and nothing of the value sent. */
    static void assertQuietLog(CapturedOutput log) {
        String output = log.getAll();
        assertThat(output.lines().filter(line -> line.matches(".*\\b(ERROR|WARN)\\b.*")))
                .as("log lines above INFO").isEmpty();
        assertThat(output).as("the log repeats the value sent").doesNotContain(MARK);
    }

    static Raw get(String label, String target) {
        return new Raw(label, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    private static String hex(String latin1) {
        StringBuilder hex = new StringBuilder();
        for (byte b : latin1.getBytes(StandardCharsets.ISO_8859_1)) {
            hex.append(String.format("%02X ", b));
        }
        return hex.toString().trim();
    }
}
