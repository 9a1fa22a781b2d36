package th.integrity.stats.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.stats.IntegrationTestSupport;

/** The draft table's shape and its answers to bad requests. */
class DraftTableRequestTest extends IntegrationTestSupport {

    @Test
    void anAgencyWithoutComplaintsGetsEveryMonthAsAnEmptyRow() {
        Response response = asOfficer("/api/stats/complaints/" + newAgency() + "/2568/draft");

        assertThat(response.status()).isEqualTo(200);
        JsonNode table = response.body();
        assertThat(table.path("fiscalYear").asInt()).isEqualTo(2568);
        assertThat(table.path("period").path("from").asString()).isEqualTo("2024-10-01");
        assertThat(table.path("period").path("to").asString()).isEqualTo("2025-09-30");
        assertThat(table.path("period").path("label_th").asString()).isEqualTo("1 ตุลาคม 2567 – 30 กันยายน 2568");
        assertThat(table.path("period").path("label_en").asString()).isEqualTo("1 October 2567 BE – 30 September 2568 BE");
        assertThat(OffsetDateTime.parse(table.path("generatedAt").asString()).getOffset().getTotalSeconds())
                .as("generatedAt in Bangkok time").isEqualTo(7 * 3600);
        assertThat(table.path("totalReceived").asLong()).isZero();
        JsonNode months = allRows(table);
        assertThat(table.path("blocks")).hasSize(4);
        assertThat(table.path("blocks").get(0).path("label_th").asString()).isEqualTo("การทุจริต");
        assertThat(table.path("blocks").get(3).path("category").asString()).isEqualTo("ALL");
        assertThat(months).hasSize(12);
        assertThat(months.get(0).path("month").asString()).isEqualTo("2024-10");
        assertThat(months.get(0).path("label_th").asString()).isEqualTo("ตุลาคม 2567");
        assertThat(months.get(0).path("label_en").asString()).isEqualTo("October 2567 BE");
        assertThat(months.get(11).path("month").asString()).isEqualTo("2025-09");
        assertThat(months.get(11).path("label_th").asString()).isEqualTo("กันยายน 2568");
        for (JsonNode block : table.path("blocks")) {
            assertThat(block.path("rows")).hasSize(12);
            for (JsonNode month : block.path("rows")) {
                assertThat(month.path("total").asLong()).isZero();
                assertThat(month.path("empty").asBoolean()).isTrue();
                assertThat(month.path("remark_th").asString()).isEqualTo("ไม่มีเรื่องร้องเรียน");
                assertThat(month.path("received").path("HOTLINE_1555").asLong()).isZero();
                assertThat(month.path("averageDaysToConclusion").isNull()).isTrue();
            }
            assertThat(block.path("totals").path("empty").asBoolean()).isTrue();
        }
    }

    @Test
    void throughCutsTheTableAtThatMonth() {
        JsonNode table = asOfficer("/api/stats/complaints/" + newAgency() + "/2568/draft?through=2025-03").body();

        assertThat(allRows(table)).hasSize(6);
        assertThat(allRows(table).get(5).path("label_th").asString()).isEqualTo("มีนาคม 2568");
        assertThat(table.path("period").path("label_th").asString()).isEqualTo("1 ตุลาคม 2567 – 31 มีนาคม 2568");
        assertThat(table.path("period").path("to").asString()).isEqualTo("2025-03-31");
    }

    @Test
    void aFiscalYearOutsideTheSupportedRangeIsABadRequest() {
        for (String year : new String[] { "2025", "2499", "2701", "abcd", "25680" }) {
            assertBadRequest(asOfficer("/api/stats/complaints/bkk-50/" + year + "/draft"), "fiscalYear");
        }
    }

    @Test
    void aThroughMonthOutsideTheFiscalYearOrMalformedIsABadRequest() {
        for (String through : new String[] { "2024-09", "2025-10", "2025-13", "2025-3", "March", "2568-03" }) {
            assertBadRequest(asOfficer("/api/stats/complaints/bkk-50/2568/draft?through=" + through), "through");
        }
    }

    @Test
    void aMalformedAgencyCodeIsABadRequest() {
        assertBadRequest(asOfficer("/api/stats/complaints/bkk:50/2568/draft"), "agency");
    }

    private static void assertBadRequest(Response response, String field) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.body();
        assertThat(problem.path("type").asString()).isEqualTo("urn:integrity:problem:validation");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("detail_th").asString()).isNotBlank();
        assertThat(problem.path("title_th").asString()).isNotBlank();
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("message_en").asString()).isNotBlank();
        assertThat(problem.path("errors").get(0).path("message_th").asString()).isNotBlank();
        assertThat(problem.has("trace")).isFalse();
    }
}
