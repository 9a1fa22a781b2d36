package th.integrity.complaints.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import th.integrity.complaints.IntegrationTestSupport;

/** Casework is for OFFICERs of the case's own agency; everyone else is refused, and another agency's case does not exist. */
class CaseAccessTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";

    private String caseId() {
        return caseIdOf(file(Map.of("agency", AGENCY, "category", "OTHER",
                "details", "มีการใช้รถราชการไปรับส่งบุตรหลานของผู้บริหาร")));
    }

    private List<HttpResponse<String>> everyEndpoint(String caseId, String token) {
        return List.of(
                call("GET", "/api/complaints/cases", null, token),
                call("GET", "/api/complaints/cases/" + caseId, null, token),
                call("POST", "/api/complaints/cases/" + caseId + "/transitions",
                        Map.of("to", "UNDER_REVIEW", "reason", "ตรวจสอบเรื่อง"), token),
                call("POST", "/api/complaints/cases/" + caseId + "/notes", Map.of("text", "บันทึก"), token),
                call("POST", "/api/complaints/cases/" + caseId + "/messages", Map.of("text", "ข้อความ"), token),
                call("PUT", "/api/complaints/cases/" + caseId + "/division", Map.of("division", "ADM"), token),
                call("POST", "/api/complaints/cases/" + caseId + "/identity", Map.of("reason", "เหตุผลในการเปิดเผยตัวตน"), token),
                call("POST", "/api/complaints/cases", Map.of("channel", "LETTER", "receivedOn", "2025-01-10",
                        "category", "OTHER", "details", "หนังสือร้องเรียนที่ส่งมาทางไปรษณีย์"), token));
    }

    @Test
    void anOfficerOfAnotherAgencyGets404AndChangesNothing() {
        String caseId = caseId();
        Document before = mongo.findById(caseId, Document.class, "complaints");
        String other = officer("bangkapi");

        List<HttpResponse<String>> responses = everyEndpoint(caseId, other).subList(1, 7);

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            JsonNode problem = body(r);
            assertThat(problem.get("type").asString()).isEqualTo("urn:integrity:problem:not-found");
            ((ObjectNode) problem).remove("instance");
            assertThat(problem.toString()).doesNotContain(caseId).doesNotContain("รถราชการ");
        });
        assertThat(mongo.findById(caseId, Document.class, "complaints").get("version")).isEqualTo(before.get("version"));
        // the same answer as for a case that does not exist at all
        ObjectNode missing = (ObjectNode) body(call("GET", "/api/complaints/cases/" + java.util.UUID.randomUUID(), null,
                officer(AGENCY)));
        ObjectNode other0 = (ObjectNode) body(responses.get(0));
        missing.remove("instance");
        other0.remove("instance");
        assertThat(missing).isEqualTo(other0);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = { "STAFF", "HEAD", "ADMIN" })
    void otherRolesOfTheSameAgencyGet403(String role) {
        String caseId = caseId();
        long before = storedComplaints();
        assertThat(everyEndpoint(caseId, token(role.toLowerCase(), AGENCY, role)))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void anonymousCallersGet401() {
        String caseId = caseId();
        assertThat(everyEndpoint(caseId, null)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(call("GET", "/api/complaints/audit/identity-reveals", null, null).statusCode()).isEqualTo(401);
    }
}
