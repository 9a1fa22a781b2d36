package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import th.integrity.stats.IntegrationTestSupport;

/**
 * The statistics continue the trace of the filing that caused an event: the projection of a record runs in a span
 * whose parent is the event's {@code traceparent}, and the projection's log line carries that trace id, so one
 * filing can be followed from the gateway to the table it lands in. Trace context never makes an event invalid.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProjectionTraceTest extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theProjectionOfAComplaintEventContinuesItsTraceAndLogsItsTraceId(CapturedOutput output) {
        String agency = newAgency();
        String traceId = randomHex(16);
        String parentSpan = randomHex(8);
        send(agency + ":C-1", traced(complaintEnvelope(agency, "C-1"), "00-" + traceId + "-" + parentSpan + "-01"));

        SpanData span = await().atMost(WAIT).until(() -> projectionSpans(traceId), found -> !found.isEmpty()).get(0);

        assertThat(span.getName()).isEqualTo("project complaint event");
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getParentSpanId()).as("child of the filing's span").isEqualTo(parentSpan);
        assertThat(span.getAttributes().asMap().toString()).contains("complaint.submitted.v1");
        await().atMost(WAIT).untilAsserted(() -> assertThat(projectionLines(output, "complaint.submitted.v1"))
                .as("the projection's log line, ECS trace.id").anySatisfy(line -> {
                    JsonNode entry = json.readTree(line);
                    String logged = entry.has("trace.id") ? entry.path("trace.id").asString()
                            : entry.path("trace").path("id").asString();
                    assertThat(logged).isEqualTo(traceId);
                }));
        assertThat(mongo.getCollection("complaint_cases").countDocuments(
                new org.bson.Document("agency", agency))).as("projected").isEqualTo(1);
    }

    @Test
    void theProjectionOfAGiftEventContinuesItsTrace() {
        String agency = newAgency();
        String traceId = randomHex(16);
        var data = new LinkedHashMap<String, Object>();
        data.put("agency", agency);
        data.put("nilReturnId", "N-1");
        data.put("fiscalYear", 2568);
        data.put("round", "H1");
        data.put("filedAt", Instant.now().toString());
        send(GIFTS_TOPIC, agency + ":N-1", traced(envelope("gift.nil-return.v1", agency, "N-1", data),
                "00-" + traceId + "-" + randomHex(8) + "-01"));

        SpanData span = await().atMost(WAIT).until(() -> spansOf(traceId), found -> !found.isEmpty()).get(0);

        assertThat(span.getName()).isEqualTo("project gift event");
    }

    @Test
    void brokenTraceContextStartsANewTraceAndNeverRejectsTheEvent(CapturedOutput output) {
        for (Object hostile : List.of("00-zzzz-not-a-trace", "ff-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01",
                42, Map.of("traceId", "x"), "x".repeat(10_000))) {
            String agency = newAgency();
            String envelope = complaintEnvelope(agency, "C-1");
            ObjectNode event = (ObjectNode) json.readTree(envelope);
            event.set("traceparent", json.valueToTree(hostile));
            event.set("tracestate", json.valueToTree(hostile));
            send(agency + ":C-1", json.writeValueAsString(event));

            await().atMost(WAIT).untilAsserted(() -> assertThat(mongo.getCollection("complaint_cases")
                    .countDocuments(new org.bson.Document("agency", agency))).as("projected despite " + hostile)
                    .isEqualTo(1));
        }
    }

    private String complaintEnvelope(String agency, String caseId) {
        return envelope("complaint.submitted.v1", agency, caseId,
                complaint(agency, caseId, 1, Instant.parse("2025-03-01T03:00:00Z"), "RECEIVED"));
    }

    private String traced(String envelope, String traceparent) {
        ObjectNode event = (ObjectNode) json.readTree(envelope);
        event.put("traceparent", traceparent);
        return json.writeValueAsString(event);
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private List<SpanData> projectionSpans(String traceId) {
        return spansOf(traceId).stream().filter(s -> s.getName().startsWith("project ")).toList();
    }

    private static List<String> projectionLines(CapturedOutput output, String type) {
        return output.getAll().lines().filter(l -> l.startsWith("{") && l.contains("Projected " + type)).toList();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
