package th.integrity.stats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.IntegrationTestSupport;

/**
 * A referral to another body (event data {@code referredTo}) counts as an outcome by body: in the monthly table
 * (JSON, CSV, printable page), the executive report and the city roll-up, beside the existing columns.
 */
class ReferralCountsTest extends IntegrationTestSupport {

    private Map<String, Object> referred(String agency, String caseId, Instant received, String status, String body,
            Instant referredAt) {
        Map<String, Object> data = complaint(agency, caseId, 3, received, status);
        data.put("referredTo", body);
        data.put("referredAt", referredAt.toString());
        data.put("statusChangedAt", referredAt.toString());
        return data;
    }

    @Test
    void theMonthlyTableAndTheRollupCountReferralsByBody() {
        String agency = newAgency();
        int fiscalYear = 2561 + (int) (Math.random() * 6); // a year no other test publishes
        YearMonth december = FiscalYear.of(fiscalYear).firstMonth().plusMonths(2);
        Instant received = december.atDay(5).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant referredAt = received.plus(Duration.ofDays(3));
        sendComplaint(referred(agency, "N1", received, "FORWARDED", "NACC", referredAt));
        sendComplaint(referred(agency, "N2", received, "FORWARDED", "NACC", referredAt));
        // Concluded on the body's finding: still counts under the body it was referred to.
        Map<String, Object> concluded = referred(agency, "P1", received, "CONCLUDED_WITH_CAUSE", "PACC", referredAt);
        concluded.put("category", "MISCONDUCT");
        concluded.put("concludedAt", referredAt.plus(Duration.ofDays(1)).toString());
        sendComplaint(concluded);
        // A body code this version does not know counts as another agency.
        sendComplaint(referred(agency, "X1", received, "FORWARDED", "PROVINCIAL_OFFICE", referredAt));
        sendComplaint(complaint(agency, "O1", 1, received, "RECEIVED")); // not referred

        String draft = "/api/stats/complaints/" + agency + "/" + fiscalYear + "/draft?through=" + december;
        await().atMost(Duration.ofSeconds(30)).until(() -> asOfficer(draft).body().path("totalReceived").asLong() == 5);
        JsonNode table = asOfficer(draft).body();

        assertThat(table.path("referralBodies").get(0).path("code").asString()).isEqualTo("NACC");
        assertThat(table.path("referralBodies").get(2).path("label_th").asString()).startsWith("ศปท.กทม.");
        assertThat(table.path("referralBodies").get(1).path("label_en").asString())
                .isEqualTo("Public Sector Anti-Corruption Commission (PACC)");
        JsonNode month = allRows(table).get(2);
        assertThat(month.path("referredTo").path("NACC").asLong()).isEqualTo(2);
        assertThat(month.path("referredTo").path("PACC").asLong()).isEqualTo(1);
        assertThat(month.path("referredTo").path("OTHER_AGENCY").asLong()).isEqualTo(1);
        assertThat(month.path("referredTo").path("POLICE").asLong()).isZero();
        assertThat(month.path("progress").path("FORWARDED").asLong()).as("existing columns keep working").isEqualTo(3);
        assertThat(allRows(table).get(0).path("referredTo").path("NACC").asLong()).isZero();
        JsonNode allTotals = table.path("blocks").get(3).path("totals");
        assertThat(allTotals.path("referredTo").path("NACC").asLong()).isEqualTo(2);
        JsonNode misconduct = table.path("blocks").get(1).path("totals");
        assertThat(misconduct.path("referredTo").path("PACC").asLong()).isEqualTo(1);
        assertThat(misconduct.path("referredTo").path("NACC").asLong()).isZero();

        Response published = post("/api/stats/publications",
                Map.of("agency", agency, "fiscalYear", fiscalYear, "through", december.toString()),
                token(agency, "ADMIN"));
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        assertThat(published.body().at("/table/blocks/3/totals/referredTo/NACC").asLong()).isEqualTo(2);
        String id = published.body().path("id").asString();
        String csv = get("/api/stats/publications/" + id + "?format=csv").text();
        String header = csv.lines().findFirst().orElseThrow();
        assertThat(header).contains("ส่งต่อ: สำนักงาน ป.ป.ช.").contains("ส่งต่อ: หน่วยงานอื่น");
        assertThat(header.indexOf("ส่งต่อ: สำนักงาน ป.ป.ช.")).isLessThan(header.indexOf("หมายเหตุ"));
        assertThat(get("/api/stats/publications/" + id + "?format=html").text()).contains("ส่งต่อหน่วยงานอื่น");

        JsonNode rollup = get("/api/stats/rollup/" + fiscalYear + "?through=" + december).body().path("table");
        assertThat(rollup.path("referralBodies")).hasSize(5);
        assertThat(rollup.at("/blocks/3/totals/referredTo/NACC").asLong()).isEqualTo(2);
        assertThat(allRows(rollup).get(2).path("referredTo").path("PACC").asLong()).isEqualTo(1);
        assertThat(allRows(rollup).get(2).path("referredTo").path("OTHER_AGENCY").asLong()).isEqualTo(1);
        assertThat(get("/api/stats/rollup/" + fiscalYear + "?through=" + december + "&format=html").text())
                .contains("ส่งต่อหน่วยงานอื่น");
    }

    @Test
    void theExecutiveReportCountsTheMonthsReferralsByBody() {
        String agency = newAgency();
        Instant january = Instant.parse("2025-01-10T03:00:00Z");
        sendComplaint(referred(agency, "R1", Instant.parse("2024-12-20T03:00:00Z"), "FORWARDED", "BMA_ACC", january));
        sendComplaint(referred(agency, "R2", january, "FORWARDED", "POLICE", january.plus(Duration.ofDays(2))));
        // Referred in February: not in January's report.
        sendComplaint(referred(agency, "R3", january, "FORWARDED", "POLICE", Instant.parse("2025-02-03T03:00:00Z")));

        String path = "/api/stats/reports/executive/" + agency + "/2025-01";
        String head = token(agency, "HEAD");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(path, head).body().path("openByStatus").path("FORWARDED").asLong() == 3);
        JsonNode report = get(path, head).body();

        assertThat(report.path("referred").path("total").asLong()).isEqualTo(2);
        assertThat(report.path("referred").path("byBody").path("BMA_ACC").asLong()).isEqualTo(1);
        assertThat(report.path("referred").path("byBody").path("POLICE").asLong()).isEqualTo(1);
        assertThat(report.path("referred").path("byBody").path("NACC").asLong()).isZero();
        assertThat(get(path + "?format=html", head).text()).contains("เรื่องที่ส่งต่อหน่วยงานอื่นในเดือน (รวม 2 เรื่อง)")
                .contains("สำนักงานตำรวจแห่งชาติ");
    }
}
