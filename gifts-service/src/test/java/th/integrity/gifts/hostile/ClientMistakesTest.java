package th.integrity.gifts.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

import th.integrity.testkit.RawHttp;
import th.integrity.gifts.IntegrationTestSupport;

/**
 * A client's mistake on the gifts API is a 4xx problem and stores nothing: multipart (well-formed or broken) sent
 * to the declaration endpoint, overlong UTF-8 inside a declaration, a query or path that is not UTF-8. Nothing is
 * logged above INFO and the value sent is never repeated (every hostile value carries {@link #MARK}).
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesTest extends IntegrationTestSupport {

    private static final String MARK = "HOSTILEg4w";

    private RawHttp.Response send(String method, String target, String token, String contentType, String body)
            throws IOException {
        return RawHttp.send(port, RawHttp.request(method, target, token, contentType, body));
    }

    private String declaration() {
        String utf8 = json.writeValueAsString(gift(1200, "KEPT", Map.of("description", "กระเช้า " + MARK)));
        return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private long declarations() {
        return mongo.getCollection("declarations").countDocuments();
    }

    @Test
    void multipartToTheDeclarationEndpointIsA4xx(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String staff = newStaff();
        String boundary = "gift" + MARK;
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"declaration\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + declaration() + "\r\n";
        long before = declarations();
        for (String[] body : List.of(
                new String[] { "multipart/form-data; boundary=" + boundary, part + "--" + boundary + "--\r\n" },
                new String[] { "multipart/form-data; boundary=" + boundary, part },
                new String[] { "multipart/form-data", part },
                new String[] { "multipart/form-data; boundary=" + "q".repeat(5000), part })) {
            RawHttp.Response response = send("POST", "/api/gifts/declarations", staff, body[0], body[1]);
            assertThat(response.status()).as(response.raw()).isIn(400, 415);
            assertProblem(response);
        }
        assertThat(declarations()).isEqualTo(before);
        assertQuietLog(log, from);
    }

    @Test
    void overlongUtf8InADeclarationIsA400(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String staff = newStaff();
        long before = declarations();
        for (String overlong : List.of("\u00c0\u00ae", "\u00e0\u0080\u00ae", "\u00c1\u00bf", "\u00ed\u00a0\u0080")) {
            RawHttp.Response response = send("POST", "/api/gifts/declarations", staff, "application/json",
                    declaration().replace(MARK, MARK + overlong));
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertProblem(response);
        }
        assertThat(declarations()).isEqualTo(before);
        assertQuietLog(log, from);
    }

    @Test
    void anAddressThatIsNotUtf8IsA400(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String officer = token("officer-" + MARK, AGENCY, "OFFICER");
        for (String bad : List.of("%ff", "%c0%ae", "%ed%a0%80", "%e0%b8")) {
            for (String target : List.of("/api/gifts/registers/2568/1?format=" + MARK + bad,
                    "/api/gifts/declarations/" + MARK + bad, "/api/gifts/reference?" + MARK + bad + "=1")) {
                RawHttp.Response response = send("GET", target, officer, null, null);
                assertThat(response.status()).as(target + "\n" + response.raw()).isEqualTo(400);
                assertProblem(response);
            }
        }
        assertQuietLog(log, from);
    }

    private void assertProblem(RawHttp.Response response) {
        assertThat(response.header("content-type")).as(response.raw()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).startsWith("urn:integrity:problem:");
        assertThat(problem.path("title_th").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain(MARK, "Exception", "\tat ");
    }

    /**
     * Nothing above INFO from handling the requests since {@code from} (Kafka's clients and the embedded MongoDB
     * server log on their own threads), and no echo of the value.
     */
    private static void assertQuietLog(CapturedOutput log, int from) {
        String output = log.getAll().substring(from);
        assertThat(RawHttp.linesAboveInfo(output)).as("log lines above INFO").isEmpty();
        assertThat(output).as("the log repeats the value sent").doesNotContain(MARK);
    }
}
