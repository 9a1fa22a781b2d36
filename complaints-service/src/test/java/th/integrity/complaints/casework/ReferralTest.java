package th.integrity.complaints.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.metrics.CaseMetrics;

/**
 * A referral to another body (ส่งต่อหน่วยงานอื่น) is an outcome: the case records the body and the letter, waits
 * for the body's answer until its own follow-up date (not the agency's 60-day clock), and the answer is recorded.
 */
class ReferralTest extends IntegrationTestSupport {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Autowired
    CaseMetrics metrics;

    private String underReview(String agency) {
        String caseId = caseIdOf(file(Map.of("agency", agency, "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้างอาคาร")));
        assertThat(move(caseId, officer(agency), Map.of("to", "UNDER_REVIEW", "reason", "เริ่มตรวจสอบข้อเท็จจริง"))
                .statusCode()).isEqualTo(200);
        return caseId;
    }

    private HttpResponse<String> move(String caseId, String token, Map<String, Object> body) {
        return call("POST", "/api/complaints/cases/" + caseId + "/transitions", body, token);
    }

    private HttpResponse<String> refer(String caseId, String token, Map<String, Object> referral) {
        return move(caseId, token, Map.of("to", "FORWARDED", "reason", "เกินอำนาจสอบสวนของเขต", "referral", referral));
    }

    private HttpResponse<String> answer(String caseId, String token, Map<String, Object> answer) {
        return call("POST", "/api/complaints/cases/" + caseId + "/referral-answer", answer, token);
    }

    private JsonNode view(String caseId, String token) {
        return body(call("GET", "/api/complaints/cases/" + caseId, null, token));
    }

    private Document stored(String caseId) {
        return mongo.findById(caseId, Document.class, "complaints");
    }

    private Document settled(String caseId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(caseId).getList("outbox", Document.class).isEmpty());
        return stored(caseId);
    }

    private static Map<String, Object> answerOf(LocalDate on, String outcome) {
        return Map.of("receivedOn", on.toString(), "summary", "สำนักงาน ป.ป.ท. แจ้งผลการพิจารณา", "outcome", outcome);
    }

    @Test
    void aReferralRecordsTheBodyAndTheLetterAndItsEventsNameTheBody() {
        String agency = "referral-a";
        String officer = officer(agency);
        String caseId = underReview(agency);
        LocalDate sent = LocalDate.now(BANGKOK).minusDays(1);

        HttpResponse<String> referred = refer(caseId, officer,
                Map.of("body", "PACC", "letterRef", "กท 8101/1234", "sentOn", sent.toString()));

        assertThat(referred.statusCode()).as(referred.body()).isEqualTo(200);
        JsonNode view = view(caseId, officer);
        assertThat(view.get("status").asString()).isEqualTo("FORWARDED");
        assertThat(view.get("forwardedTo").asString()).isEqualTo("PACC");
        JsonNode referral = view.get("referral");
        assertThat(referral.get("body").asString()).isEqualTo("PACC");
        assertThat(referral.get("letterRef").asString()).isEqualTo("กท 8101/1234");
        assertThat(referral.get("sentOn").asString()).isEqualTo(sent.toString());
        assertThat(referral.get("awaitingAnswer").asBoolean()).isTrue();
        Instant referredAt = Instant.parse(referral.get("referredAt").asString());
        // Its own follow-up date (90 days by default), not the 60 days the agency's own steps have.
        assertThat(Instant.parse(referral.get("followUpAt").asString())).isEqualTo(referredAt.plus(Duration.ofDays(90)));
        assertThat(Instant.parse(view.get("dueAt").asString())).isEqualTo(referredAt.plus(Duration.ofDays(90)));

        JsonNode data = eventsOf(agency, caseId, 3).get(2).get("data");
        assertThat(data.get("status").asString()).isEqualTo("FORWARDED");
        assertThat(data.get("referredTo").asString()).isEqualTo("PACC");
        // Event times may be rounded down (to at most an hour) so the topic does not tell the moment of a visit.
        assertThat(Instant.parse(data.get("referredAt").asString()))
                .isBetween(referredAt.minus(Duration.ofHours(1)), referredAt);
        assertThat(data.toString()).doesNotContain("กท 8101");
        JsonNode before = eventsOf(agency, caseId, 2).get(1).get("data");
        assertThat(before.get("referredTo").isNull()).isTrue();
        assertThat(before.get("referredAt").isNull()).isTrue();

        // The older spelling still refers, with the same clock.
        String other = underReview(agency);
        HttpResponse<String> legacy = move(other, officer, Map.of("to", "FORWARDED", "reason", "ส่งตำรวจดำเนินคดี",
                "forwardedTo", "POLICE"));
        assertThat(legacy.statusCode()).as(legacy.body()).isEqualTo(200);
        assertThat(view(other, officer).at("/referral/body").asString()).isEqualTo("POLICE");
        JsonNode row = body(call("GET", "/api/complaints/cases?status=FORWARDED", null, officer)).get("items").get(0);
        assertThat(row.get("referredTo").asString()).isIn("POLICE", "PACC");
        assertThat(row.get("awaitingReferralAnswer").asBoolean()).isTrue();
    }

    @Test
    void aReferredCaseIsNotOverdueAfter61DaysButIsAfterItsFollowUpDate() {
        String agency = "referral-b";
        String officer = officer(agency);
        String caseId = underReview(agency);
        assertThat(refer(caseId, officer, Map.of("body", "NACC")).statusCode()).isEqualTo(200);

        try {
            clock.advance(Duration.ofDays(61));
            assertThat(view(caseId, officer).get("overdue").asBoolean()).isFalse();
            assertThat(body(call("GET", "/api/complaints/cases?overdue=true", null, officer)).get("total").asLong())
                    .isZero();
            metrics.refresh();
            assertThat(overdueGauge(agency)).isZero();

            clock.advance(Duration.ofDays(30)); // 91 days: past the 90-day follow-up, no answer
            assertThat(view(caseId, officer).get("overdue").asBoolean()).isTrue();
            JsonNode overdue = body(call("GET", "/api/complaints/cases?overdue=true", null, officer));
            assertThat(overdue.get("total").asLong()).isEqualTo(1);
            assertThat(overdue.at("/items/0/id").asString()).isEqualTo(caseId);
            metrics.refresh();
            assertThat(overdueGauge(agency)).isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    private double overdueGauge(String agency) {
        return management("/actuator/prometheus").body().lines()
                .filter(l -> l.startsWith("integrity_complaints_overdue") && l.contains("agency=\"" + agency + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aFindingOfTheOtherBodyIsRecordedAndConcludesTheCaseAndASecondAnswerIsRefused() {
        String agency = "referral-c";
        String officer = officer(agency);
        String caseId = underReview(agency);
        assertThat(refer(caseId, officer, Map.of("body", "PACC")).statusCode()).isEqualTo(200);
        LocalDate today = LocalDate.now(BANGKOK);

        HttpResponse<String> answered = answer(caseId, officer, answerOf(today, "FOUND_CAUSE"));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode view = view(caseId, officer);
        assertThat(view.get("status").asString()).isEqualTo("CONCLUDED_WITH_CAUSE");
        assertThat(view.get("dueAt").isNull()).isTrue();
        JsonNode recorded = view.at("/referral/answers/0");
        assertThat(recorded.get("outcome").asString()).isEqualTo("FOUND_CAUSE");
        assertThat(recorded.get("receivedOn").asString()).isEqualTo(today.toString());
        assertThat(recorded.get("summary").asString()).isEqualTo("สำนักงาน ป.ป.ท. แจ้งผลการพิจารณา");
        assertThat(recorded.get("by").asString()).isEqualTo("officer-" + agency);
        assertThat(view.at("/referral/awaitingAnswer").asBoolean()).isFalse();
        JsonNode last = view.get("history").get(view.get("history").size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("FORWARDED");
        assertThat(last.get("to").asString()).isEqualTo("CONCLUDED_WITH_CAUSE");

        JsonNode event = eventsOf(agency, caseId, 4).get(3);
        assertThat(event.get("type").asString()).isEqualTo("complaint.status-changed.v1");
        assertThat(event.at("/data/status").asString()).isEqualTo("CONCLUDED_WITH_CAUSE");
        assertThat(event.at("/data/referredTo").asString()).isEqualTo("PACC"); // the outcome counts by body
        assertThat(event.toString()).doesNotContain("แจ้งผลการพิจารณา");

        Document before = settled(caseId);
        HttpResponse<String> second = answer(caseId, officer, answerOf(today, "NO_CAUSE"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(body(second).get("type").asString()).isEqualTo("urn:integrity:problem:not-awaiting-referral-answer");
        assertThat(body(second).get("detail_th").asString()).contains("มีมูล");
        assertThat(stored(caseId)).isEqualTo(before);
    }

    @Test
    void anAnswerForACaseThatWasNotReferredIsRefused() {
        String agency = "referral-d";
        String officer = officer(agency);
        String caseId = underReview(agency);
        Document before = settled(caseId);

        HttpResponse<String> response = answer(caseId, officer, answerOf(LocalDate.now(BANGKOK), "NO_CAUSE"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:integrity:problem:not-awaiting-referral-answer");
        assertThat(stored(caseId)).isEqualTo(before);
        // Another agency's officer cannot tell the case exists.
        assertThat(answer(caseId, officer("referral-other"), answerOf(LocalDate.now(BANGKOK), "NO_CAUSE"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anInterimAnswerKeepsTheCaseWaitingWithANewFollowUpAndAReturnBringsItBack() {
        String agency = "referral-e";
        String officer = officer(agency);
        String caseId = underReview(agency);
        assertThat(refer(caseId, officer, Map.of("body", "BMA_ACC")).statusCode()).isEqualTo(200);
        LocalDate today = LocalDate.now(BANGKOK);

        assertThat(answer(caseId, officer, answerOf(today, "STILL_INVESTIGATING")).statusCode()).isEqualTo(200);
        JsonNode waiting = view(caseId, officer);
        assertThat(waiting.get("status").asString()).isEqualTo("FORWARDED");
        assertThat(waiting.at("/referral/awaitingAnswer").asBoolean()).isTrue();
        assertThat(Instant.parse(waiting.at("/referral/followUpAt").asString()))
                .isEqualTo(today.atStartOfDay(BANGKOK).toInstant().plus(Duration.ofDays(90)));
        JsonNode interim = eventsOf(agency, caseId, 4).get(3);
        assertThat(interim.get("type").asString()).isEqualTo("complaint.updated.v1");
        assertThat(interim.at("/data/referredTo").asString()).isEqualTo("BMA_ACC");

        assertThat(answer(caseId, officer, answerOf(today, "RETURNED")).statusCode()).isEqualTo(200);
        JsonNode back = view(caseId, officer);
        assertThat(back.get("status").asString()).isEqualTo("UNDER_INVESTIGATION");
        assertThat(back.at("/referral/answers")).hasSize(2);
        assertThat(back.at("/referral/returnedAt").asString()).isNotBlank();
        JsonNode returned = eventsOf(agency, caseId, 5).get(4).get("data");
        assertThat(returned.get("status").asString()).isEqualTo("UNDER_INVESTIGATION");
        assertThat(returned.get("referredTo").isNull()).isTrue(); // no longer an outcome by that body
        assertThat(answer(caseId, officer, answerOf(today, "FOUND_CAUSE")).statusCode()).isEqualTo(409);
    }

    @Test
    void badReferralsAndAnswersAreRefusedNamingTheFieldAndChangeNothing() {
        String agency = "referral-f";
        String officer = officer(agency);
        String caseId = underReview(agency);
        Document before = settled(caseId);
        LocalDate today = LocalDate.now(BANGKOK);

        Map<Map<String, Object>, String> badReferrals = Map.of(
                Map.of("body", "MARS"), "referral.body",
                Map.of("letterRef", "กท 1/2568"), "referral.body",
                Map.of("body", "NACC", "sentOn", today.plusDays(1).toString()), "referral.sentOn",
                Map.of("body", "NACC", "letterRef", "x".repeat(101)), "referral.letterRef",
                Map.of("body", "", "letterRef", "กท 1/2568"), "referral.body");
        badReferrals.forEach((referral, field) -> {
            HttpResponse<String> response = refer(caseId, officer, referral);
            assertThat(response.statusCode()).as(referral.toString()).isEqualTo(400);
            assertThat(fields(body(response))).as(referral.toString()).containsExactly(field);
        });
        HttpResponse<String> differs = move(caseId, officer, Map.of("to", "FORWARDED", "reason", "ส่งต่อหน่วยงาน",
                "forwardedTo", "NACC", "referral", Map.of("body", "PACC")));
        assertThat(differs.statusCode()).isEqualTo(400);
        HttpResponse<String> letterWithoutForwarding = move(caseId, officer, Map.of("to", "UNDER_INVESTIGATION",
                "reason", "ตั้งกรรมการสอบ", "referral", Map.of("letterRef", "กท 1/2568")));
        assertThat(letterWithoutForwarding.statusCode()).isEqualTo(400);
        assertThat(fields(body(letterWithoutForwarding))).containsExactly("referral");
        assertThat(stored(caseId)).isEqualTo(before);

        assertThat(refer(caseId, officer, Map.of("body", "NACC")).statusCode()).isEqualTo(200);
        Document referred = settled(caseId);
        List<Map<String, Object>> badAnswers = List.of(
                Map.of("summary", "ผลการพิจารณา", "outcome", "NO_CAUSE"),
                Map.of("receivedOn", today.toString(), "outcome", "NO_CAUSE"),
                Map.of("receivedOn", today.toString(), "summary", "   ", "outcome", "NO_CAUSE"),
                Map.of("receivedOn", today.toString(), "summary", "ผลการพิจารณา"),
                Map.of("receivedOn", today.toString(), "summary", "ผลการพิจารณา", "outcome", "MAYBE"),
                Map.of("receivedOn", "15/11/2569", "summary", "ผลการพิจารณา", "outcome", "NO_CAUSE"),
                Map.of("receivedOn", today.toString(), "summary", "ก".repeat(2001), "outcome", "NO_CAUSE"),
                answerOf(today.plusDays(1), "NO_CAUSE"),
                answerOf(today.minusDays(400), "NO_CAUSE"));
        for (Map<String, Object> bad : badAnswers) {
            HttpResponse<String> response = answer(caseId, officer, bad);
            assertThat(response.statusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(body(response).get("detail_th").asString()).as(bad.toString()).isNotBlank();
        }
        Map<String, Object> notAnObject = new HashMap<>(answerOf(today, "NO_CAUSE"));
        notAnObject.put("outcome", List.of("NO_CAUSE"));
        assertThat(answer(caseId, officer, notAnObject).statusCode()).isEqualTo(400);
        assertThat(stored(caseId)).isEqualTo(referred);
    }
}
