package th.integrity.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.platform.web.FieldLabels;

class IntakeTest extends IntegrationTestSupport {

    private static final String CODE = "\\d{4} \\d{4} \\d{4} \\d{4}";
    private static final String THAI = ".*\\p{IsThai}.*";
    private static final String DETAILS = "เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง (officer asked for money)";

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void acceptsAComplaintAndStoresOnlyTheKeyedHashOfItsCode(CapturedOutput log) {
        HttpResponse<String> response = postComplaint("wang-thonglang", "CORRUPTION", "  \n" + DETAILS + "  ");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode receipt = body(response);
        String code = receipt.get("trackingCode").asString();
        assertThat(code).matches(CODE);
        assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");
        Instant receivedAt = Instant.parse(receipt.get("receivedAt").asString());

        Document stored = storedByCode(code);
        assertThat(stored).as("stored under the HMAC of its code").isNotNull();
        assertThat(stored.getString("_id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(stored.getString("agency")).isEqualTo("wang-thonglang");
        assertThat(stored.getString("channel")).isEqualTo("WEB");
        assertThat(stored.getString("category")).isEqualTo("CORRUPTION");
        // Sealed at rest (docs/security.md, "Sealed at rest"); the officer reads it, trimmed.
        assertThat(stored.get("details")).as("sealed").isInstanceOf(Document.class);
        assertThat(body(call("GET", "/api/complaints/cases/" + stored.getString("_id"), null, officer("wang-thonglang")))
                .get("details").asString()).as("trimmed").isEqualTo(DETAILS);
        assertThat(stored.getString("status")).isEqualTo("RECEIVED");
        assertThat(stored.get("receivedAt", Date.class).toInstant()).isEqualTo(receivedAt);
        assertThat(stored.get("acknowledgedAt", Date.class).toInstant()).isEqualTo(receivedAt);
        assertThat(((Number) stored.get("version")).longValue()).isEqualTo(1);
        assertThat(stored.getString("trackingHash")).matches("[0-9a-f]{64}");
        String everything = stored.toJson();
        assertThat(everything).doesNotContain(code).doesNotContain(code.replace(" ", ""));
        assertThat(log.getAll()).as("the log").contains(stored.getString("_id"))
                .doesNotContain(code).doesNotContain(code.replace(" ", "")).doesNotContain("ใบอนุญาต");
    }

    @Test
    void publishesACloudEventWithoutTheTextAndThenEmptiesTheOutbox() {
        HttpResponse<String> response = postComplaint("bang-kapi", "MISCONDUCT", DETAILS);
        assertThat(response.statusCode()).isEqualTo(201);
        String code = body(response).get("trackingCode").asString();
        Document stored = storedByCode(code);
        String caseId = stored.getString("_id");
        String key = "bang-kapi:" + caseId;

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> readAll(TOPIC).stream().filter(r -> key.equals(r.key())).findFirst().orElse(null),
                        found -> found != null);

        assertThat(record.value()).doesNotContain("เจ้าหน้าที่").doesNotContain("officer asked")
                .doesNotContain(code.replace(" ", "")).doesNotContain(stored.getString("trackingHash"));
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("complaint.submitted.v1");
        assertThat(event.get("source").asString()).isEqualTo("/agencies/bang-kapi/complaints");
        assertThat(event.get("subject").asString()).isEqualTo(caseId);
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.get("id").asString()).isNotBlank();
        Instant receivedAt = stored.get("receivedAt", Date.class).toInstant();
        // Times in events are told to the hour (docs/events.md), deadlines rounded up.
        Instant hour = receivedAt.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        assertThat(Instant.parse(event.get("time").asString())).isEqualTo(hour);

        JsonNode data = event.get("data");
        List<String> fields = new ArrayList<>();
        data.propertyNames().forEach(fields::add);
        // Exactly the complaints.v1 snapshot of docs/events.md: no identity, no text, no code.
        assertThat(fields).containsExactlyInAnyOrder("agency", "caseId", "version", "channel", "category",
                "subcategory", "division", "reporterStanding", "receivedAt", "status", "statusChangedAt",
                "concludedAt", "closureReason", "dueAt", "caseNumber", "referredTo", "referredAt");
        assertThat(data.get("reporterStanding").asString()).isEqualTo("CITIZEN");
        assertThat(Instant.parse(data.get("statusChangedAt").asString())).isEqualTo(hour);
        assertThat(Instant.parse(data.get("dueAt").asString())).isEqualTo(
                receivedAt.plus(Duration.ofDays(15)).equals(hour.plus(Duration.ofDays(15))) ? hour.plus(Duration.ofDays(15))
                        : hour.plus(Duration.ofDays(15)).plus(Duration.ofHours(1)));
        assertThat(data.get("concludedAt").isNull()).isTrue();
        assertThat(data.get("closureReason").isNull()).isTrue();
        assertThat(data.get("subcategory").isNull()).isTrue();
        assertThat(data.get("agency").asString()).isEqualTo("bang-kapi");
        assertThat(data.get("caseId").asString()).isEqualTo(caseId);
        assertThat(data.get("channel").asString()).isEqualTo("WEB");
        assertThat(data.get("category").asString()).isEqualTo("MISCONDUCT");
        assertThat(data.get("division").isNull()).isTrue();
        assertThat(Instant.parse(data.get("receivedAt").asString())).isEqualTo(hour);
        assertThat(data.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(data.get("version").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                storedByCode(code).getList("outbox", Document.class)).as("outbox after publishing").isEmpty());
    }

    @Test
    void keepsTrackingHashesUnique() {
        assertThat(mongo.indexOps(Complaint.class).getIndexInfo()).anySatisfy(index -> {
            assertThat(index.isUnique()).isTrue();
            assertThat(index.getIndexFields()).singleElement()
                    .satisfies(field -> assertThat(field.getKey()).isEqualTo("trackingHash"));
        });
    }

    @Test
    void acceptsDetailsAtBothLengthLimits() {
        assertThat(postComplaint("a1", "OTHER", " " + "ก".repeat(20) + " ").statusCode()).isEqualTo(201);
        assertThat(postComplaint("a".repeat(40), "OTHER", "x".repeat(10_000)).statusCode()).isEqualTo(201);
    }

    static Stream<Arguments> invalidComplaints() {
        return Stream.of(
                Arguments.of(Map.of("agency", "wang-thonglang", "category", "BRIBERY", "details", DETAILS),
                        List.of("category")),
                Arguments.of(Map.of("agency", "wang-thonglang", "category", "corruption", "details", DETAILS),
                        List.of("category")),
                Arguments.of(Map.of("agency", "wang-thonglang", "category", "OTHER",
                        "details", "   " + "x".repeat(19) + "   "), List.of("details")),
                Arguments.of(Map.of("agency", "wang-thonglang", "category", "OTHER", "details", "x".repeat(10_001)),
                        List.of("details")),
                Arguments.of(Map.of("agency", "Wang Thonglang", "category", "OTHER", "details", DETAILS),
                        List.of("agency")),
                Arguments.of(Map.of("agency", "w", "category", "OTHER", "details", DETAILS), List.of("agency")),
                Arguments.of(Map.of("agency", "a".repeat(41), "category", "OTHER", "details", DETAILS),
                        List.of("agency")),
                Arguments.of(Map.of("agency", "9-district", "category", "OTHER", "details", DETAILS),
                        List.of("agency")),
                Arguments.of(Map.of(), List.of("agency", "category", "details")),
                Arguments.of(Map.of("agency", "", "category", "", "details", " "),
                        List.of("agency", "category", "details")));
    }

    @ParameterizedTest(name = "{index}: bad {1}")
    @MethodSource("invalidComplaints")
    void rejectsInvalidFieldsNamingEachInThaiAndEnglish(Map<String, String> request, List<String> offending) {
        long before = storedComplaints();

        HttpResponse<String> response = post("/api/complaints", "application/json", json.writeValueAsString(request));

        JsonNode problem = assertProblem(response, 400, "urn:integrity:problem:validation");
        List<String> fields = new ArrayList<>();
        for (JsonNode error : problem.get("errors")) {
            fields.add(error.get("field").asString());
            assertThat(error.get("message_en").asString()).isNotBlank().doesNotMatch(THAI).doesNotContain("{");
            assertThat(error.get("message_th").asString()).matches(THAI).doesNotContain("{");
        }
        assertThat(fields).containsExactlyElementsOf(offending);
        // The detail names the fields as the form does, never by their paths.
        assertThat(problem.get("detail").asString())
                .contains(offending.stream().map(field -> FieldLabels.of(field).en()).toList());
        assertThat(problem.get("detail_th").asString())
                .contains(offending.stream().map(field -> FieldLabels.of(field).th()).toList());
        assertThat(storedComplaints()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void explainsTheLengthLimitWithItsNumbers() {
        JsonNode problem = body(postComplaint("wang-thonglang", "OTHER", "too short"));

        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("message_en").asString()).contains("20").contains("10000");
        assertThat(error.get("message_th").asString()).contains("20").contains("10000").contains("รายละเอียด");
    }

    @Test
    void rejectsMalformedJson() {
        long before = storedComplaints();

        HttpResponse<String> response = post("/api/complaints", "application/json",
                "{\"agency\": \"wang-thonglang\", \"category\": \"OTHER\", \"details\": ");

        JsonNode problem = assertProblem(response, 400, "urn:integrity:problem:malformed-request");
        assertThat(problem.has("errors")).isFalse();
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void rejectsAValueOfTheWrongTypeNamingTheField() {
        long before = storedComplaints();

        HttpResponse<String> response = post("/api/complaints", "application/json",
                "{\"agency\": \"wang-thonglang\", \"category\": \"OTHER\", \"details\": {\"text\": \"x\"}}");

        JsonNode problem = assertProblem(response, 400, "urn:integrity:problem:validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("details");
        assertThat(problem.get("errors").get(0).get("message_th").asString()).matches(THAI);
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void rejectsAnotherMediaType() {
        long before = storedComplaints();

        HttpResponse<String> response = post("/api/complaints", "text/plain", DETAILS);

        JsonNode problem = assertProblem(response, 415, "urn:integrity:problem:unsupported-media-type");
        assertThat(problem.get("detail").asString()).contains("application/json");
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void answersAnUnknownPathAsAProblemToo() {
        // Anonymous callers learn nothing about which paths exist; a signed-in one gets the plain 404.
        assertProblem(get("/api/nothing-here"), 401, "urn:integrity:problem:unauthenticated");
        String token = th.integrity.testkit.TestIssuer.shared().token("officer", "wangthonglang", "OFFICER");
        assertProblem(th.integrity.complaints.TestHttp.get(port, "/api/nothing-here", token), 404,
                "urn:integrity:problem:not-found");
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        JsonNode problem = body(response);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank().doesNotMatch(THAI);
        assertThat(problem.get("title_th").asString()).matches(THAI);
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }
}
