package th.integrity.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.stats.IntegrationTestSupport;

/**
 * The executive report names cases as officers know them, by case number (เลขรับ, from the events'
 * {@code caseNumber}), never by the UUID only software uses; a case whose events predate case numbers keeps its id.
 */
class ExecutiveReportCaseNumberTest extends IntegrationTestSupport {

    @Test
    void overdueCasesAreListedByTheirCaseNumbers() {
        String agency = newAgency();
        String numbered = UUID.randomUUID().toString();
        Map<String, Object> a = complaint(agency, numbered, 2, Instant.parse("2025-01-10T03:00:00Z"), "UNDER_REVIEW");
        a.put("dueAt", "2025-02-10T03:00:00Z");
        a.put("caseNumber", "วท 0012/2568");
        Map<String, Object> old = complaint(agency, "OLD-1", 2, Instant.parse("2025-01-11T03:00:00Z"), "UNDER_REVIEW");
        old.put("dueAt", "2025-02-01T03:00:00Z");
        sendComplaint(a);
        sendComplaint(old);

        String path = "/api/stats/reports/executive/" + agency + "/2025-01";
        String head = token(agency, "HEAD");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(path, head).body().path("overdue").path("total").asLong() == 2);
        JsonNode cases = get(path, head).body().path("overdue").path("cases");
        assertThat(cases.get(0).path("caseNumber").isNull()).isTrue();
        assertThat(cases.get(1).path("caseNumber").asString()).isEqualTo("วท 0012/2568");

        String html = get(path + "?format=html", head).text();
        assertThat(html).contains("<th scope=\"col\">เลขรับ</th>", "<td>วท 0012/2568</td>", "<td>OLD-1</td>")
                .doesNotContain(numbered);
    }
}
