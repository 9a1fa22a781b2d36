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
 * A draft runs through the last month that has ended in Bangkok: months that have not happened are never printed
 * as ไม่มีเรื่องร้องเรียน with counts carried into them. The clock is set in the middle of a fiscal year, and at the
 * edges of months in Bangkok (an hour that is still the previous month in UTC).
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
        return table.blocks().get(table.blocks().size() - 1).rows().stream().map(ComplaintTable.Row::month).toList();
    }

    @Test
    void midFiscalYearTheDraftStopsAtTheLastEndedMonth() {
        // 15 December 2569 (fiscal year 2570): October and November have ended, December is under way.
        ComplaintTable table = at("2026-12-15T05:00:00Z").draft(newAgency(), FiscalYear.of(2570), null);

        assertThat(months(table)).containsExactly("2026-10", "2026-11");
        assertThat(table.through()).isEqualTo("2026-11");
        assertThat(table.period().labelTh()).isEqualTo("1 ตุลาคม 2569 – 30 พฤศจิกายน 2569");
        assertThat(table.blocks()).allSatisfy(block -> assertThat(block.rows()).hasSize(2));
    }

    @Test
    void theEdgesOfAMonthAreThoseOfBangkok() {
        String agency = newAgency();
        // 23:59:59 on 30 November in Bangkok: November is still under way.
        assertThat(months(at("2026-11-30T16:59:59Z").draft(agency, FiscalYear.of(2570), null)))
                .containsExactly("2026-10");
        // Midnight of 1 December in Bangkok (still 30 November in UTC): November has ended.
        assertThat(months(at("2026-11-30T17:00:00Z").draft(agency, FiscalYear.of(2570), null)))
                .containsExactly("2026-10", "2026-11");
        // A fiscal year that is over is drafted whole.
        assertThat(months(at("2026-11-30T17:00:00Z").draft(agency, FiscalYear.of(2569), null))).hasSize(12);
    }

    @Test
    void aMonthThatHasNotEndedIsRefusedWithBothMonthsNamed() {
        ComplaintTables tables = at("2026-12-15T05:00:00Z");
        String agency = newAgency();
        for (String through : new String[] { "2026-12", "2027-01", "2027-09" }) {
            assertThatThrownBy(() -> tables.draft(agency, FiscalYear.of(2570), through))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(400);
                        assertThat(e.getBody().getDetail()).contains(
                                FiscalCalendar.monthLabelEnglish(YearMonth.parse(through)), "November 2569 BE");
                    });
        }
        assertThat(months(tables.draft(agency, FiscalYear.of(2570), "2026-11"))).hasSize(2);
        // No month of fiscal year 2570 has ended on its first day, nor of 2571 at all.
        for (String instant : new String[] { "2026-09-30T17:00:00Z", "2026-10-31T16:59:59Z" }) {
            assertThatThrownBy(() -> at(instant).draft(agency, FiscalYear.of(2570), null))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        }
        assertThatThrownBy(() -> tables.draft(agency, FiscalYear.of(2571), null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void overHttpTheCurrentFiscalYearsDraftEndsWithTheLastEndedMonth() {
        YearMonth lastEnded = FiscalCalendar.monthOf(Instant.now()).minusMonths(1);
        FiscalYear year = FiscalCalendar.fiscalYearOf(lastEnded);
        String agency = newAgency();
        JsonNode table = asOfficer("/api/stats/complaints/" + agency + "/" + year.buddhistYear() + "/draft").body();

        assertThat(table.path("through").asString()).isEqualTo(lastEnded.toString());
        JsonNode rows = allRows(table);
        assertThat(rows.get(rows.size() - 1).path("month").asString()).isEqualTo(lastEnded.toString());

        Response running = asOfficer("/api/stats/complaints/" + agency + "/" + year.buddhistYear() + "/draft?through="
                + lastEnded.plusMonths(1));
        if (year.contains(lastEnded.plusMonths(1))) {
            assertThat(running.status()).isEqualTo(400);
            assertThat(running.body().path("errors").get(0).path("field").asString()).isEqualTo("through");
            assertThat(running.body().path("detail_th").asString())
                    .contains(FiscalCalendar.monthLabelThai(lastEnded.plusMonths(1)), "ยังไม่สิ้นสุด");
        }
        Response notStarted = asOfficer("/api/stats/complaints/" + agency + "/" + (year.buddhistYear() + 1) + "/draft");
        assertThat(notStarted.status()).isEqualTo(400);
        assertThat(notStarted.body().path("errors").get(0).path("field").asString()).isEqualTo("fiscalYear");
    }
}
