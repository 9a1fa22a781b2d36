package th.integrity.complaints.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's two-person rule, through the API: an officer asks with a reason, the head of the agency — never the
 * same person — approves or declines with a note, only the requesting officer reads the identity and only while the
 * approval lasts; every step is recorded and published without naming anyone, and the reporter is told.
 */
class DisclosureTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final String NAME = "วิภาวรรณ ผู้แจ้งเหตุ";
    private static final String PHONE = "089-765-4321";
    private static final String REASON = "ต้องนัดผู้ร้องมาให้ถ้อยคำเพิ่มเติมเรื่องการเรียกรับเงิน";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theHeadApprovesAndOnlyTheRequestingOfficerReadsTheIdentityWhileTheApprovalLasts() {
        String code = fileConfidential();
        String caseId = caseIdOf(code);
        String asker = officerNamed("asker");
        String colleague = officerNamed("colleague");
        String head = head("head-approver");

        HttpResponse<String> asked = call("POST", requests(caseId), Map.of("reason", REASON), asker);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode request = body(asked);
        assertThat(request.get("status").asString()).isEqualTo("PENDING");
        assertThat(asked.body()).doesNotContain("วิภาวรรณ").doesNotContain("4321");
        String id = request.get("id").asString();

        // the head's queue: case, requesting officer, reason and age — still no identity
        HttpResponse<String> queue = call("GET", "/api/complaints/identity-requests?status=PENDING", null, head);
        JsonNode item = find(body(queue), id);
        assertThat(item.get("caseId").asString()).isEqualTo(caseId);
        assertThat(item.get("requesterName").asString()).isEqualTo("เจ้าหน้าที่ asker");
        assertThat(item.get("reason").asString()).isEqualTo(REASON);
        assertThat(item.get("ageHours").asLong()).isZero();
        assertThat(queue.body()).doesNotContain("วิภาวรรณ").doesNotContain("4321");

        // asked is not approved; a second pending request of the same officer is refused
        assertRefused(call("POST", identity(caseId), Map.of("reason", REASON), asker), 403, "identity-approval-required");
        assertRefused(call("POST", requests(caseId), Map.of("reason", REASON), asker), 409, "identity-request-open");

        HttpResponse<String> approved = call("POST", decision(id, "approve"), Map.of("note", "อนุมัติเฉพาะการนัดหมาย"), head);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode decided = body(approved);
        assertThat(decided.get("status").asString()).isEqualTo("APPROVED");
        assertThat(Duration.between(Instant.parse(decided.get("decidedAt").asString()),
                Instant.parse(decided.get("expiresAt").asString()))).isEqualTo(Duration.ofHours(24));
        // decided once: neither a second approval nor a late decline changes it
        assertRefused(call("POST", decision(id, "approve"), Map.of(), head("head-second")), 409, "identity-request-decided");
        assertRefused(call("POST", decision(id, "decline"), Map.of("note", "ไม่อนุมัติ"), head), 409,
                "identity-request-decided");

        // only the officer whose request was approved
        assertRefused(call("POST", identity(caseId), Map.of("reason", REASON), colleague), 403, "identity-approval-required");
        HttpResponse<String> revealed = call("POST", identity(caseId), Map.of("reason", REASON), asker);
        assertThat(revealed.statusCode()).as(revealed.body()).isEqualTo(200);
        assertThat(body(revealed).get("name").asString()).isEqualTo(NAME);
        assertThat(body(revealed).get("phone").asString()).isEqualTo(PHONE.replace("-", "")); // stored digits-only

        // and only while the approval lasts
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertRefused(call("POST", identity(caseId), Map.of("reason", REASON), asker), 403, "identity-approval-required");
    }

    @Test
    void nobodyDecidesTheirOwnRequestEvenHoldingBothRoles() {
        String caseId = caseIdOf(fileConfidential());
        String acting = TestIssuer.shared().builder("acting-head-" + UUID.randomUUID()).agency(AGENCY)
                .roles("OFFICER", "HEAD").claim("name", "รักษาการ ผู้อำนวยการ").secondFactor().sign();
        String id = body(call("POST", requests(caseId), Map.of("reason", REASON), acting)).get("id").asString();

        assertRefused(call("POST", decision(id, "approve"), Map.of(), acting), 403, "own-identity-request");
        assertRefused(call("POST", identity(caseId), Map.of("reason", REASON), acting), 403, "identity-approval-required");
        assertThat(status(caseId, id, acting)).isEqualTo("PENDING");

        assertThat(call("POST", decision(id, "approve"), Map.of(), head("head-other")).statusCode()).isEqualTo(200);
        assertThat(call("POST", identity(caseId), Map.of("reason", REASON), acting).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeclineCarriesANoteThatTheRequestingOfficerReads() {
        String caseId = caseIdOf(fileConfidential());
        String asker = officerNamed("declined");
        String id = body(call("POST", requests(caseId), Map.of("reason", REASON), asker)).get("id").asString();

        HttpResponse<String> noNote = call("POST", decision(id, "decline"), Map.of(), head("head-decliner"));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(fields(body(noNote))).containsExactly("note");
        assertThat(status(caseId, id, asker)).isEqualTo("PENDING");

        String note = "ยังไม่จำเป็น ให้ติดต่อผ่านระบบติดตามเรื่องก่อน";
        assertThat(call("POST", decision(id, "decline"), Map.of("note", note), head("head-decliner")).statusCode())
                .isEqualTo(200);
        JsonNode mine = body(call("GET", requests(caseId), null, asker)).get(0);
        assertThat(mine.get("status").asString()).isEqualTo("DECLINED");
        assertThat(mine.get("note").asString()).isEqualTo(note);
        assertThat(mine.get("statusTh").asString()).isEqualTo("ไม่อนุมัติ");
        assertRefused(call("POST", identity(caseId), Map.of("reason", REASON), asker), 403, "identity-approval-required");
        // declined, the officer may ask again with a better reason
        assertThat(call("POST", requests(caseId), Map.of("reason", REASON + " ภายในสัปดาห์นี้"), asker).statusCode())
                .isEqualTo(202);
    }

    @Test
    void ofTwoHeadsDecidingAtOnceExactlyOneWins() throws Exception {
        String caseId = caseIdOf(fileConfidential());
        String asker = officerNamed("race");
        List<Integer> outcomes = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            String id = body(call("POST", requests(caseId), Map.of("reason", REASON), asker)).get("id").asString();
            List<Callable<Integer>> decisions = List.of(
                    () -> call("POST", decision(id, "approve"), Map.of(), head("head-a")).statusCode(),
                    () -> call("POST", decision(id, "decline"), Map.of("note", "ไม่อนุมัติ"), head("head-b")).statusCode());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Integer> both = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(decisions)) {
                    both.add(f.get());
                }
                assertThat(both).as("round %d", round).containsExactlyInAnyOrder(200, 409);
                outcomes.addAll(both);
            } finally {
                pool.shutdown();
            }
        }
        assertThat(outcomes).hasSize(10);
    }

    @Test
    void eventsNameNobodyAndCarryNoIdentityNorReason() {
        String caseId = caseIdOf(fileConfidential());
        String asker = officerNamed("events");
        approvedIdentityRequest(AGENCY, caseId, asker);
        assertThat(call("POST", identity(caseId), Map.of("reason", REASON), asker).statusCode()).isEqualTo(200);

        List<JsonNode> events = eventsOf(AGENCY, caseId, 4);
        List<String> types = events.stream().map(e -> e.get("type").asString()).toList();
        assertThat(types).contains("identity-request.requested.v1", "identity-request.approved.v1",
                "identity-request.revealed.v1");
        for (JsonNode event : events) {
            assertThat(event.toString()).doesNotContain("วิภาวรรณ").doesNotContain("4321").doesNotContain("ผู้ร้อง")
                    .doesNotContain("officer-events").doesNotContain("head-" + AGENCY).doesNotContain("เจ้าหน้าที่");
        }
    }

    @Test
    void theReporterIsToldTheIdentityWasDisclosedWithTheHeadsApprovalButNotToWhom() {
        String code = fileConfidential();
        String caseId = caseIdOf(code);
        String asker = officerNamed("told");
        approvedIdentityRequest(AGENCY, caseId, asker);
        // approved but not yet read: nothing to tell
        assertThat(stages(code)).doesNotContain("IDENTITY_DISCLOSED");

        assertThat(call("POST", identity(caseId), Map.of("reason", REASON), asker).statusCode()).isEqualTo(200);
        HttpResponse<String> tracked = post("/api/complaints/track", "application/json",
                json.writeValueAsString(Map.of("trackingCode", code)));
        assertThat(stages(code)).containsOnlyOnce("IDENTITY_DISCLOSED");
        JsonNode stage = findStage(body(tracked), "IDENTITY_DISCLOSED");
        assertThat(stage.get("labelTh").asString()).contains("หัวหน้าหน่วยงาน");
        assertThat(stage.get("labelEn").asString()).contains("approval of the head");
        assertThat(tracked.body()).doesNotContain("officer-told").doesNotContain("เจ้าหน้าที่ told")
                .doesNotContain("head-" + AGENCY).doesNotContain(REASON);
    }

    @Test
    void theRuleIsOnForEveryAgencyButThoseConfiguredOtherwise() {
        var properties = new DisclosureProperties(Duration.ofHours(24), Set.of("huaikhwang"));
        assertThat(properties.twoPerson(AGENCY)).isTrue();
        assertThat(properties.twoPerson("huaikhwang")).isFalse();
    }

    private String fileConfidential() {
        return file(Map.of("agency", AGENCY, "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "ผู้ร้องพบเห็นเจ้าหน้าที่เรียกรับเงินจากผู้ค้าแผงลอยหน้าตลาดทุกเช้า",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", NAME, "phone", PHONE)));
    }

    private static String officerNamed(String who) {
        return TestIssuer.shared().builder("officer-" + who).agency(AGENCY).roles("OFFICER")
                .claim("name", "เจ้าหน้าที่ " + who).secondFactor().sign();
    }

    private static String head(String subject) {
        return TestIssuer.shared().builder(subject).agency(AGENCY).roles("HEAD").claim("name", "ผู้อำนวยการเขต").secondFactor()
                .sign();
    }

    private static String requests(String caseId) {
        return "/api/complaints/cases/" + caseId + "/identity-requests";
    }

    private static String identity(String caseId) {
        return "/api/complaints/cases/" + caseId + "/identity";
    }

    private static String decision(String id, String verb) {
        return "/api/complaints/identity-requests/" + id + "/" + verb;
    }

    private String status(String caseId, String id, String officerToken) {
        for (JsonNode r : body(call("GET", requests(caseId), null, officerToken))) {
            if (r.get("id").asString().equals(id)) {
                return r.get("status").asString();
            }
        }
        throw new AssertionError("request " + id + " not among the officer's");
    }

    private List<String> stages(String code) {
        JsonNode progress = body(post("/api/complaints/track", "application/json",
                json.writeValueAsString(Map.of("trackingCode", code))));
        List<String> names = new ArrayList<>();
        progress.get("stages").forEach(s -> names.add(s.get("stage").asString()));
        return names;
    }

    private static JsonNode findStage(JsonNode progress, String name) {
        for (JsonNode s : progress.get("stages")) {
            if (s.get("stage").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name + " not in " + progress);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode r : list) {
            if (r.get("id").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private void assertRefused(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:integrity:problem:" + type);
        assertThat(response.body()).doesNotContain("วิภาวรรณ").doesNotContain("4321");
    }
}
