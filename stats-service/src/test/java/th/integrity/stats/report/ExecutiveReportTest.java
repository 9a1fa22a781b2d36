package th.integrity.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.stats.IntegrationTestSupport;

/** The head's monthly report: complaints by category and channel, concluded and how, overdue, gifts. */
class ExecutiveReportTest extends IntegrationTestSupport {

    @Test
    void summarisesTheMonthForTheHeadOfTheAgency() {
        String agency = newAgency();
        Map<String, Object> p = complaint(agency, "P", 2, Instant.parse("2025-01-10T03:00:00Z"), "UNDER_REVIEW");
        p.put("dueAt", "2025-01-20T03:00:00Z");
        Map<String, Object> q = complaint(agency, "Q", 2, Instant.parse("2025-01-12T03:00:00Z"),
                "CLOSED_WITHOUT_INQUIRY");
        q.put("channel", "PHONE");
        q.put("category", "MISCONDUCT");
        q.put("closureReason", "DUPLICATE");
        q.put("concludedAt", "2025-01-14T03:00:00Z");
        Map<String, Object> r = complaint(agency, "R", 3, Instant.parse("2024-12-01T03:00:00Z"),
                "CONCLUDED_WITHOUT_CAUSE");
        r.put("concludedAt", "2025-01-05T03:00:00Z");
        sendComplaint(p);
        sendComplaint(q);
        sendComplaint(r);
        var gift = new LinkedHashMap<String, Object>(Map.of("agency", agency, "declarationId", "G-1", "version", 1,
                "fiscalYear", 2568, "half", "H1", "offeredOn", "2025-01-03", "disposition", "REFUSED",
                "ruleOutcome", "ALLOWED", "valueBand", "UP_TO_3000", "kind", "ITEM"));
        send(GIFTS_TOPIC, agency + ":G-1", envelope("gift.declared.v1", agency, "G-1", gift));

        String path = "/api/stats/reports/executive/" + agency + "/2025-01";
        String head = token(agency, "HEAD");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode report = get(path, head).body();
            return report.path("received").path("total").asLong() == 2
                    && report.path("concluded").path("total").asLong() == 2
                    && report.path("gifts").path("declared").asLong() == 1;
        });
        JsonNode report = get(path, head).body();
        assertThat(report.path("month_th").asString()).isEqualTo("มกราคม 2568");
        assertThat(report.path("received").path("byCategory").path("CORRUPTION").asLong()).isEqualTo(1);
        assertThat(report.path("received").path("byCategory").path("MISCONDUCT").asLong()).isEqualTo(1);
        assertThat(report.path("received").path("byChannel").path("PHONE").asLong()).isEqualTo(1);
        assertThat(report.path("concluded").path("byOutcome").path("CLOSED_WITHOUT_INQUIRY").asLong()).isEqualTo(1);
        assertThat(report.path("concluded").path("byOutcome").path("CONCLUDED_WITHOUT_CAUSE").asLong()).isEqualTo(1);
        assertThat(report.path("concluded").path("byClosureReason").path("DUPLICATE").asLong()).isEqualTo(1);
        assertThat(report.path("overdue").path("total").asLong()).isEqualTo(1);
        assertThat(report.path("overdue").path("cases").get(0).path("caseId").asString()).isEqualTo("P");
        assertThat(report.path("overdue").path("cases").get(0).path("status_th").asString())
                .isEqualTo("อยู่ระหว่างตรวจสอบ");
        assertThat(report.path("openByStatus").path("UNDER_REVIEW").asLong()).isEqualTo(1);
        assertThat(report.path("gifts").path("byDisposition").path("REFUSED").asLong()).isEqualTo(1);

        Response html = get(path + "?format=html", head);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.text()).contains("รายงานผู้บริหาร ประจำเดือนมกราคม 2568", "เรื่องที่เกินกำหนด")
                .doesNotContain("<script");

        assertThat(get(path, token(agency, "OFFICER")).status()).isEqualTo(403);
        assertThat(get(path, token(agency, "ADMIN")).status()).isEqualTo(403);
        assertThat(get(path, token("huaikhwang", "HEAD")).status()).isEqualTo(404);
        assertThat(get("/api/stats/reports/executive/" + agency + "/2025-1", head).status()).isEqualTo(400);
    }
}
