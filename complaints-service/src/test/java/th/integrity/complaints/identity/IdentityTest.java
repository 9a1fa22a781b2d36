package th.integrity.complaints.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.audit.IdentityReveal;

/**
 * A confidential reporter's identity: sealed at rest, masked on the case, revealed only under the head's approval
 * and with an audited reason.
 */
class IdentityTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final String NAME = "สมชาย ใจดีมาก";
    private static final String PHONE = "081-234-5678";
    private static final String EMAIL = "somchai.reporter@example.com";

    private String fileConfidential() {
        return file(Map.of("agency", AGENCY, "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "เจ้าหน้าที่ฝ่ายโยธาเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้างอาคาร",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", NAME, "phone", PHONE, "email", EMAIL)));
    }

    @Test
    void theIdentityIsNotReadableInTheStoredDocumentNorInEvents() {
        String code = fileConfidential();
        Document stored = storedByCode(code);

        String raw = stored.toJson();
        assertThat(raw).doesNotContain("สมชาย").doesNotContain("ใจดี").doesNotContain("0812345678")
                .doesNotContain("234-5678").doesNotContain("5678").doesNotContain("somchai").doesNotContain("example.com");
        Document identity = stored.get("reporter", Document.class).get("identity", Document.class);
        assertThat(stored.get("reporter", Document.class).getString("mode")).isEqualTo("CONFIDENTIAL");
        // sealed under the case's own data key, which is itself sealed under the configured key
        assertThat(identity.getString("keyId")).isEqualTo(IdentityCipher.CASE_KEY);
        assertThat(mongo.findById(stored.getString("_id"), Document.class, "case_keys").get("wrapped", Document.class)
                .getString("keyId")).isEqualTo(properties.identity().keyId());
        assertThat(identity.getString("ciphertext")).isNotBlank();

        List<JsonNode> events = eventsOf(AGENCY, stored.getString("_id"), 1);
        assertThat(events.get(0).toString()).doesNotContain("สมชาย").doesNotContain("5678").doesNotContain("somchai")
                .doesNotContain("เรียกรับเงิน").doesNotContain(code.replace(" ", ""));
    }

    @Test
    void theCaseShowsItMaskedAndAReasonedRevealIsAudited() {
        String caseId = caseIdOf(fileConfidential());
        String officer = officer(AGENCY);

        JsonNode view = body(call("GET", "/api/complaints/cases/" + caseId, null, officer));
        assertThat(view.at("/reporter/mode").asString()).isEqualTo("CONFIDENTIAL");
        assertThat(view.at("/reporter/identity/name").asString()).isEqualTo("ส**** ใ******");
        assertThat(view.at("/reporter/identity/phone").asString()).isEqualTo("******5678");
        assertThat(view.at("/reporter/identity/email").asString()).isEqualTo("s***@example.com");
        assertThat(view.toString()).doesNotContain("สมชาย").doesNotContain("somchai");

        // no reason, no reveal
        HttpResponse<String> noReason = call("POST", "/api/complaints/cases/" + caseId + "/identity", Map.of(), officer);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("caseId").is(caseId)), IdentityReveal.class))
                .isZero();

        // a reason alone is not enough: the head must approve a request first (two-person rule)
        Map<String, String> reason = Map.of("reason", "ต้องสอบถามข้อเท็จจริงเพิ่มเติมจากผู้ร้องตามคำสั่งผู้อำนวยการเขต");
        HttpResponse<String> unapproved = call("POST", "/api/complaints/cases/" + caseId + "/identity", reason, officer);
        assertThat(unapproved.statusCode()).isEqualTo(403);
        assertThat(body(unapproved).get("type").asString())
                .isEqualTo("urn:integrity:problem:identity-approval-required");
        assertThat(unapproved.body()).doesNotContain("สมชาย").doesNotContain("somchai");
        String requestId = approvedIdentityRequest(AGENCY, caseId, officer);

        HttpResponse<String> revealed = call("POST", "/api/complaints/cases/" + caseId + "/identity", reason, officer);
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode identity = body(revealed);
        assertThat(identity.get("name").asString()).isEqualTo(NAME);
        assertThat(identity.get("phone").asString()).isEqualTo(PHONE);
        assertThat(identity.get("email").asString()).isEqualTo(EMAIL);

        // HEAD reads the audit log; an officer may not; a head of another agency sees nothing of it
        String head = token("head", AGENCY, "HEAD");
        JsonNode log = body(call("GET", "/api/complaints/audit/identity-reveals?caseId=" + caseId, null, head));
        assertThat(log.get("total").asLong()).isEqualTo(1);
        JsonNode entry = log.get("items").get(0);
        assertThat(entry.get("officer").asString()).isEqualTo("officer-" + AGENCY);
        assertThat(entry.get("reason").asString()).contains("ผู้อำนวยการเขต");
        assertThat(entry.get("at").asString()).isNotBlank();
        assertThat(entry.get("requestId").asString()).isEqualTo(requestId);
        assertThat(entry.get("approvedBy").asString()).isEqualTo("head-" + AGENCY);
        assertThat(call("GET", "/api/complaints/audit/identity-reveals", null, officer).statusCode()).isEqualTo(403);
        assertThat(body(call("GET", "/api/complaints/audit/identity-reveals?caseId=" + caseId, null,
                token("head", "bangkapi", "HEAD"))).get("total").asLong()).isZero();
    }

    @Test
    void anAnonymousCaseHasNothingToReveal() {
        String caseId = caseIdOf(file(Map.of("agency", AGENCY, "category", "OTHER",
                "details", "มีการจอดรถราชการไว้หน้าบ้านพักส่วนตัวทุกวันหยุด", "reporter", Map.of("mode", "ANONYMOUS"))));

        HttpResponse<String> response = call("POST", "/api/complaints/cases/" + caseId + "/identity",
                Map.of("reason", "ทดสอบการเปิดเผยตัวตนผู้ร้อง"), officer(AGENCY));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:integrity:problem:no-identity");
    }

    @Test
    void refusesAConfidentialReportWithoutANameAndAnAnonymousOneWithAPhone() {
        long before = storedComplaints();
        HttpResponse<String> noName = post("/api/complaints", "application/json", json.writeValueAsString(Map.of(
                "agency", AGENCY, "category", "OTHER", "details", "x".repeat(30),
                "reporter", Map.of("mode", "CONFIDENTIAL", "phone", "not a phone"))));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(fields(body(noName)))
                .containsExactly("reporter.name", "reporter.phone");

        HttpResponse<String> anonymousWithPhone = post("/api/complaints", "application/json", json.writeValueAsString(
                Map.of("agency", AGENCY, "category", "OTHER", "details", "x".repeat(30),
                        "reporter", Map.of("mode", "ANONYMOUS", "phone", "0812345678"))));
        assertThat(anonymousWithPhone.statusCode()).isEqualTo(400);
        assertThat(body(anonymousWithPhone).get("errors").get(0).get("field").asString()).isEqualTo("reporter.mode");
        assertThat(storedComplaints()).isEqualTo(before);
    }
}
