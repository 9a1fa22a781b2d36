package th.integrity.complaints.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.contracts.GoldenEvents;

/**
 * What complaints-service publishes on {@code complaints.v1} is, event type by event type, the golden CloudEvent
 * of {@code contracts/complaints.v1/} that stats-service's reader tests read too: same attributes, same source and
 * type, same data fields and nesting, same values. A field renamed, added or dropped fails here.
 *
 * <p>Compared by shape only, because they differ on every run: the event {@code id} (UUID), {@code time} (ISO
 * instant) and {@code traceparent} (W3C); the case id ({@code subject}, {@code data.caseId}: UUID); and the
 * instants in data ({@code receivedAt}, {@code statusChangedAt}, {@code dueAt}: ISO instant, or {@code null} where
 * the golden has {@code null}). Everything else must be equal.
 */
class EventContractTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";

    static final Map<String, Pattern> PER_RUN = Map.of(
            "/id", GoldenEvents.UUID,
            "/time", GoldenEvents.INSTANT,
            "/traceparent", GoldenEvents.TRACEPARENT,
            "/subject", GoldenEvents.UUID,
            "/data/caseId", GoldenEvents.UUID,
            "/data/receivedAt", GoldenEvents.INSTANT,
            "/data/statusChangedAt", GoldenEvents.INSTANT,
            "/data/concludedAt", GoldenEvents.INSTANT,
            "/data/dueAt", GoldenEvents.INSTANT,
            "/data/referredAt", GoldenEvents.INSTANT);

    @Test
    void everyEventTypeIsPublishedExactlyAsItsGoldenFile() {
        // A web complaint (submitted), taken under review (status-changed), given a division (updated).
        String caseId = caseIdOf(file(Map.of("agency", AGENCY, "category", "CORRUPTION", "subcategory",
                "FALSE_CLAIMS", "details", "มีการเบิกค่าล่วงเวลาโดยไม่ได้มาปฏิบัติงานจริงในวันหยุด")));
        String officer = officer(AGENCY);
        assertThat(call("POST", "/api/complaints/cases/" + caseId + "/transitions",
                Map.of("to", "UNDER_REVIEW", "reason", "เริ่มตรวจสอบข้อเท็จจริง"), officer).statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/complaints/cases/" + caseId + "/division", Map.of("division", "WORKS"), officer)
                .statusCode()).isEqualTo(200);

        List<JsonNode> events = eventsOf(AGENCY, caseId, 3);

        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly(ComplaintSnapshot.SUBMITTED, ComplaintSnapshot.STATUS_CHANGED, ComplaintSnapshot.UPDATED);
        GoldenEvents.assertMatchContract(GoldenEvents.COMPLAINTS_V1, events, PER_RUN);
        for (JsonNode event : events) {
            assertThat(event.path("subject").asString()).isEqualTo(caseId);
            assertThat(event.at("/data/caseId").asString()).isEqualTo(caseId);
        }
    }
}
