package th.integrity.complaints.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;

/** Following a complaint with the tracking code alone. */
class TrackingTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";

    @Autowired
    FailedLookupLimiter limiter;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        limiter.reset();
    }

    private HttpResponse<String> track(String code) {
        return call("POST", "/api/complaints/track", Map.of("trackingCode", code), null);
    }

    @Test
    void showsStatusStagesAndMessagesButNoOfficerNameNorInternalNote() {
        String code = file(Map.of("agency", AGENCY, "category", "MISCONDUCT", "subcategory", "PROCEDURE_OR_DELAY",
                "details", "ยื่นขอใบอนุญาตมาสามเดือนแล้วยังไม่ได้รับการพิจารณา"));
        String caseId = caseIdOf(code);
        String officer = officer(AGENCY);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/transitions",
                Map.of("to", "UNDER_REVIEW", "reason", "รับไว้ตรวจสอบ ผู้ตรวจ: นายลับ เฉพาะ"), officer).statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/notes",
                Map.of("text", "บันทึกภายใน: ผู้ถูกร้องเป็นญาติของหัวหน้าฝ่าย"), officer).statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/messages",
                Map.of("text", "กรุณาแจ้งเลขที่คำขอใบอนุญาต"), officer).statusCode()).isEqualTo(201);

        // the reporter answers, typing the code with Thai digits and hyphens
        String thai = code.chars().mapToObj(c -> c == ' ' ? "-" : String.valueOf((char) ('๐' + (c - '0'))))
                .reduce("", String::concat);
        HttpResponse<String> sent = call("POST", "/api/complaints/track/messages",
                Map.of("trackingCode", thai, "text", "  เลขที่คำขอ 123/2568  "), null);
        assertThat(sent.statusCode()).isEqualTo(201);

        HttpResponse<String> response = track(code);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode progress = body(response);
        assertThat(progress.at("/status/code").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(progress.at("/status/labelTh").asString()).isEqualTo("อยู่ระหว่างตรวจสอบ");
        List<String> stages = new java.util.ArrayList<>();
        progress.get("stages").forEach(stage -> stages.add(stage.get("stage").asString()));
        assertThat(stages).containsExactly("RECEIVED", "ACKNOWLEDGED", "UNDER_REVIEW");
        JsonNode messages = progress.get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("from").asString()).isEqualTo("OFFICER");
        assertThat(messages.get(0).get("text").asString()).isEqualTo("กรุณาแจ้งเลขที่คำขอใบอนุญาต");
        assertThat(messages.get(1).get("from").asString()).isEqualTo("REPORTER");
        assertThat(messages.get(1).get("text").asString()).isEqualTo("เลขที่คำขอ 123/2568");
        assertThat(response.body()).doesNotContain("officer-").doesNotContain("สมศรี").doesNotContain("บันทึกภายใน")
                .doesNotContain("นายลับ").doesNotContain(caseId).doesNotContain("author");

        // the officer sees the reporter's message on the case
        JsonNode view = body(call("GET", "/api/complaints/cases/" + caseId, null, officer));
        assertThat(view.get("messages").get(1).get("text").asString()).isEqualTo("เลขที่คำขอ 123/2568");
        assertThat(view.get("notes").get(0).get("authorName").asString()).isEqualTo("สมศรี เจ้าหน้าที่");

        // every public action is an event too: submitted, status-changed, updated (note, message, reporter's message)
        List<JsonNode> events = eventsOf(AGENCY, caseId, 5);
        assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("complaint.submitted.v1",
                "complaint.status-changed.v1", "complaint.updated.v1", "complaint.updated.v1", "complaint.updated.v1");
        assertThat(events).extracting(e -> e.at("/data/version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events.toString()).doesNotContain("123/2568").doesNotContain("บันทึกภายใน").doesNotContain("สมศรี");
    }

    @Test
    void everyWrongCodeGetsTheSame404() {
        List<String> wrong = List.of("0000 0000 0000 0000", "1234", "not a code at all", "1234 5678 9012 34567");
        List<HttpResponse<String>> responses = wrong.stream().map(this::track).toList();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
        assertThat(responses.stream().map(this::withoutInstance).distinct()).hasSize(1);
        assertThat(body(responses.get(0)).get("detail_th").asString()).isNotBlank();
        HttpResponse<String> message = call("POST", "/api/complaints/track/messages",
                Map.of("trackingCode", "0000 0000 0000 0000", "text", "สวัสดี"), null);
        assertThat(message.statusCode()).isEqualTo(404);
        assertThat(withoutInstance(message)).isEqualTo(withoutInstance(responses.get(0)));
    }

    /**
     * Anyone may send wrong codes, as many as they like: past the service-wide budget the wrong ones are refused,
     * but a reporter's right code is answered in the same minute, message included.
     */
    @Test
    void aRightCodeIsAnsweredHoweverManyWrongCodesOthersSend() {
        String code = file(Map.of("agency", AGENCY, "category", "OTHER", "details", "ทดสอบการจำกัดการเดารหัสติดตาม"));
        long second = clock.instant().getEpochSecond() % 60;
        clock.advance(java.time.Duration.ofSeconds(60 - second + 1)); // all within one minute of the service's clock
        limiter.reset();
        try {
            int budget = properties.tracking().maxFailuresPerMinute();
            List<Integer> flood = java.util.stream.IntStream.range(0, budget * 2)
                    .mapToObj(i -> track(String.format("%016d", i)).statusCode()).toList();

            assertThat(flood.subList(0, budget)).containsOnly(404);
            assertThat(flood.subList(budget, flood.size())).containsOnly(429);
            HttpResponse<String> answered = track(code);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(body(answered).at("/status/code").asString()).isEqualTo("RECEIVED");
            assertThat(call("POST", "/api/complaints/track/messages",
                    Map.of("trackingCode", code, "text", "ยังติดตามเรื่องอยู่"), null).statusCode()).isEqualTo(201);

            HttpResponse<String> refused = track("9999 9999 9999 9999");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            assertThat(body(refused).get("type").asString()).isEqualTo("urn:integrity:problem:too-many-lookups");
            assertThat(call("POST", "/api/complaints/track/messages",
                    Map.of("trackingCode", "9999 9999 9999 9999", "text", "เดา"), null).statusCode()).isEqualTo(429);
        } finally {
            clock.reset();
        }
    }

    @Test
    void limitsTheReportersMessage() {
        String code = file(Map.of("agency", AGENCY, "category", "OTHER", "details", "ทดสอบความยาวข้อความจากผู้ร้อง"));
        HttpResponse<String> tooLong = call("POST", "/api/complaints/track/messages",
                Map.of("trackingCode", code, "text", "ก".repeat(2001)), null);
        HttpResponse<String> blank = call("POST", "/api/complaints/track/messages",
                Map.of("trackingCode", code, "text", "   "), null);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(fields(body(tooLong))).containsExactly("text");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(storedByCode(code).getList("messages", org.bson.Document.class)).isEmpty();
    }

    private String withoutInstance(HttpResponse<String> response) {
        var problem = (tools.jackson.databind.node.ObjectNode) body(response);
        problem.remove("instance");
        return problem.toString();
    }

    @Test
    void limiterCountsPerMinute() {
        var clock = new th.integrity.complaints.MovableClock();
        var limiter = new FailedLookupLimiter(clock, 2);
        assertThat(limiter.failed()).isZero();
        assertThat(limiter.failed()).isZero();
        assertThat(limiter.failed()).isPositive();
        clock.advance(java.time.Duration.ofSeconds(61));
        assertThat(limiter.failed()).isZero();
    }
}
