package th.integrity.complaints.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.TestHttp;

/**
 * One filing can be followed by its trace id: the trace the gateway sends in {@code traceparent} continues into the
 * complaint's event on {@code complaints.v1} (the CloudEvents distributed-tracing extension), and the spans that
 * would leave for the trace backend carry none of the reporter's data, the tracking code or the client's address.
 */
class FilingTraceTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final String NAME = "สมชาย ใจดีมาก";
    private static final String PHONE = "081-234-5678";
    private static final String EMAIL = "somchai.reporter@example.com";
    private static final String DETAILS = "เจ้าหน้าที่ฝ่ายโยธาเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้างอาคาร";

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void theEventOfAFilingCarriesTheTraceOfTheRequestThatFiledIt() {
        String traceId = randomHex(16);
        HttpResponse<String> response = fileWith(traceparent(traceId), "/api/complaints", confidential(PHONE));
        assertThat(response.statusCode()).isEqualTo(201);
        String caseId = caseIdOf(body(response).get("trackingCode").asString());

        JsonNode event = eventsOf(AGENCY, caseId, 1).get(0);

        assertThat(event.path("traceparent").asString()).as("traceparent of the complaint's event")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(event.has("tracestate")).as("no tracestate was sent, none is invented").isFalse();
    }

    @Test
    void aFilingWithoutTraceContextStartsItsOwnTrace() {
        HttpResponse<String> response = postComplaint(AGENCY, "CORRUPTION", DETAILS);
        String caseId = caseIdOf(body(response).get("trackingCode").asString());

        String traceparent = eventsOf(AGENCY, caseId, 1).get(0).path("traceparent").asString();

        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.substring(3, 35);
        await().atMost(Duration.ofSeconds(10)).until(() -> !spansOf(traceId).isEmpty());
    }

    @Test
    void exportedSpansCarryNoPersonalDataNoTrackingCodeAndNoClientAddress() {
        String traceId = randomHex(16);
        // The reporter's data in the body, a tracking-code-like value and the reporter's data in the query string.
        HttpResponse<String> filed = fileWith(traceparent(traceId),
                "/api/complaints?trackingCode=1111222233334444&email=" + EMAIL + "&phone=0812345678",
                confidential(PHONE));
        assertThat(filed.statusCode()).isEqualTo(201);
        String code = body(filed).get("trackingCode").asString();
        // Rejected input: the validation exception's message quotes the value.
        String rejectedTrace = randomHex(16);
        HttpResponse<String> rejected = fileWith(traceparent(rejectedTrace), "/api/complaints",
                confidential("not a phone " + PHONE));
        assertThat(rejected.statusCode()).isEqualTo(400);
        // The tracking code on the public status page, in the body and in the query string.
        String trackTrace = randomHex(16);
        HttpResponse<String> tracked = TestHttp.request(port, "POST", "/api/complaints/track?code=" + code.replace(" ", ""),
                "application/json", json.writeValueAsString(Map.of("trackingCode", code)), null,
                "traceparent", traceparent(trackTrace));
        assertThat(tracked.statusCode()).isEqualTo(200);

        for (String trace : List.of(traceId, rejectedTrace, trackTrace)) {
            List<SpanData> exported = await().atMost(Duration.ofSeconds(10))
                    .until(() -> spansOf(trace), found -> !found.isEmpty());
            String everything = render(exported);
            assertThat(everything).as("spans of trace " + trace)
                    .contains("uri=/api/complaints")
                    .doesNotContain(NAME).doesNotContain("สมชาย").doesNotContain(PHONE).doesNotContain("0812345678")
                    .doesNotContain(EMAIL).doesNotContain("example.com")
                    .doesNotContain(code).doesNotContain(code.replace(" ", "")).doesNotContain("1111222233334444")
                    .doesNotContain("trackingCode").doesNotContain("?")
                    .doesNotContain("127.0.0.1").doesNotContain("0:0:0:0:0:0:0:1")
                    .doesNotContain("not a phone").doesNotContain("ใบอนุญาต");
        }
    }

    private HttpResponse<String> fileWith(String traceparent, String path, Map<String, Object> reporter) {
        return TestHttp.request(port, "POST", path, "application/json", json.writeValueAsString(
                Map.of("agency", AGENCY, "category", "CORRUPTION", "details", DETAILS, "reporter", reporter)), null,
                "traceparent", traceparent);
    }

    private static Map<String, Object> confidential(String phone) {
        return Map.of("mode", "CONFIDENTIAL", "name", NAME, "phone", phone, "email", EMAIL);
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    /** Everything a span would send, except the resource (the service's name), as one text. */
    private static String render(List<SpanData> spans) {
        StringBuilder out = new StringBuilder();
        for (SpanData span : spans) {
            out.append(span.getName()).append(' ').append(span.getStatus()).append(' ');
            span.getAttributes().forEach((k, v) -> out.append(k.getKey()).append('=').append(v).append(' '));
            span.getEvents().forEach(e -> out.append(e.getName()).append(' ').append(e.getAttributes()).append(' '));
            span.getLinks().forEach(l -> out.append(l.getAttributes()).append(' '));
            out.append('\n');
        }
        return out.toString();
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
