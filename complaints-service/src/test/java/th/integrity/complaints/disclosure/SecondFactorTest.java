package th.integrity.complaints.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 §2: asking for, approving, declining and reading a reporter's identity need a token that shows a second
 * factor ({@code acr} "mfa" or an {@code amr} holding "otp"); a stolen password alone reveals nobody. Every other
 * shape of token — no claim, a lower level, a password method only, the claims of the wrong JSON type, a machine's
 * client-credentials token — is refused with 401 {@code second-factor-required} and the RFC 9470 challenge, and
 * changes nothing. Casework itself still works with a password-only sign-in.
 */
class SecondFactorTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final String REASON = "ต้องนัดผู้ร้องมาให้ถ้อยคำเพิ่มเติมเรื่องการเรียกรับเงิน";

    /** Tokens of one officer that do not show a second factor, by what is wrong with them. */
    private static Map<String, String> withoutSecondFactor(String subject, String role) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no acr, no amr", person(subject, role).sign());
        tokens.put("acr of a lower level", person(subject, role).claim("acr", "1").sign());
        tokens.put("acr pwd", person(subject, role).claim("acr", "pwd").sign());
        tokens.put("amr [pwd]", person(subject, role).rawClaim("amr", List.of("pwd")).sign());
        tokens.put("amr [pwd, kba]", person(subject, role).rawClaim("amr", List.of("pwd", "kba")).sign());
        tokens.put("acr an array", person(subject, role).rawClaim("acr", List.of("mfa")).sign());
        tokens.put("acr a number", person(subject, role).rawClaim("acr", 2).sign());
        tokens.put("amr a string", person(subject, role).rawClaim("amr", "otp").sign());
        tokens.put("amr an object", person(subject, role).rawClaim("amr", Map.of("otp", true)).sign());
        tokens.put("acr MFA in capitals", person(subject, role).claim("acr", "MFA").sign());
        // client credentials: no person signed in, the client is the subject
        tokens.put("client-credentials token", TestIssuer.shared().builder("integrity-cli").agency(AGENCY)
                .roles(role).claim("client_id", "integrity-cli").claim("azp", "integrity-cli").sign());
        return tokens;
    }

    private static TestIssuer.Builder person(String subject, String role) {
        return TestIssuer.shared().builder(subject).agency(AGENCY).roles(role).claim("name", "เจ้าหน้าที่ " + subject);
    }

    @Test
    void askingForAnIdentityWithoutASecondFactorIsRefusedAndAsksNothing() {
        String caseId = caseIdOf(fileConfidential());
        withoutSecondFactor("officer-2fa-ask", "OFFICER").forEach((variant, token) ->
                assertStepUp(call("POST", requests(caseId), Map.of("reason", REASON), token), variant));

        // nothing was asked: the head's queue and the officer's list hold no request of this case
        String officer = person("officer-2fa-ask", "OFFICER").sign();
        HttpResponse<String> mine = call("GET", requests(caseId), null, officer);
        assertThat(mine.statusCode()).as("casework with a password alone still works").isEqualTo(200);
        assertThat(body(mine)).isEmpty();

        // the same person, signed in with a second factor
        for (String strong : List.of(person("officer-2fa-ask", "OFFICER").secondFactor().sign(),
                person("officer-2fa-amr", "OFFICER").rawClaim("amr", List.of("pwd", "otp")).sign(),
                person("officer-2fa-acr", "OFFICER").claim("acr", "mfa").sign())) {
            HttpResponse<String> asked = call("POST", requests(caseId), Map.of("reason", REASON), strong);
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        }
    }

    @Test
    void approvingOrDecliningWithoutASecondFactorIsRefusedAndTheRequestStaysPending() {
        String caseId = caseIdOf(fileConfidential());
        String asker = person("officer-2fa-decide", "OFFICER").secondFactor().sign();
        String id = body(call("POST", requests(caseId), Map.of("reason", REASON), asker)).get("id").asString();

        withoutSecondFactor("head-2fa", "HEAD").forEach((variant, head) -> {
            assertStepUp(call("POST", decision(id, "approve"), Map.of("note", "อนุมัติ"), head), variant + " (approve)");
            assertStepUp(call("POST", decision(id, "decline"), Map.of("note", "ไม่อนุมัติ"), head),
                    variant + " (decline)");
        });
        assertThat(status(caseId, id, asker)).isEqualTo("PENDING");
        // the head's queue is not the reveal path: reading it needs no second factor
        assertThat(call("GET", "/api/complaints/identity-requests?status=PENDING", null,
                person("head-2fa", "HEAD").sign()).statusCode()).isEqualTo(200);

        HttpResponse<String> approved = call("POST", decision(id, "approve"), Map.of("note", "อนุมัติ"),
                person("head-2fa", "HEAD").secondFactor().sign());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    @Test
    void readingAnApprovedIdentityWithoutASecondFactorIsRefusedAndRecordsNoDisclosure() {
        String code = fileConfidential();
        String caseId = caseIdOf(code);
        String strong = person("officer-2fa-read", "OFFICER").secondFactor().sign();
        approvedIdentityRequest(AGENCY, caseId, strong);

        withoutSecondFactor("officer-2fa-read", "OFFICER").forEach((variant, token) ->
                assertStepUp(call("POST", identity(caseId), Map.of("reason", REASON), token), variant));
        HttpResponse<String> tracked = post("/api/complaints/track", "application/json",
                json.writeValueAsString(Map.of("trackingCode", code)));
        assertThat(tracked.body()).doesNotContain("IDENTITY_DISCLOSED");

        HttpResponse<String> revealed = call("POST", identity(caseId), Map.of("reason", REASON), strong);
        assertThat(revealed.statusCode()).as(revealed.body()).isEqualTo(200);
        assertThat(body(revealed).get("name").asString()).isEqualTo("วิภาวรรณ ผู้แจ้งเหตุ");
    }

    @Test
    void aRoleThatMayNotRevealIsToldSoNotInvitedToStepUp() {
        String caseId = caseIdOf(fileConfidential());
        HttpResponse<String> staff = call("POST", requests(caseId), Map.of("reason", REASON),
                person("staff-2fa", "STAFF").sign());
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(staff.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    private void assertStepUp(HttpResponse<String> response, String variant) {
        assertThat(response.statusCode()).as(variant + ": " + response.body()).isEqualTo(401);
        JsonNode problem = body(response);
        assertThat(problem.get("type").asString()).as(variant).isEqualTo("urn:integrity:problem:second-factor-required");
        assertThat(problem.get("title").asString()).isEqualTo("Sign in again with a second factor");
        assertThat(problem.get("title_th").asString()).isEqualTo("กรุณาเข้าสู่ระบบอีกครั้งด้วยปัจจัยที่สอง");
        assertThat(problem.get("detail_th").asString()).contains("รหัส");
        assertThat(problem.get("acr_values").asString()).isEqualTo("mfa urn:integrity:acr:mfa");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(variant)
                .hasValue("Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"A second factor is required\", acr_values=\"mfa urn:integrity:acr:mfa\"");
        assertThat(response.body()).doesNotContain("วิภาวรรณ").doesNotContain("4321");
    }

    private String fileConfidential() {
        return file(Map.of("agency", AGENCY, "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "ผู้ร้องพบเห็นเจ้าหน้าที่เรียกรับเงินจากผู้ค้าแผงลอยหน้าตลาดทุกเช้า",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", "วิภาวรรณ ผู้แจ้งเหตุ", "phone", "089-765-4321")));
    }

    private String status(String caseId, String id, String officerToken) {
        for (JsonNode r : body(call("GET", requests(caseId), null, officerToken))) {
            if (r.get("id").asString().equals(id)) {
                return r.get("status").asString();
            }
        }
        throw new AssertionError("no request " + id);
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
}
