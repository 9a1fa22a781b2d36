package th.integrity.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.stats.IntegrationTestSupport;

/**
 * The executive report's dates as a head reads them: a month that has not begun is refused (not a page of zeros
 * that reads as a quiet month), and every date the report shows is Buddhist Era, never an ISO timestamp.
 */
class ExecutiveReportDatesTest extends IntegrationTestSupport {

    /** An ISO date anywhere in what a person reads: {@code 2026-10-15}, {@code 2026-10-15T00:00:00+07:00}. */
    static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Test
    void theOverdueTablePrintsTheDeadlineAsAThaiDateAndTheReportShowsNoIsoDate() {
        String agency = newAgency();
        Map<String, Object> late = complaint(agency, "LATE", 2, Instant.parse("2026-09-01T03:00:00Z"), "UNDER_REVIEW");
        // Midnight of 15 October 2569 in Bangkok: the deadline's day is the 15th there, the 14th in UTC.
        late.put("dueAt", "2026-10-14T17:00:00Z");
        sendComplaint(late);
        String path = "/api/stats/reports/executive/" + agency + "/2026-09";
        String head = token(agency, "HEAD");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(path, head).body().path("overdue").path("total").asLong() == 1);

        JsonNode overdue = get(path, head).body().path("overdue").path("cases").get(0);
        assertThat(overdue.path("dueOn_th").asString()).isEqualTo("15 ต.ค. 2569");
        assertThat(overdue.path("dueOn_en").asString()).isEqualTo("15 Oct 2569 BE");

        String html = get(path + "?format=html", head).text();
        String visible = html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]*>", " ");
        assertThat(visible).contains("15 ต.ค. 2569", "กันยายน 2569").doesNotContainPattern(ISO_DATE);
    }

    @Test
    void aMonthThatHasNotBegunIsRefusedInThaiAndEnglishTheMonthUnderWayIsNot() {
        String agency = newAgency();
        String head = token(agency, "HEAD");
        YearMonth current = FiscalCalendar.monthOf(Instant.now());
        for (YearMonth future : new YearMonth[] { YearMonth.of(2030, 1), current.plusMonths(1), YearMonth.of(2157, 12) }) {
            Response refused = get("/api/stats/reports/executive/" + agency + "/" + future, head);
            assertThat(refused.status()).as(future.toString()).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("month");
            assertThat(refused.body().path("detail_th").asString())
                    .contains(FiscalCalendar.monthLabelThai(future), FiscalCalendar.monthLabelThai(current));
            assertThat(refused.body().path("detail").asString())
                    .contains(FiscalCalendar.monthLabelEnglish(future), FiscalCalendar.monthLabelEnglish(current))
                    .doesNotContainPattern(Pattern.compile("\\d{4}-\\d{2}"));
            assertThat(get("/api/stats/reports/executive/" + agency + "/" + future + "?format=html", head).status())
                    .isEqualTo(400);
        }
        assertThat(get("/api/stats/reports/executive/" + agency + "/2030-01", head).body().path("detail").asString())
                .contains("January 2573 BE");
        assertThat(get("/api/stats/reports/executive/" + agency + "/" + current, head).status()).isEqualTo(200);
        assertThat(get("/api/stats/reports/executive/" + agency + "/" + current.minusMonths(1), head).status())
                .isEqualTo(200);
    }
}
