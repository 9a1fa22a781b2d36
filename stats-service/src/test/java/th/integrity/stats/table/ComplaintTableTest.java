package th.integrity.stats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.stats.IntegrationTestSupport;

/**
 * The table's columns from full-contract events: channels, categories, carried over, progress now, days to
 * conclusion; with a duplicate, an out-of-order and a gap among the events.
 */
class ComplaintTableTest extends IntegrationTestSupport {

    @Test
    void countsChannelsCarriedOverProgressAndDaysToConclusion() {
        String agency = newAgency();
        // A: received in the previous fiscal year and still open: carried over into every month.
        Map<String, Object> a = complaint(agency, "A", 2, Instant.parse("2024-09-20T03:00:00Z"), "UNDER_REVIEW");
        // B: October, walk-in, misconduct; concluded with cause on 10 December (66 days).
        Map<String, Object> b = complaint(agency, "B", 3, Instant.parse("2024-10-05T03:00:00Z"), "CONCLUDED_WITH_CAUSE");
        b.put("channel", "WALK_IN");
        b.put("category", "MISCONDUCT");
        b.put("concludedAt", "2024-12-10T03:00:00Z");
        // C: 20:00 UTC on 31 March is 1 April in Bangkok: outside a table through March.
        Map<String, Object> c = complaint(agency, "C", 1, Instant.parse("2025-03-31T20:00:00Z"), "RECEIVED");
        // D: hotline, other category; v1, then v3 (closed after 5 days) twice, then a late v2.
        Instant dReceived = Instant.parse("2025-01-15T03:00:00Z");
        Map<String, Object> d1 = complaint(agency, "D", 1, dReceived, "RECEIVED");
        Map<String, Object> d2 = complaint(agency, "D", 2, dReceived, "UNDER_REVIEW");
        Map<String, Object> d3 = complaint(agency, "D", 3, dReceived, "CLOSED_WITHOUT_INQUIRY");
        for (var d : new Map[] { d1, d2, d3 }) {
            d.put("channel", "HOTLINE_1555");
            d.put("category", "OTHER");
        }
        d3.put("concludedAt", "2025-01-20T03:00:00Z");
        d3.put("closureReason", "DUPLICATE");
        sendComplaint(a);
        sendComplaint(b);
        sendComplaint(c);
        sendComplaint(d1);
        String duplicate = envelope("complaint.status-changed.v1", agency, "D", d3);
        send(agency + ":D", duplicate);
        send(agency + ":D", duplicate);
        sendComplaint(d2);

        String path = "/api/stats/complaints/" + agency + "/2568/draft?through=2025-03";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode totals = asOfficer(path).body().path("blocks").get(3).path("totals");
            // C (April, outside the table through March) is on another partition: wait for it too.
            return totals.path("total").asLong() == 2 && totals.path("concluded").asLong() == 2
                    && totals.path("carriedOver").asLong() == 1 && allRows(asOfficer(
                            "/api/stats/complaints/" + agency + "/2568/draft").body()).get(6).path("total").asLong() == 1;
        });
        JsonNode table = asOfficer(path).body();

        assertThat(table.path("title_th").asString()).contains("ข้อมูลเชิงสถิติเรื่องร้องเรียน").contains("2568");
        assertThat(table.path("period").path("label_th").asString()).isEqualTo("1 ตุลาคม 2567 – 31 มีนาคม 2568");
        assertThat(table.path("generatedOn_th").asString()).matches("\\d{1,2} \\S+ 25\\d\\d");
        assertThat(table.path("channels").get(4).path("label_th").asString()).isEqualTo("สายด่วน 1555");
        JsonNode all = allRows(table);
        assertThat(all).hasSize(6);
        long[] totals = { 1, 0, 0, 1, 0, 0 };
        long[] carried = { 1, 2, 2, 1, 1, 1 };
        long[] concluded = { 0, 0, 1, 1, 0, 0 };
        for (int m = 0; m < 6; m++) {
            JsonNode row = all.get(m);
            assertThat(row.path("total").asLong()).as("total " + m).isEqualTo(totals[m]);
            assertThat(row.path("carriedOver").asLong()).as("carried " + m).isEqualTo(carried[m]);
            assertThat(row.path("concluded").asLong()).as("concluded " + m).isEqualTo(concluded[m]);
            assertThat(row.path("empty").asBoolean()).isEqualTo(totals[m] == 0);
            assertThat(row.path("remark_th").asString()).isEqualTo(totals[m] == 0 ? "ไม่มีเรื่องร้องเรียน" : "");
        }
        assertThat(all.get(0).path("received").path("WALK_IN").asLong()).isEqualTo(1);
        assertThat(all.get(0).path("progress").path("CONCLUDED_WITH_CAUSE").asLong()).isEqualTo(1);
        assertThat(all.get(2).path("averageDaysToConclusion").asDouble()).isEqualTo(66.0);
        assertThat(all.get(3).path("received").path("HOTLINE_1555").asLong()).isEqualTo(1);
        assertThat(all.get(3).path("progress").path("CLOSED_WITHOUT_INQUIRY").asLong())
                .as("the late version 2 did not overwrite version 3").isEqualTo(1);
        assertThat(all.get(3).path("progress").path("UNDER_REVIEW").asLong()).isZero();
        assertThat(all.get(3).path("averageDaysToConclusion").asDouble()).isEqualTo(5.0);

        JsonNode allTotals = table.path("blocks").get(3).path("totals");
        assertThat(allTotals.path("month").asString()).isEqualTo("TOTAL");
        assertThat(allTotals.path("averageDaysToConclusion").asDouble()).isEqualTo(35.5);
        assertThat(table.path("totalReceived").asLong()).isEqualTo(2);

        // Per category: B in MISCONDUCT, D in OTHER, A carried over in CORRUPTION.
        assertThat(table.path("blocks").get(0).path("rows").get(0).path("carriedOver").asLong()).isEqualTo(1);
        assertThat(table.path("blocks").get(0).path("totals").path("total").asLong()).isZero();
        assertThat(table.path("blocks").get(1).path("rows").get(0).path("total").asLong()).isEqualTo(1);
        assertThat(table.path("blocks").get(2).path("rows").get(3).path("total").asLong()).isEqualTo(1);

        // The whole year: C counts in เมษายน 2568.
        JsonNode year = allRows(asOfficer("/api/stats/complaints/" + agency + "/2568/draft").body());
        assertThat(year.get(6).path("label_th").asString()).isEqualTo("เมษายน 2568");
        assertThat(year.get(6).path("total").asLong()).isEqualTo(1);
        assertThat(year.get(5).path("total").asLong()).isZero();
    }
}
