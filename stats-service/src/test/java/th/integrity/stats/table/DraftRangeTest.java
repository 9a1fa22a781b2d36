package th.integrity.stats.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.platform.web.ProblemException;
import th.integrity.stats.IntegrationTestSupport;
import th.integrity.stats.agency.AgencyDirectory;
import th.integrity.stats.projection.CaseShapes;
import th.integrity.stats.projection.ProjectionStore;

/**
 * A draft runs through the current month in Bangkok, marked as running, and never further: months that have not
 * begun are never printed as ไม่มีเรื่องร้องเรียน with counts carried into them, and the running month never reads
 * as a month without complaints. The clock is set in the middle of a fiscal year, and at the edges of months in
 * Bangkok (an hour that is still the previous month in UTC).
 */
class DraftRangeTest extends IntegrationTestSupport {

    @Autowired
    CaseShapes shapes;
    @Autowired
    ProjectionStore store;
    @Autowired
    AgencyDirectory agencies;

    private ComplaintTables at(String instant) {
        return new ComplaintTables(shapes, store, agencies, Clock.fixed(Instant.parse(instant), FiscalCalendar.BANGKOK));
    }

    private static List<String> months(ComplaintTable table) {
        return lastBlock(table).rows().stream().map(ComplaintTable.Row::month).toList();
    }

    private static ComplaintTable.Block lastBlock(ComplaintTable table) {
        return table.blocks().get(table.blocks().size() - 1);
    }

    @Test
    void midFiscalYearTheDraftStopsAtTheRunningMonthMarkedAsRunning() {
        // 15 December 2569 (fiscal year 2570): October and November have ended, December is under way.
        ComplaintTable table = at("2026-12-15T05:00:00Z").draft(newAgency(), FiscalYear.of(2570), null);

        assertThat(months(table)).containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(table.through()).isEqualTo("2026-12");
        assertThat(table.blocks()).allSatisfy(block -> assertThat(block.rows()).hasSize(3));
        ComplaintTable.Row november = lastBlock(table).rows().get(1);
        ComplaintTable.Row december = lastBlock(table).rows().get(2);
        // An ended month without complaints says so; the running one says it is running, in both languages.
        assertThat(november.remarkTh()).isEqualTo("ไม่มีเรื่องร้องเรียน");
        assertThat(december.remarkTh()).contains("ยังไม่สิ้นเดือน").doesNotContain("ไม่มีเรื่องร้องเรียน");
        assertThat(december.remarkEn()).contains("has not ended");
        assertThat(december.empty()).isFalse();
        // an ended month asked for is not marked running
        assertThat(months(at("2026-12-15T05:00:00Z").draft(newAgency(), FiscalYear.of(2570), "2026-11")))
                .containsExactly("2026-10", "2026-11");
    }

    @Test
    void theEdgesOfAMonthAreThoseOfBangkok() {
        String agency = newAgency();
        // 23:59:59 on 30 November in Bangkok: November is the running month.
        assertThat(months(at("2026-11-30T16:59:59Z").draft(agency, FiscalYear.of(2570), null)))
                .containsExactly("2026-10", "2026-11");
        // Midnight of 1 December in Bangkok (still 30 November in UTC): December has begun.
        assertThat(months(at("2026-11-30T17:00:00Z").draft(agency, FiscalYear.of(2570), null)))
                .containsExactly("2026-10", "2026-11", "2026-12");
        // A fiscal year that is over is drafted whole, nothing marked running.
        ComplaintTable over = at("2026-11-30T17:00:00Z").draft(agency, FiscalYear.of(2569), null);
        assertThat(months(over)).hasSize(12);
        assertThat(lastBlock(over).rows()).allSatisfy(r -> assertThat(r.remarkTh()).doesNotContain("ยังไม่สิ้นเดือน"));
    }

    @Test
    void aMonthThatHasNotBegunIsRefusedWithBothMonthsNamed() {
        ComplaintTables tables = at("2026-12-15T05:00:00Z");
        String agency = newAgency();
        for (String through : new String[] { "2027-01", "2027-09" }) {
            assertThatThrownBy(() -> tables.draft(agency, FiscalYear.of(2570), through))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(400);
                        assertThat(e.getBody().getDetail()).contains(
                                FiscalCalendar.monthLabelEnglish(YearMonth.parse(through)), "December 2569 BE");
                    });
        }
        assertThat(months(tables.draft(agency, FiscalYear.of(2570), "2026-12"))).hasSize(3);
        // A fiscal year that has not begun (2571 in December 2569; 2570 on 30 September 2569 in Bangkok).
        assertThatThrownBy(() -> at("2026-09-30T16:59:59Z").draft(agency, FiscalYear.of(2570), null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        assertThat(months(at("2026-09-30T17:00:00Z").draft(agency, FiscalYear.of(2570), null)))
                .containsExactly("2026-10");
        assertThatThrownBy(() -> tables.draft(agency, FiscalYear.of(2571), null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void overHttpTheCurrentFiscalYearsDraftEndsWithTheCurrentMonth() {
        YearMonth current = FiscalCalendar.monthOf(Instant.now());
        FiscalYear year = FiscalCalendar.fiscalYearOf(current);
        String agency = newAgency();
        JsonNode table = asOfficer("/api/stats/complaints/" + agency + "/" + year.buddhistYear() + "/draft").body();

        assertThat(table.path("through").asString()).isEqualTo(current.toString());
        JsonNode rows = allRows(table);
        assertThat(rows.get(rows.size() - 1).path("month").asString()).isEqualTo(current.toString());

        Response next = asOfficer("/api/stats/complaints/" + agency + "/" + year.buddhistYear() + "/draft?through="
                + current.plusMonths(1));
        if (year.contains(current.plusMonths(1))) {
            assertThat(next.status()).isEqualTo(400);
            assertThat(next.body().path("errors").get(0).path("field").asString()).isEqualTo("through");
            assertThat(next.body().path("detail_th").asString())
                    .contains(FiscalCalendar.monthLabelThai(current.plusMonths(1)), "ยังมาไม่ถึง");
        }
        Response notStarted = asOfficer("/api/stats/complaints/" + agency + "/" + (year.buddhistYear() + 1) + "/draft");
        assertThat(notStarted.status()).isEqualTo(400);
        assertThat(notStarted.body().path("errors").get(0).path("field").asString()).isEqualTo("fiscalYear");
    }
}
