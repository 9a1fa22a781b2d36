package th.integrity.stats.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

import th.integrity.testkit.RawHttp;
import th.integrity.stats.IntegrationTestSupport;

/**
 * A client's mistake on the statistics API is a 4xx problem: a query or path that is not UTF-8 (public reads
 * included), multipart or overlong UTF-8 sent to the publishing endpoint. Nothing is logged above INFO and the
 * value sent is never repeated (every hostile value carries {@link #MARK}).
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesTest extends IntegrationTestSupport {

    private static final String MARK = "HOSTILEs2v";

    private RawHttp.Response send(String method, String target, String token, String contentType, String body)
            throws IOException {
        return RawHttp.send(port, RawHttp.request(method, target, token, contentType, body));
    }

    @Test
    void anAddressThatIsNotUtf8IsA400(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String officer = token("wangthonglang", "OFFICER");
        for (String bad : List.of("%ff", "%c0%ae", "%ed%a0%80", "%e0%b8", "%80")) {
            for (String target : List.of("/api/stats/publications?agency=" + MARK + bad,
                    "/api/stats/publications?fiscalYear=" + MARK + bad, "/api/stats/publications/" + MARK + bad,
                    "/api/stats/complaints/wangthonglang/2568/draft?through=" + MARK + bad,
                    "/api/stats/rollup/2568?format=" + MARK + bad)) {
                RawHttp.Response response = send("GET", target, officer, null, null);
                assertThat(response.status()).as(target + "\n" + response.raw()).isEqualTo(400);
                assertProblem(response);
            }
        }
        assertQuietLog(log, from);
    }

    @Test
    void multipartOrOverlongUtf8ToThePublishingEndpointIsA4xx(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String admin = token("wangthonglang", "ADMIN");
        String request = "{\"kind\":\"COMPLAINTS\",\"agency\":\"wangthonglang\",\"fiscalYear\":\"2568\",\"through\":\""
                + MARK + "\"}";
        String boundary = "pub" + MARK;
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + request + "\r\n";
        for (String[] body : List.of(
                new String[] { "multipart/form-data; boundary=" + boundary, part + "--" + boundary + "--\r\n" },
                new String[] { "multipart/form-data; boundary=" + boundary, part },
                new String[] { "multipart/form-data", part },
                new String[] { "multipart/form-data; boundary=" + "q".repeat(5000), part },
                new String[] { "application/json", request.replace(MARK, MARK + "\u00c0\u00ae") },
                new String[] { "application/json", request.replace(MARK, MARK + "\u00e0\u0080\u00ae") })) {
            RawHttp.Response response = send("POST", "/api/stats/publications", admin, body[0], body[1]);
            assertThat(response.status()).as(body[0] + "\n" + response.raw()).isIn(400, 415);
            assertProblem(response);
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
