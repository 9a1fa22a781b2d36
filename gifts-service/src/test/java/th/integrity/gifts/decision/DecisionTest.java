package th.integrity.gifts.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.testkit.TestIssuer;
import th.integrity.gifts.IntegrationTestSupport;

/** The head's queue and decisions: oldest first, days left, overdue, one decision only, own agency only. */
class DecisionTest extends IntegrationTestSupport {

    private final String head = TestIssuer.shared().token("head-" + UUID.randomUUID(), AGENCY, "HEAD");

    private String needingDecision(String offeredOn, String giver) {
        HttpResponse<String> response = declare(newStaff(), gift("4000.00", "KEPT",
                Map.of("offeredOn", offeredOn, "giver.name", giver)));
        assertThat(body(response).at("/evaluation/outcome").asString()).isEqualTo("NEEDS_DECISION");
        return body(response).path("id").asString();
    }

    private HttpResponse<String> decide(String id, String token, String decision) {
        return post("/api/gifts/declarations/" + id + "/decision",
                json.writeValueAsString(Map.of("decision", decision, "note", "ให้ส่งมอบเป็นทรัพย์สินของทางราชการ")), token);
    }

    @Test
    void theQueueIsOldestFirstWithDaysLeftAndOverdueFlagged() {
        String overdue = needingDecision(today().minusDays(35).toString(), "ผู้ให้เก่า");
        String recent = needingDecision(today().minusDays(2).toString(), "ผู้ให้ใหม่");

        JsonNode queue = body(get("/api/gifts/decisions/pending", head));
        List<String> ids = queue.findValuesAsString("id");
        assertThat(ids).contains(overdue, recent);
        assertThat(ids.indexOf(overdue)).isLessThan(ids.indexOf(recent));
        for (JsonNode entry : queue) {
            if (entry.path("id").asString().equals(overdue)) {
                assertThat(entry.path("daysLeft").asLong()).isEqualTo(-5);
                assertThat(entry.path("overdue").asBoolean()).isTrue();
                assertThat(entry.path("declaredLate").asBoolean()).isTrue();
            }
            if (entry.path("id").asString().equals(recent)) {
                assertThat(entry.path("daysLeft").asLong()).isEqualTo(28);
                assertThat(entry.path("overdue").asBoolean()).isFalse();
                assertThat(entry.path("decisionDueOnTh").asString()).endsWith(String.valueOf(today().plusDays(28).getYear() + 543));
            }
        }
    }

    @Test
    void aSecondDecisionIsRefused() {
        String id = needingDecision(today().minusDays(3).toString(), "ผู้ให้ " + UUID.randomUUID());

        HttpResponse<String> first = decide(id, head, "HAND_TO_AGENCY");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(body(first).path("version").asInt()).isEqualTo(2);
        assertThat(body(first).path("status").asString()).isEqualTo("DECIDED");
        assertThat(body(first).at("/decision/decision").asString()).isEqualTo("HAND_TO_AGENCY");

        HttpResponse<String> second = decide(id, head, "MAY_KEEP");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(body(second).path("type").asString()).isEqualTo("urn:integrity:problem:gift-already-decided");
        assertThat(body(second).path("detail_th").asString()).isNotBlank();
        assertThat(body(get("/api/gifts/decisions/pending", head)).findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void aDecidedDeclarationCannotBeCorrected() {
        String staff = TestIssuer.shared().token("u-" + UUID.randomUUID(), AGENCY, "STAFF");
        String id = body(declare(staff, gift("4000.00", "KEPT", Map.of()))).path("id").asString();
        decide(id, head, "MUST_RETURN");
        HttpResponse<String> correction = post("/api/gifts/declarations/" + id + "/corrections",
                json.writeValueAsString(gift("100.00", "KEPT", Map.of())), staff);
        assertThat(correction.statusCode()).isEqualTo(409);
    }

    @Test
    void aHeadOfAnotherAgencyGets404AndStaffGet403() {
        String id = needingDecision(today().minusDays(3).toString(), "ผู้ให้ " + UUID.randomUUID());
        String otherHead = TestIssuer.shared().token("head-x", "huaikhwang", "HEAD");

        HttpResponse<String> crossAgency = decide(id, otherHead, "MAY_KEEP");
        assertThat(crossAgency.statusCode()).isEqualTo(404);
        assertThat(body(get("/api/gifts/decisions/pending", otherHead)).findValuesAsString("id")).doesNotContain(id);

        HttpResponse<String> staff = decide(id, newStaff(), "MAY_KEEP");
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(get("/api/gifts/decisions/pending", newStaff()).statusCode()).isEqualTo(403);
        assertThat(decide(id, head, "MAY_KEEP").statusCode()).isEqualTo(200);
    }

    @Test
    void aHeadDoesNotDecideOnTheirOwnDeclarationNorOnOneThatNeedsNoDecision() {
        String ownHead = TestIssuer.shared().token("head-" + UUID.randomUUID(), AGENCY, "HEAD");
        String own = body(declare(ownHead, gift("4000.00", "KEPT", Map.of()))).path("id").asString();
        assertThat(decide(own, ownHead, "MAY_KEEP").statusCode()).isEqualTo(403);

        String allowed = body(declare(newStaff(), gift("100.00", "KEPT", Map.of()))).path("id").asString();
        HttpResponse<String> response = decide(allowed, head, "MAY_KEEP");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(body(response).path("type").asString()).isEqualTo("urn:integrity:problem:gift-no-decision-needed");
    }

    @Test
    void aBadDecisionIsA400() {
        String id = needingDecision(today().minusDays(3).toString(), "ผู้ให้ " + UUID.randomUUID());
        HttpResponse<String> response = post("/api/gifts/declarations/" + id + "/decision", "{\"note\":\"x\"}", head);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).at("/errors/0/field").asString()).isEqualTo("decision");
        assertThat(body(response).at("/errors/0/message_th").asString()).contains("คำวินิจฉัย");
    }
}
