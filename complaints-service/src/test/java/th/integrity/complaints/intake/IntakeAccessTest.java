package th.integrity.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.TestHttp;
import th.integrity.testkit.TestIssuer;

/** Filing a complaint is open to anyone: anonymous callers and signed-in users of every role alike. */
class IntakeAccessTest extends IntegrationTestSupport {

    private String body() {
        return json.writeValueAsString(Map.of("agency", "wangthonglang", "category", "MISCONDUCT",
                "details", "เจ้าหน้าที่ให้บริการไม่เป็นธรรม เลือกปฏิบัติต่อผู้มาติดต่อ"));
    }

    @Test
    void anonymousMayFile() {
        assertThat(post("/api/complaints", "application/json", body()).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} may file")
    @ValueSource(strings = { "STAFF", "OFFICER", "HEAD", "ADMIN" })
    void everyRoleMayFile(String role) {
        String token = TestIssuer.shared().token(role.toLowerCase(), "wangthonglang", role);
        HttpResponse<String> response = TestHttp.post(port, "/api/complaints", "application/json", body(), token);
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void aForgedTokenIsRefusedEvenOnAPublicRoute() {
        // A token that is presented is always checked: a forged one is not quietly treated as anonymous.
        long before = storedComplaints();
        String forged = TestIssuer.shared().builder("x").agency("wangthonglang").roles("ADMIN").forged().sign();
        HttpResponse<String> response = TestHttp.post(port, "/api/complaints", "application/json", body(), forged);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(storedComplaints()).isEqualTo(before);
    }
}
