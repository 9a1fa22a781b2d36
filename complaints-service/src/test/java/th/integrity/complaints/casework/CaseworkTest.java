package th.integrity.complaints.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.metrics.CaseMetrics;

/** Casework by an officer of the case's own agency: moves, deadlines, keyed-in complaints, filters. */
class CaseworkTest extends IntegrationTestSupport {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Autowired
    CaseMetrics metrics;

    private String fileFor(String agency) {
        return caseIdOf(file(Map.of("agency", agency, "category", "CORRUPTION", "subcategory", "FALSE_CLAIMS",
                "details", "มีการเบิกค่าล่วงเวลาโดยไม่ได้มาปฏิบัติงานจริงในวันหยุด")));
    }

    private HttpResponse<String> move(String caseId, String token, Map<String, Object> body) {
        return call("POST", "/api/complaints/cases/" + caseId + "/transitions", body, token);
    }

    private Document stored(String caseId) {
        return mongo.findById(caseId, Document.class, "complaints");
    }

    @Test
    void movesACaseThroughItsStatesRecordingWhoWhenAndWhy() {
        String agency = "casework-a";
        String caseId = fileFor(agency);
        String officer = officer(agency);

        assertThat(move(caseId, officer, Map.of("to", "UNDER_REVIEW", "reason", "เริ่มตรวจสอบข้อเท็จจริง")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> forwarded = move(caseId, officer,
                Map.of("to", "FORWARDED", "reason", "เกินอำนาจสอบสวนของเขต", "forwardedTo", "NACC", "expectedVersion", 2));
        assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
        assertThat(body(forwarded).get("version").asLong()).isEqualTo(3);
        assertThat(move(caseId, officer, Map.of("to", "CONCLUDED_WITH_CAUSE", "reason", "ป.ป.ช. ชี้มูลความผิด"))
                .statusCode()).isEqualTo(200);

        JsonNode view = body(call("GET", "/api/complaints/cases/" + caseId, null, officer));
        assertThat(view.get("status").asString()).isEqualTo("CONCLUDED_WITH_CAUSE");
        assertThat(view.get("forwardedTo").asString()).isEqualTo("NACC");
        assertThat(view.get("dueAt").isNull()).isTrue();
        assertThat(view.get("concludedAt").asString()).isNotBlank();
        assertThat(view.get("allowedTransitions")).isEmpty();
        JsonNode history = view.get("history");
        assertThat(history).hasSize(4);
        JsonNode forwarding = history.get(2);
        assertThat(forwarding.get("from").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(forwarding.get("to").asString()).isEqualTo("FORWARDED");
        assertThat(forwarding.get("by").asString()).isEqualTo("officer-" + agency);
        assertThat(forwarding.get("byName").asString()).isEqualTo("สมศรี เจ้าหน้าที่");
        assertThat(forwarding.get("reason").asString()).isEqualTo("เกินอำนาจสอบสวนของเขต");
        assertThat(forwarding.get("at").asString()).isNotBlank();

        List<JsonNode> events = eventsOf(agency, caseId, 4);
        assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("complaint.submitted.v1",
                "complaint.status-changed.v1", "complaint.status-changed.v1", "complaint.status-changed.v1");
        JsonNode underReview = events.get(1).get("data");
        // The event tells times to the hour (docs/events.md): the move's hour down, its deadline's up.
        assertThat(Duration.between(Instant.parse(underReview.get("statusChangedAt").asString()),
                Instant.parse(underReview.get("dueAt").asString()))).isBetween(Duration.ofDays(30), Duration.ofDays(30).plusHours(1));
        JsonNode last = events.get(3).get("data");
        assertThat(last.get("status").asString()).isEqualTo("CONCLUDED_WITH_CAUSE");
        assertThat(last.get("version").asLong()).isEqualTo(4);
        assertThat(last.get("concludedAt").asString()).isEqualTo(last.get("statusChangedAt").asString());
        assertThat(last.get("dueAt").isNull()).isTrue();
        assertThat(events.toString()).doesNotContain("ป.ป.ช. ชี้มูล").doesNotContain("สมศรี").doesNotContain("officer-");
    }

    @Test
    void anIllegalMoveIsRefusedAndChangesNothing() {
        String agency = "casework-b";
        String caseId = fileFor(agency);
        String officer = officer(agency);
        eventsOf(agency, caseId, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(caseId).getList("outbox", Document.class).isEmpty());
        Document before = stored(caseId);

        for (String to : List.of("CONCLUDED_WITH_CAUSE", "FORWARDED", "RECEIVED", "UNDER_INVESTIGATION")) {
            Map<String, Object> request = new HashMap<>(Map.of("to", to, "reason", "ลองข้ามขั้นตอน"));
            if (to.equals("FORWARDED")) {
                request.put("forwardedTo", "NACC");
            }
            HttpResponse<String> response = move(caseId, officer, request);
            assertThat(response.statusCode()).as(to).isEqualTo(409);
            assertThat(body(response).get("type").asString()).isEqualTo("urn:integrity:problem:illegal-transition");
            assertThat(body(response).get("detail_th").asString()).contains("รับเรื่อง");
        }

        Document after = stored(caseId);
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.getString("status")).isEqualTo("RECEIVED");
        assertThat(after.getList("outbox", Document.class)).isEmpty();
        assertThat(after.getList("history", Document.class)).hasSize(1);
        assertThat(after).isEqualTo(before);
        assertThat(readAll(TOPIC).stream().filter(r -> (agency + ":" + caseId).equals(r.key()))).hasSize(1);
    }

    @Test
    void closingNeedsAReasonFromTheListForwardingNeedsABodyAndAStaleVersionIsRefused() {
        String agency = "casework-c";
        String caseId = fileFor(agency);
        String officer = officer(agency);

        HttpResponse<String> noClosure = move(caseId, officer, Map.of("to", "CLOSED_WITHOUT_INQUIRY", "reason", "ซ้ำกับเรื่องเดิม"));
        assertThat(noClosure.statusCode()).isEqualTo(400);
        assertThat(fields(body(noClosure))).containsExactly("closureReason");
        HttpResponse<String> noReason = move(caseId, officer, Map.of("to", "UNDER_REVIEW"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(fields(body(noReason))).containsExactly("reason");
        HttpResponse<String> unknownState = move(caseId, officer, Map.of("to", "ARCHIVED", "reason", "ไม่มีสถานะนี้"));
        assertThat(unknownState.statusCode()).isEqualTo(400);

        assertThat(move(caseId, officer, Map.of("to", "UNDER_REVIEW", "reason", "เริ่มตรวจสอบ")).statusCode()).isEqualTo(200);
        HttpResponse<String> noBody = move(caseId, officer, Map.of("to", "FORWARDED", "reason", "ส่งต่อ", "forwardedTo", "MARS"));
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(fields(body(noBody))).containsExactly("forwardedTo");
        HttpResponse<String> stale = move(caseId, officer,
                Map.of("to", "UNDER_INVESTIGATION", "reason", "ตั้งกรรมการสอบ", "expectedVersion", 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(body(stale).get("type").asString()).isEqualTo("urn:integrity:problem:concurrent-change");

        HttpResponse<String> closed = move(caseId, officer, Map.of("to", "CLOSED_WITHOUT_INQUIRY",
                "reason", "ผู้ร้องขอถอนเรื่อง", "closureReason", "WITHDRAWN"));
        assertThat(closed.statusCode()).isEqualTo(200);
        JsonNode last = eventsOf(agency, caseId, 3).get(2).get("data");
        assertThat(last.get("status").asString()).isEqualTo("CLOSED_WITHOUT_INQUIRY");
        assertThat(last.get("closureReason").asString()).isEqualTo("WITHDRAWN");
        assertThat(stored(caseId).getString("status")).isEqualTo("CLOSED_WITHOUT_INQUIRY");
    }

    @Test
    void keysInAComplaintFromAnotherChannelWithTheDateItArrived() {
        String agency = "casework-d";
        String officer = officer(agency);
        LocalDate arrived = LocalDate.now(BANGKOK).minusDays(20);

        HttpResponse<String> response = call("POST", "/api/complaints/cases", Map.of("channel", "HOTLINE_1555",
                "receivedOn", arrived.toString(), "category", "MISCONDUCT", "subcategory", "UNFAIR_SERVICE",
                "division", "REG", "details", "ผู้ร้องโทรแจ้งว่าเจ้าหน้าที่ทะเบียนพูดจาไม่สุภาพและไม่รับคำร้อง",
                "reporterStanding", "STAFF"), officer);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode filed = body(response);
        assertThat(filed.get("trackingCode").asString()).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
        String caseId = filed.get("caseId").asString();
        Instant receivedAt = arrived.atStartOfDay(BANGKOK).toInstant();
        JsonNode data = eventsOf(agency, caseId, 1).get(0).get("data");
        assertThat(data.get("channel").asString()).isEqualTo("HOTLINE_1555");
        assertThat(Instant.parse(data.get("receivedAt").asString())).isEqualTo(receivedAt);
        assertThat(data.get("division").asString()).isEqualTo("REG");
        assertThat(data.get("reporterStanding").asString()).isEqualTo("STAFF");
        assertThat(Instant.parse(data.get("dueAt").asString())).isEqualTo(receivedAt.plus(Duration.ofDays(15)));
        assertThat(stored(caseId).getString("recordedBy")).isEqualTo("officer-" + agency);

        // 20 days after arrival, with 15 to first review: overdue in the list and in the metrics
        JsonNode overdue = body(call("GET", "/api/complaints/cases?overdue=true", null, officer));
        assertThat(overdue.get("total").asLong()).isEqualTo(1);
        assertThat(overdue.get("items").get(0).get("id").asString()).isEqualTo(caseId);
        assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();
        metrics.refresh();
        String prometheus = management("/actuator/prometheus").body();
        assertThat(prometheus.lines().filter(l -> l.startsWith("integrity_complaints_overdue"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isGreaterThanOrEqualTo(1);
        assertThat(prometheus).contains("integrity_complaints_cases{").contains("status=\"RECEIVED\"");
        assertThat(prometheus).contains("integrity_complaints_received_total{").contains("channel=\"HOTLINE_1555\"");
    }

    @Test
    void refusesAKeyedInComplaintFromTheFutureOrTheWeb() {
        String officer = officer("casework-e");
        long before = storedComplaints();
        HttpResponse<String> future = call("POST", "/api/complaints/cases", Map.of("channel", "LETTER",
                "receivedOn", LocalDate.now(BANGKOK).plusDays(2).toString(), "category", "OTHER",
                "details", "หนังสือร้องเรียนที่ลงวันที่ล่วงหน้าไม่ควรรับได้"), officer);
        HttpResponse<String> web = call("POST", "/api/complaints/cases", Map.of("channel", "WEB",
                "receivedOn", LocalDate.now(BANGKOK).toString(), "category", "OTHER",
                "details", "เรื่องทางเว็บไซต์ต้องยื่นผ่านแบบฟอร์มสาธารณะ"), officer);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(fields(body(future))).containsExactly("receivedOn");
        assertThat(web.statusCode()).isEqualTo(400);
        assertThat(fields(body(web))).containsExactly("channel");
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void listsTheAgencysCasesWithFilters() {
        String agency = "casework-f";
        String officer = officer(agency);
        String web = fileFor(agency);
        LocalDate march = LocalDate.of(2025, 3, 31);
        String letter = body(call("POST", "/api/complaints/cases", Map.of("channel", "LETTER",
                "receivedOn", march.toString(), "category", "OTHER",
                "details", "หนังสือร้องเรียนฉบับลงวันที่ 31 มีนาคม 2568"), officer)).get("caseId").asString();
        fileFor("casework-other");
        move(web, officer, Map.of("to", "UNDER_REVIEW", "reason", "ตรวจสอบ"));

        assertThat(ids(call("GET", "/api/complaints/cases", null, officer))).containsExactly(web, letter);
        assertThat(ids(call("GET", "/api/complaints/cases?status=UNDER_REVIEW", null, officer))).containsExactly(web);
        assertThat(ids(call("GET", "/api/complaints/cases?channel=LETTER", null, officer))).containsExactly(letter);
        assertThat(ids(call("GET", "/api/complaints/cases?category=CORRUPTION", null, officer))).containsExactly(web);
        assertThat(ids(call("GET", "/api/complaints/cases?month=2025-03", null, officer))).containsExactly(letter);
        assertThat(ids(call("GET", "/api/complaints/cases?month=2025-04", null, officer))).isEmpty();
        JsonNode page = body(call("GET", "/api/complaints/cases?size=1&page=1", null, officer));
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        // A row shows the first words of the details as its summary (docs/complaints.md, "The officer's queue"),
        // never the details field, notes or identity.
        assertThat(page.get("items").get(0).has("details")).isFalse();
        assertThat(page.get("items").get(0).get("summary").asString()).isEqualTo("หนังสือร้องเรียนฉบับลงวันที่ 31 มีนาคม 2568");
        HttpResponse<String> badMonth = call("GET", "/api/complaints/cases?month=2568-13", null, officer);
        assertThat(badMonth.statusCode()).isEqualTo(400);
    }

    @Test
    void setsTheDivisionWithAnEvent() {
        String agency = "casework-g";
        String caseId = fileFor(agency);
        String officer = officer(agency);
        assertThat(call("PUT", "/api/complaints/cases/" + caseId + "/division", Map.of("division", "NOPE"), officer)
                .statusCode()).isEqualTo(400);
        assertThat(call("PUT", "/api/complaints/cases/" + caseId + "/division", Map.of("division", "WORKS"), officer)
                .statusCode()).isEqualTo(200);
        JsonNode updated = eventsOf(agency, caseId, 2).get(1);
        assertThat(updated.get("type").asString()).isEqualTo("complaint.updated.v1");
        assertThat(updated.at("/data/division").asString()).isEqualTo("WORKS");
    }

    private List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        body(response).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
