package th.integrity.stats.gifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.stats.IntegrationTestSupport;

/** Gift statistics per round from gift events: latest versions, corrections, nil returns, pending decisions. */
class GiftStatsTest extends IntegrationTestSupport {

    private Map<String, Object> declaration(String agency, String id, long version, String half, String offeredOn,
            String disposition, String ruleOutcome, String decisionDueOn) {
        var data = new LinkedHashMap<String, Object>();
        data.put("agency", agency);
        data.put("declarationId", id);
        data.put("supersedes", null);
        data.put("version", version);
        data.put("fiscalYear", 2568);
        data.put("half", half);
        data.put("offeredOn", offeredOn);
        data.put("kind", "ITEM");
        data.put("relation", "NOT_RELATIVE");
        data.put("disposition", disposition);
        data.put("valueBand", "NEEDS_DECISION".equals(ruleOutcome) ? "OVER_3000_UP_TO_10000" : "UP_TO_3000");
        data.put("ruleOutcome", ruleOutcome);
        data.put("declaredLate", false);
        data.put("decisionDueOn", decisionDueOn);
        data.put("decision", null);
        data.put("decidedAt", null);
        return data;
    }

    private void sendGift(String type, Map<String, Object> data, String id) {
        String agency = (String) data.get("agency");
        send(GIFTS_TOPIC, agency + ":" + id, envelope(type, agency, id, data));
    }

    @Test
    void countsTheLatestVersionOfEachDeclarationPerRoundWithoutNames() {
        String agency = newAgency();
        sendGift("gift.declared.v1", declaration(agency, "A", 1, "H1", "2024-11-02", "REFUSED", "ALLOWED", null), "A");
        var b1 = declaration(agency, "B", 1, "H1", "2024-11-15", "KEPT", "NEEDS_DECISION", "2024-12-15");
        var b2 = new LinkedHashMap<>(b1);
        b2.put("version", 2);
        b2.put("decision", "MAY_KEEP");
        b2.put("decidedAt", "2024-12-01T03:00:00Z");
        sendGift("gift.decided.v1", b2, "B");
        sendGift("gift.declared.v1", b1, "B"); // late, older: changes nothing
        sendGift("gift.declared.v1", declaration(agency, "C", 1, "H1", "2025-01-02", "HANDED_TO_AGENCY",
                "NEEDS_DECISION", "2025-02-01"), "C");
        // E corrects D; the correction arrives first.
        var e = declaration(agency, "E", 1, "H1", "2025-02-10", "DONATED", "ALLOWED", null);
        e.put("supersedes", "D");
        sendGift("gift.declared.v1", e, "D");
        sendGift("gift.declared.v1", declaration(agency, "D", 1, "H1", "2025-02-10", "RETURNED", "ALLOWED", null), "D");
        sendGift("gift.declared.v1", declaration(agency, "F", 1, "H2", "2025-05-01", "REFUSED", "ALLOWED", null), "F");
        Map<String, Object> nil = new LinkedHashMap<>(Map.of("agency", agency, "nilReturnId", "N-1", "fiscalYear", 2568,
                "round", "H1", "filedAt", "2025-04-01T03:00:00Z"));
        sendGift("gift.nil-return.v1", nil, "N-1");
        sendGift("gift.nil-return.v1", nil, "N-1");
        Map<String, Object> nilYear = new LinkedHashMap<>(nil);
        nilYear.put("nilReturnId", "N-2");
        nilYear.put("round", "FY");
        sendGift("gift.nil-return.v1", nilYear, "N-2");

        String h1 = "/api/stats/gifts/" + agency + "/2568/H1/draft";
        String officer = token(agency, "OFFICER");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode t = get(h1, officer).body();
            return t.path("declarations").asLong() == 4 && t.path("byDisposition").path("RETURNED").asLong() == 0
                    && t.path("nilReturns").asLong() == 1 && t.path("decisionsPending").asLong() == 1;
        });
        JsonNode table = get(h1, token(agency, "HEAD")).body();
        assertThat(table.path("byDisposition").path("REFUSED").asLong()).isEqualTo(1);
        assertThat(table.path("byDisposition").path("KEPT").asLong()).isEqualTo(1);
        assertThat(table.path("byDisposition").path("HANDED_TO_AGENCY").asLong()).isEqualTo(1);
        assertThat(table.path("byDisposition").path("DONATED").asLong()).isEqualTo(1);
        assertThat(table.path("byRuleOutcome").path("NEEDS_DECISION").asLong()).isEqualTo(2);
        assertThat(table.path("byValueBand").path("OVER_3000_UP_TO_10000").asLong()).isEqualTo(2);
        assertThat(table.path("decisionsOverdue").asLong()).isEqualTo(1);
        assertThat(table.path("period").path("label_th").asString()).isEqualTo("1 ตุลาคม 2567 – 31 มีนาคม 2568");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/stats/gifts/" + agency + "/2568/FY/draft", officer).body().path("declarations").asLong() == 5);
        assertThat(get("/api/stats/gifts/" + agency + "/2568/FY/draft", officer).body().path("nilReturns").asLong())
                .isEqualTo(1);

        assertThat(get(h1, token(agency, "ADMIN")).status()).isEqualTo(403);
        assertThat(get(h1, token(agency, "STAFF")).status()).isEqualTo(403);
        assertThat(get(h1, token("huaikhwang", "HEAD")).status()).isEqualTo(404);
        assertThat(get("/api/stats/gifts/" + agency + "/2568/H2/draft", officer).status()).isEqualTo(400);

        Response published = post("/api/stats/publications",
                Map.of("kind", "GIFTS", "agency", agency, "fiscalYear", 2568, "round", "H1"), token(agency, "ADMIN"));
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        assertThat(published.body().path("table").path("declarations").asLong()).isEqualTo(4);
        String id = published.body().path("id").asString();
        String csv = new String(bytes("/api/stats/publications/" + id + "?format=csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"หน่วยงาน\"").contains("\"บริจาค\",\"1\"");
        assertThat(get("/api/stats/publications/" + id + "?format=html").text()).contains("ส่งมอบให้หน่วยงาน")
                .doesNotContain("<script");
        assertThat(get("/api/stats/publications/" + id + "?format=svg").text()).startsWith("<?xml");
    }
}
