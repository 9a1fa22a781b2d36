package th.integrity.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.testkit.TestIssuer;
import th.integrity.contracts.GoldenEvents;

/**
 * What complaints-service publishes on {@code complaints.v1} is, event type by event type, the golden CloudEvent
 * of {@code contracts/complaints.v1/} that stats-service's reader tests read too: same attributes, same source and
 * type, same data fields and nesting, same values. A field renamed, added or dropped fails here.
 *
 * <p>Compared by shape only, because they differ on every run: the event {@code id} (UUID), {@code time} (ISO
 * instant) and {@code traceparent} (W3C); the case id ({@code subject}, {@code data.caseId}: UUID); and the
 * instants in data ({@code receivedAt}, {@code statusChangedAt}, {@code dueAt}: ISO instant, or {@code null} where
 * the golden has {@code null}); an identity request's id and times likewise; the sequence of the case number
 * ({@code data.caseNumber}: {@code วท NNNN/25NN}). Everything else must be equal.
 */
class EventContractTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";

    static final Map<String, Pattern> PER_RUN = Map.ofEntries(
            Map.entry("/id", GoldenEvents.UUID),
            Map.entry("/time", GoldenEvents.INSTANT),
            Map.entry("/traceparent", GoldenEvents.TRACEPARENT),
            Map.entry("/subject", GoldenEvents.UUID),
            Map.entry("/data/caseId", GoldenEvents.UUID),
            Map.entry("/data/receivedAt", GoldenEvents.INSTANT),
            Map.entry("/data/statusChangedAt", GoldenEvents.INSTANT),
            Map.entry("/data/concludedAt", GoldenEvents.INSTANT),
            Map.entry("/data/dueAt", GoldenEvents.INSTANT),
            // The sequence depends on how many complaints the shared context filed before; prefix and format do not.
            Map.entry("/data/caseNumber", Pattern.compile("วท \\d{4,}/25\\d\\d")),
            Map.entry("/data/referredAt", GoldenEvents.INSTANT),
            Map.entry("/data/requestId", GoldenEvents.UUID),
            Map.entry("/data/requestedAt", GoldenEvents.INSTANT),
            Map.entry("/data/decidedAt", GoldenEvents.INSTANT),
            Map.entry("/data/expiresAt", GoldenEvents.INSTANT));

    @Test
    void everyEventTypeIsPublishedExactlyAsItsGoldenFile() {
        // A confidential web complaint (submitted), taken under review (status-changed), given a division (updated);
        // one officer's identity request declined, another's approved and the identity read under it.
        String caseId = caseIdOf(file(Map.of("agency", AGENCY, "category", "CORRUPTION", "subcategory",
                "FALSE_CLAIMS", "details", "มีการเบิกค่าล่วงเวลาโดยไม่ได้มาปฏิบัติงานจริงในวันหยุด",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", "สมหญิง ผู้แจ้ง", "phone", "081-234-5678"))));
        String officer = officer(AGENCY);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/transitions",
                Map.of("to", "UNDER_REVIEW", "reason", "เริ่มตรวจสอบข้อเท็จจริง"), officer).statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/complaints/cases/" + caseId + "/division", Map.of("division", "WORKS"), officer)
                .statusCode()).isEqualTo(200);
        String colleague = TestIssuer.shared().builder("colleague-" + AGENCY).agency(AGENCY).roles("OFFICER")
                .secondFactor().sign();
        HttpResponse<String> asked = call("POST", "/api/complaints/cases/" + caseId + "/identity-requests",
                Map.of("reason", "ต้องสอบถามข้อเท็จจริงจากผู้ร้องโดยตรง"), colleague);
        assertThat(call("POST", "/api/complaints/identity-requests/" + body(asked).get("id").asString() + "/decline",
                Map.of("note", "ให้ติดต่อผ่านระบบติดตามเรื่องก่อน"),
                TestIssuer.shared().builder("head-" + AGENCY).agency(AGENCY).roles("HEAD").secondFactor().sign())
                .statusCode()).isEqualTo(200);
        approvedIdentityRequest(AGENCY, caseId, officer);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/identity",
                Map.of("reason", "ต้องสอบถามข้อเท็จจริงจากผู้ร้องโดยตรง"), officer).statusCode()).isEqualTo(200);

        List<JsonNode> events = eventsOf(AGENCY, caseId, 8);

        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly(ComplaintSnapshot.SUBMITTED, ComplaintSnapshot.STATUS_CHANGED, ComplaintSnapshot.UPDATED,
                        "identity-request.requested.v1", "identity-request.declined.v1",
                        "identity-request.requested.v1", "identity-request.approved.v1",
                        "identity-request.revealed.v1");
        GoldenEvents.assertMatchContract(GoldenEvents.COMPLAINTS_V1, events, PER_RUN);
        for (JsonNode event : events) {
            assertThat(event.path("subject").asString()).isEqualTo(caseId);
            assertThat(event.at("/data/caseId").asString()).isEqualTo(caseId);
            assertThat(event.toString()).as("no identity, no person, no reason").doesNotContain("สมหญิง")
                    .doesNotContain("5678").doesNotContain("head-" + AGENCY).doesNotContain("colleague")
                    .doesNotContain("ข้อเท็จจริง");
        }
    }
}
