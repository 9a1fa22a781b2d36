package th.integrity.gifts.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.gifts.IntegrationTestSupport;

/**
 * A head's own declaration is never decided in her agency: not in her queue nor a peer head's, refused with a
 * problem naming who decides it, and decided by the head of the office configured above (the default for a
 * district: {@code bma}, the Permanent Secretary for the BMA).
 */
class HeadsOwnDeclarationTest extends IntegrationTestSupport {

    private static final String ABOVE = "bma";

    private final String head = token("head-" + UUID.randomUUID(), AGENCY, "HEAD");

    private String headsDeclaration(String headToken) {
        HttpResponse<String> response = declare(headToken, gift("4000.00", "KEPT",
                Map.of("giver.name", "ผู้ให้ " + UUID.randomUUID())));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body(response).at("/evaluation/outcome").asString()).isEqualTo("NEEDS_DECISION");
        assertThat(body(response).at("/declarant/head").asBoolean()).isTrue();
        return body(response).path("id").asString();
    }

    private HttpResponse<String> decide(String id, String token) {
        return post("/api/gifts/declarations/" + id + "/decision",
                json.writeValueAsString(Map.of("decision", "HAND_TO_AGENCY", "note", "ให้ส่งมอบเป็นทรัพย์สินของทางราชการ")), token);
    }

    private java.util.List<String> queue(String token) {
        HttpResponse<String> response = get("/api/gifts/decisions/pending", token);
        assertThat(response.statusCode()).isEqualTo(200);
        return body(response).findValuesAsString("id");
    }

    @Test
    void theHeadsOwnDeclarationIsNotInHerQueueAndHerDecisionIsRefusedNamingTheDeciderAbove() {
        String own = headsDeclaration(head);

        assertThat(queue(head)).doesNotContain(own);
        HttpResponse<String> refused = decide(own, head);
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode problem = body(refused);
        assertThat(problem.path("type").asString()).isEqualTo("urn:integrity:problem:gift-own-declaration");
        assertThat(problem.path("detail").asString()).contains("Permanent Secretary for the BMA");
        assertThat(problem.path("detail_th").asString()).contains("ปลัดกรุงเทพมหานคร");
        assertThat(body(get("/api/gifts/declarations/" + own, head)).path("status").asString())
                .isEqualTo("AWAITING_DECISION");

        // What the UI says instead of a form: who decides, from the reference data of her agency.
        JsonNode reference = body(get("/api/gifts/reference", head));
        assertThat(reference.at("/deciderAbove/agency").asString()).isEqualTo(ABOVE);
        assertThat(reference.at("/deciderAbove/titleTh").asString()).isEqualTo("ปลัดกรุงเทพมหานคร");
    }

    @Test
    void anotherHeadOfTheSameAgencyNeitherSeesNorDecidesIt() {
        String own = headsDeclaration(head);
        String peer = token("head-" + UUID.randomUUID(), AGENCY, "HEAD");

        assertThat(queue(peer)).doesNotContain(own);
        HttpResponse<String> refused = decide(own, peer);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(body(refused).path("type").asString()).isEqualTo("urn:integrity:problem:gift-decided-above");
        assertThat(body(refused).path("detail_th").asString()).contains("ปลัดกรุงเทพมหานคร");
        // ... while a staff member's declaration is still hers to decide.
        String staffs = body(declare(newStaff(), gift("4000.00", "KEPT", Map.of()))).path("id").asString();
        assertThat(queue(head)).contains(staffs);
    }

    @Test
    void theDeciderAboveSeesItAndDecidesIt() {
        String own = headsDeclaration(head);
        String above = token("ps-" + UUID.randomUUID(), ABOVE, "HEAD");

        JsonNode entry = null;
        for (JsonNode e : body(get("/api/gifts/decisions/pending", above))) {
            if (e.path("id").asString().equals(own)) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("agency").asString()).isEqualTo(AGENCY);
        assertThat(entry.path("agencyNameTh").asString()).isEqualTo("สำนักงานเขตวังทองหลาง");
        assertThat(entry.path("fromBelow").asBoolean()).isTrue();

        HttpResponse<String> decided = decide(own, above);
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(body(decided).path("status").asString()).isEqualTo("DECIDED");
        assertThat(body(decided).path("agency").asString()).isEqualTo(AGENCY);
        assertThat(queue(above)).doesNotContain(own);
        assertThat(body(get("/api/gifts/declarations/" + own, head)).path("status").asString()).isEqualTo("DECIDED");
        assertThat(decide(own, above).statusCode()).isEqualTo(409);
    }

    @Test
    void theOfficeAboveDecidesOnlyTheHeadsDeclarationsAndOnlyItsHeadDoes() {
        String own = headsDeclaration(head);
        String staffs = body(declare(newStaff(), gift("4000.00", "KEPT", Map.of()))).path("id").asString();
        String above = token("ps-" + UUID.randomUUID(), ABOVE, "HEAD");

        // A staff member's declaration stays in the district: the office above neither sees nor decides it.
        assertThat(queue(above)).doesNotContain(staffs);
        assertThat(decide(staffs, above).statusCode()).isEqualTo(404);
        // Not the office's staff or officers, nor a head of another district.
        assertThat(decide(own, token("s-" + UUID.randomUUID(), ABOVE, "STAFF")).statusCode()).isEqualTo(403);
        assertThat(decide(own, token("o-" + UUID.randomUUID(), ABOVE, "OFFICER")).statusCode()).isEqualTo(403);
        String otherDistrict = token("head-" + UUID.randomUUID(), "huaikhwang", "HEAD");
        assertThat(queue(otherDistrict)).doesNotContain(own);
        assertThat(decide(own, otherDistrict).statusCode()).isEqualTo(404);
        assertThat(body(get("/api/gifts/declarations/" + own, head)).path("status").asString())
                .isEqualTo("AWAITING_DECISION");
    }

    @Test
    void aHeadCannotPassHerDeclarationOffAsSomeoneElses() {
        Map<String, Object> body = new LinkedHashMap<>(gift("4000.00", "KEPT", Map.of()));
        body.put("declarant", Map.of("subject", "staff", "username", "staff", "name", "นางสาวสมใจ ใจดี", "head", false));
        body.put("head", false);
        HttpResponse<String> response = declare(head, body);
        if (response.statusCode() == 201) {
            JsonNode saved = body(response);
            assertThat(saved.at("/declarant/head").asBoolean()).isTrue();
            assertThat(saved.at("/declarant/subject").asString()).isNotEqualTo("staff");
            assertThat(queue(head)).doesNotContain(saved.path("id").asString());
        } else {
            assertThat(response.statusCode()).isEqualTo(400);
        }
    }
}
