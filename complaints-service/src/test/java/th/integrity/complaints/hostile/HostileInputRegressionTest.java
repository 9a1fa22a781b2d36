package th.integrity.complaints.hostile;

import th.integrity.testkit.Hostile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import th.integrity.complaints.IntegrationTestSupport;

/** Hostile bodies the property tests found accepted, kept as plain examples; and the odd ones that may pass. */
class HostileInputRegressionTest extends IntegrationTestSupport {

    private static final String VALID = """
            {"agency":"wangthonglang","category":"CORRUPTION","details":"เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาต",\
            "incidentDate":"2025-01-02","reportedElsewhere":false,"reporterStanding":"CITIZEN"}""";

    private HttpResponse<String> intake(String from, String to) {
        return post("/api/complaints", "application/json", VALID.replace(from, to));
    }

    private void refused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(body(response))).containsExactly(field);
    }

    @Test
    void anIntegerIsNotAYesOrNo() {
        long before = storedComplaints();
        refused(intake("\"reportedElsewhere\":false", "\"reportedElsewhere\":9223372036854775808"), "reportedElsewhere");
        refused(intake("\"reportedElsewhere\":false", "\"reportedElsewhere\":1"), "reportedElsewhere");
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void anArrayOrANumberIsNotADate() {
        long before = storedComplaints();
        refused(intake("\"incidentDate\":\"2025-01-02\"", "\"incidentDate\":[]"), "incidentDate");
        refused(intake("\"incidentDate\":\"2025-01-02\"", "\"incidentDate\":[2025,1,2]"), "incidentDate");
        refused(intake("\"incidentDate\":\"2025-01-02\"", "\"incidentDate\":0"), "incidentDate");
        assertThat(storedComplaints()).isEqualTo(before);
    }

    /** MongoDB would have stored it as "?": the complaint would not be what was sent. */
    @Test
    void aLoneSurrogateIsNotText() {
        long before = storedComplaints();
        for (String escape : Hostile.LONE_SURROGATE_ESCAPES) {
            refused(intake("อนุญาต\"", "อนุญาต " + escape + "\""), "details");
        }
        // a pair (an emoji written as two escapes) is text
        assertThat(intake("อนุญาต\"", "อนุญาต \\ud83d\\ude00\"").statusCode()).isEqualTo(201);
        assertThat(storedComplaints()).isEqualTo(before + 1);
    }

    /**
     * Valid but odd, accepted on purpose: Jackson's enumeration lookup trims control characters (U+0000 to
     * U+0020) around a code, and the field's own strip() takes Unicode white space off a phone number; what is
     * stored is the clean value.
     */
    @Test
    void controlCharactersAroundACodeAreTrimmedAndTheCleanCodeIsStored() {
        HttpResponse<String> response = intake("\"CITIZEN\"", "\"\\u0000CITIZEN\\u0000\"");
        assertThat(response.statusCode()).isEqualTo(201);
        String code = body(response).get("trackingCode").asString();
        assertThat(storedByCode(code).getString("reporterStanding")).isEqualTo("CITIZEN");
    }
}
