package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.stats.IntegrationTestSupport;
import th.integrity.platform.calendar.FiscalYear;

/** The city-wide roll-up sums current publications and names the agencies missing. */
class RollupTest extends IntegrationTestSupport {

    @Test
    void sumsCurrentPublicationsAndNamesMissingAgencies() {
        // A fiscal year of its own, so reruns against a persistent database do not collide.
        int fiscalYear = 2501 + (int) (Math.random() * 60);
        YearMonth december = FiscalYear.of(fiscalYear).firstMonth().plusMonths(2);
        String agency = "wangthonglang";
        Instant received = december.atDay(5).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        sendComplaint(complaint(agency, "R-" + fiscalYear + "-1", 1, received, "RECEIVED"));
        String draft = "/api/stats/complaints/" + agency + "/" + fiscalYear + "/draft?through=" + december;
        await().atMost(Duration.ofSeconds(30)).until(() -> asOfficer(draft).body().path("totalReceived").asLong() >= 1);

        Response published = post("/api/stats/publications",
                Map.of("agency", agency, "fiscalYear", fiscalYear, "through", december.toString()),
                token(agency, "ADMIN"));
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        long agencyTotal = published.body().path("table").path("totalReceived").asLong();

        JsonNode rollup = get("/api/stats/rollup/" + fiscalYear + "?through=" + december).body();
        assertThat(rollup.path("included")).hasSize(1);
        assertThat(rollup.path("included").get(0).path("agency").asString()).isEqualTo(agency);
        assertThat(rollup.path("included").get(0).path("publicationId").asString())
                .isEqualTo(published.body().path("id").asString());
        assertThat(rollup.path("missing").toString()).contains("huaikhwang", "สำนักงานเขตห้วยขวาง")
                .doesNotContain("wangthonglang");
        JsonNode table = rollup.path("table");
        assertThat(table.path("agency").asString()).isEqualTo("ALL");
        assertThat(table.path("totalReceived").asLong()).isEqualTo(agencyTotal);
        assertThat(allRows(table)).hasSize(3);
        assertThat(allRows(table).get(2).path("total").asLong()).isEqualTo(agencyTotal);
        assertThat(allRows(table).get(0).path("remark_th").asString()).isEqualTo("ไม่มีเรื่องร้องเรียน");

        Response html = get("/api/stats/rollup/" + fiscalYear + "?through=" + december + "&format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.text()).contains("รวมทุกหน่วยงาน").doesNotContain("<script");
        // The printable page and the CSV name the agencies missing from the sum, as the JSON does.
        String missingList = html.text().substring(html.text().indexOf("<ul class=\"missing\">"));
        assertThat(missingList.substring(0, missingList.indexOf("</ul>")))
                .contains("<li>สำนักงานเขตห้วยขวาง (huaikhwang)</li>").doesNotContain("wangthonglang");
        assertThat(html.text()).contains("<li>สำนักงานเขตวังทองหลาง (wangthonglang)</li>");
        String csv = get("/api/stats/rollup/" + fiscalYear + "?through=" + december + "&format=csv").text();
        assertThat(csv).contains("\"ยังไม่มีฉบับเผยแพร่ (ไม่รวมในตัวเลข)\",\"huaikhwang\",\"สำนักงานเขตห้วยขวาง\"")
                .contains("\"รวมแล้ว (ฉบับเผยแพร่ปัจจุบัน)\",\"wangthonglang\",\"สำนักงานเขตวังทองหลาง\",\""
                        + published.body().path("id").asString() + "\"");
        assertThat(get("/api/stats/rollup/" + fiscalYear + "?through=2019-13").status()).isEqualTo(400);
    }
}
