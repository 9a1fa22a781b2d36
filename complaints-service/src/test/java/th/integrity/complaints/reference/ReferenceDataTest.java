package th.integrity.complaints.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;

/** Reference data: seeded, public to read, validated against, extended and relabelled by ADMIN only. */
class ReferenceDataTest extends IntegrationTestSupport {

    private static final String THAI = ".*\\p{IsThai}.*";

    private List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(item -> codes.add(item.get("code").asString()));
        return codes;
    }

    @Test
    void servesEveryListWithThaiAndEnglishLabelsToAnyone() {
        HttpResponse<String> response = get("/api/complaints/reference");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode lists = body(response);
        assertThat(codes(lists.get("categories"))).containsExactly("CORRUPTION", "MISCONDUCT", "OTHER");
        assertThat(codes(lists.get("categories").get(0).get("subcategories"))).contains("BRIBERY", "PROCUREMENT",
                "FALSE_CLAIMS", "MISUSE_OF_PROPERTY", "ABUSE_OF_POWER", "CONFLICT_OF_INTEREST");
        assertThat(codes(lists.get("categories").get(1).get("subcategories"))).contains("UNFAIR_SERVICE",
                "PROCEDURE_OR_DELAY", "UNLAWFUL_ORDER", "PERSONNEL_FAVOURITISM");
        assertThat(codes(lists.get("channels"))).containsExactly("WEB", "WALK_IN", "LETTER", "PHONE", "HOTLINE_1555",
                "TRAFFY_FONDUE", "EMAIL", "OTHER");
        assertThat(codes(lists.get("divisions"))).hasSizeGreaterThanOrEqualTo(10).contains("ADM", "REG", "WORKS", "ENF");
        assertThat(codes(lists.get("statuses"))).hasSize(7);
        assertThat(codes(lists.get("closureReasons"))).containsExactly("DUPLICATE", "OUTSIDE_JURISDICTION",
                "TOO_LITTLE_DETAIL", "WITHDRAWN");
        assertThat(codes(lists.get("forwardingBodies"))).contains("NACC", "PACC", "BMA_ACC", "POLICE", "OTHER_AGENCY");
        for (String list : List.of("channels", "divisions", "statuses", "closureReasons", "forwardingBodies")) {
            lists.get(list).forEach(item -> {
                assertThat(item.get("labelTh").asString()).matches(list.equals("channels") && item.get("code").asString()
                        .equals("TRAFFY_FONDUE") ? ".+" : THAI);
                assertThat(item.get("labelEn").asString()).isNotBlank().doesNotMatch(THAI);
            });
        }
    }

    @Test
    void validatesClassificationAgainstIt() {
        long before = storedComplaints();
        HttpResponse<String> response = post("/api/complaints", "application/json", json.writeValueAsString(Map.of(
                "agency", "wangthonglang", "category", "MISCONDUCT", "subcategory", "BRIBERY", "division", "SPACE",
                "details", "x".repeat(40))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(body(response))).containsExactly("division", "subcategory");
        assertThat(body(response).get("errors").get(1).get("message_th").asString()).matches(THAI);

        HttpResponse<String> unknown = post("/api/complaints", "application/json", json.writeValueAsString(Map.of(
                "agency", "wangthonglang", "category", "OTHER", "subcategory", "NO_SUCH", "details", "x".repeat(40))));
        assertThat(fields(body(unknown))).containsExactly("subcategory");
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void anAdminAddsAndRelabelsEntriesOthersMayNot() {
        String admin = token("admin", "bma", "ADMIN");
        Map<String, Object> division = Map.of("code", "CIVIL_DEF", "labelTh", "ฝ่ายป้องกันและบรรเทาสาธารณภัย",
                "labelEn", "Disaster Prevention Division");

        assertThat(call("POST", "/api/complaints/reference/divisions", division, officer("wangthonglang")).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/complaints/reference/divisions", division, null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/complaints/reference/divisions", division, admin).statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/complaints/reference/divisions", division, admin).statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/complaints/reference/channels",
                Map.of("code", "FAX", "labelTh", "โทรสาร", "labelEn", "Fax"), admin).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/complaints/reference/subcategories",
                Map.of("code", "NEPOTISM", "parent", "NOPE", "labelTh", "เล่นพรรคเล่นพวก", "labelEn", "Nepotism"), admin)
                .statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/complaints/reference/subcategories",
                Map.of("code", "NEPOTISM", "parent", "MISCONDUCT", "labelTh", "เล่นพรรคเล่นพวก", "labelEn", "Nepotism"), admin)
                .statusCode()).isEqualTo(201);

        // the new entries are usable at once
        assertThat(post("/api/complaints", "application/json", json.writeValueAsString(Map.of("agency", "wangthonglang",
                "category", "MISCONDUCT", "subcategory", "NEPOTISM", "division", "CIVIL_DEF", "details", "x".repeat(40))))
                .statusCode()).isEqualTo(201);

        HttpResponse<String> renamed = call("PUT", "/api/complaints/reference/channels/HOTLINE_1555",
                Map.of("labelTh", "สายด่วนกรุงเทพมหานคร 1555", "labelEn", "Bangkok hotline 1555"), admin);
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(body(get("/api/complaints/reference")).get("channels").get(4).get("labelTh").asString())
                .isEqualTo("สายด่วนกรุงเทพมหานคร 1555");
        assertThat(call("PUT", "/api/complaints/reference/channels/PIGEON",
                Map.of("labelTh", "นกพิราบ", "labelEn", "Pigeon"), admin).statusCode()).isEqualTo(404);
        call("PUT", "/api/complaints/reference/channels/HOTLINE_1555",
                Map.of("labelTh", "สายด่วน 1555", "labelEn", "Hotline 1555"), admin);
    }
}
