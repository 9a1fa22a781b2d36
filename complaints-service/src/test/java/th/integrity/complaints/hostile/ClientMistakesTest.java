package th.integrity.complaints.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import net.jqwik.api.Arbitraries;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.testkit.RawHttp;

/**
 * A client's mistake on the complaints API is a 4xx problem and changes nothing: a broken multipart body on the
 * intake, multipart sent to a JSON endpoint, a query parameter or path that is not UTF-8, overlong UTF-8 inside
 * JSON, a page past what the store can skip. Nothing is logged above INFO and the value sent is never repeated
 * (every hostile value carries {@link #MARK}).
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesTest extends IntegrationTestSupport {

    private static final String MARK = "HOSTILEc9k";
    private static final String AGENCY = "wangthonglang";
    private static final String COMPLAINT = "{\"agency\":\"" + AGENCY
            + "\",\"category\":\"OTHER\",\"details\":\"ทดสอบข้อมูลที่ผิดรูปแบบ " + MARK + "\"}";

    /** ISO-8859-1 view of UTF-8 bytes, so that a raw request can carry Thai text and stray bytes alike. */
    private static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private RawHttp.Response send(String method, String target, String token, String contentType, String body)
            throws IOException {
        return RawHttp.send(port, RawHttp.request(method, target, token, contentType, body));
    }

    private static String part(String boundary, String name, String type, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (name.equals("files") ? "; filename=\"" + MARK + ".pdf\"" : "") + "\r\nContent-Type: " + type
                + "\r\n\r\n" + content + "\r\n";
    }

    @Test
    void aBrokenMultipartComplaintIsA400AndFilesNothing(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String boundary = "intake" + MARK;
        String valid = part(boundary, "complaint", "application/json", bytes(COMPLAINT))
                + part(boundary, "files", "application/pdf", "%PDF-1.4 " + MARK) + "--" + boundary + "--\r\n";
        String type = "multipart/form-data; boundary=" + boundary;
        List<String[]> broken = new ArrayList<>();
        broken.add(new String[] { "no closing boundary", type,
                part(boundary, "complaint", "application/json", bytes(COMPLAINT)) });
        broken.add(new String[] { "no boundary parameter", "multipart/form-data", valid });
        String huge = MARK + "b".repeat(5000);
        broken.add(new String[] { "5000-character boundary", "multipart/form-data; boundary=" + huge,
                part(huge, "complaint", "application/json", bytes(COMPLAINT)) + "--" + huge + "--\r\n" });
        broken.add(new String[] { "overlong UTF-8 in the complaint part", type,
                part(boundary, "complaint", "application/json", bytes(COMPLAINT).replace(MARK, MARK + "\u00c0\u00ae"))
                        + "--" + boundary + "--\r\n" });
        // Cut anywhere before the closing delimiter (cut inside it, every part is whole and Tomcat takes it).
        Arbitraries.integers().between(1, valid.indexOf("\r\n--" + boundary + "--")).sampleStream().distinct().limit(10)
                .forEach(cut -> broken.add(new String[] { "cut at " + cut, type, valid.substring(0, cut) }));
        long before = storedComplaints();

        for (String[] request : broken) {
            RawHttp.Response response = send("POST", "/api/complaints", null, request[1], request[2]);
            assertProblem(request[0], response, 400);
        }

        assertThat(storedComplaints()).isEqualTo(before);
        assertQuietLog(log, from);
    }

    @Test
    void multipartToAJsonEndpointIsA4xxAndChangesNothing(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String caseId = caseIdOf(file(Map.of("agency", AGENCY, "category", "OTHER", "details", "ทดสอบการส่งเนื้อหาแบบ multipart ไปยังปลายทางที่รับ JSON")));
        String officer = officer(AGENCY);
        String boundary = "json" + MARK;
        String text = part(boundary, "text", "text/plain", MARK);
        List<String[]> bodies = List.of(
                new String[] { "valid multipart", "multipart/form-data; boundary=" + boundary,
                        text + "--" + boundary + "--\r\n" },
                new String[] { "unclosed multipart", "multipart/form-data; boundary=" + boundary, text },
                new String[] { "multipart without boundary", "multipart/form-data", text },
                new String[] { "5000-character boundary", "multipart/form-data; boundary=" + "q".repeat(5000),
                        part("q".repeat(5000), "text", "text/plain", MARK) });

        for (String[] body : bodies) {
            for (String path : List.of("/api/complaints/cases/" + caseId + "/messages", "/api/complaints/track",
                    "/api/complaints/track/messages")) {
                RawHttp.Response response = send("POST", path, officer, body[1], body[2]);
                assertThat(response.status()).as(body[0] + " to " + path + "\n" + response.raw()).isIn(400, 415);
                assertProblem(body[0], response, response.status());
            }
        }

        JsonNode view = body(call("GET", "/api/complaints/cases/" + caseId, null, officer));
        assertThat(view.get("messages")).isEmpty();
        assertQuietLog(log, from);
    }

    @Test
    void overlongUtf8InJsonIsA400AndFilesNothing(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        long before = storedComplaints();
        for (String overlong : List.of("\u00c0\u00ae", "\u00e0\u0080\u00ae", "\u00f0\u0080\u0080\u00ae", "\u00c0\u00af",
                "\u00ed\u00a0\u0080", "\u00e0\u0080\u00b8")) {
            RawHttp.Response response = send("POST", "/api/complaints", null, "application/json",
                    bytes(COMPLAINT).replace(MARK, MARK + overlong));
            assertProblem("overlong " + overlong, response, 400);
        }
        assertThat(storedComplaints()).isEqualTo(before);
        assertQuietLog(log, from);
    }

    @Test
    void anAddressThatIsNotUtf8IsA400(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String officer = officer(AGENCY);
        String head = token("head-" + AGENCY, AGENCY, "HEAD");
        for (String bad : List.of("%ff", "%c0%ae", "%ed%a0%80", "%e0%b8", "%80")) {
            assertProblem("status=" + bad, send("GET", "/api/complaints/cases?status=" + MARK + bad, officer, null, null), 400);
            assertProblem("month=" + bad, send("GET", "/api/complaints/cases?month=" + MARK + bad, officer, null, null), 400);
            assertProblem("caseId=" + bad, send("GET", "/api/complaints/audit/identity-reveals?caseId=" + MARK + bad,
                    head, null, null), 400);
            assertProblem("path " + bad, send("GET", "/api/complaints/cases/" + MARK + bad, officer, null, null), 400);
            assertProblem("reference " + bad, send("GET", "/api/complaints/reference/" + MARK + bad, null, null, null), 400);
        }
        assertQuietLog(log, from);
    }

    @Test
    void aPagePastTheStoreIsA400(CapturedOutput log) throws IOException {
        int from = log.getAll().length(); // what the context logged when it started is not the requests\' doing
        String officer = officer(AGENCY);
        String head = token("head-" + AGENCY, AGENCY, "HEAD");
        List<String> queries = new ArrayList<>(List.of("page=2147483647&size=100", "page=-1", "size=0", "size=101",
                "page=21474837&size=100"));
        Arbitraries.integers().between(1, 100).sampleStream().limit(5)
                .forEach(size -> queries.add("page=" + (Integer.MAX_VALUE / size + 1) + "&size=" + size));
        for (String query : queries) {
            assertProblem(query, send("GET", "/api/complaints/cases?" + query, officer, null, null), 400);
            // the audit log pages up to 200 entries
            String audit = query.replace("size=101", "size=201");
            assertProblem(audit, send("GET", "/api/complaints/audit/identity-reveals?" + audit, head, null, null), 400);
        }
        assertThat(send("GET", "/api/complaints/cases?page=" + Integer.MAX_VALUE / 100 + "&size=100", officer, null,
                null).status()).isEqualTo(200);
        assertQuietLog(log, from);
    }

    private void assertProblem(String label, RawHttp.Response response, int status) {
        assertThat(response.status()).as(label + "\n" + response.raw()).isEqualTo(status);
        assertThat(response.header("content-type")).as(label).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).as(label).startsWith("urn:integrity:problem:");
        assertThat(problem.path("title_th").asString()).as(label).isNotBlank();
        assertThat(response.body()).as(label).doesNotContain(MARK, "Exception", "\tat ");
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
