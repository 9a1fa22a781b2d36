package th.integrity.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.integrity.stats.IntegrationTestSupport;
import th.integrity.stats.projection.ComplaintCaseProjection;
import th.integrity.stats.projection.ComplaintEvent;

/**
 * The executive report lists at most {@link ExecutiveReportService#MAX_OVERDUE_LISTED} overdue cases, longest overdue
 * first and then by case id, out of all of them: with more overdue cases than that, and many tied on the days
 * overdue at the cut, the list is the same as sorting every overdue case (the store reads only the earliest
 * deadlines and their ties, not every open case).
 */
class ExecutiveReportOverdueTest extends IntegrationTestSupport {

    @Autowired
    ComplaintCaseProjection projection;
    @Autowired
    ExecutiveReportService reports;

    @Test
    void theListedOverdueCasesAreTheLongestOverdueOfAllOfThemTiesByCaseId() {
        String agency = newAgency();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        record Expected(String caseId, long days) {
        }
        List<Expected> all = new ArrayList<>();
        int cases = ExecutiveReportService.MAX_OVERDUE_LISTED + 30;
        for (int i = 0; i < cases; i++) {
            // Days overdue 3..0 in four bands; within a band the earliest deadline has the highest case id.
            long days = 3 - i % 4;
            Instant due = now.minus(Duration.ofDays(days)).minus(Duration.ofMinutes(10 + i));
            String caseId = String.format("C-%03d", i);
            projection.apply(new ComplaintEvent(UUID.randomUUID().toString(), "complaint.submitted.v1", now,
                    new ComplaintEvent.Snapshot(agency, caseId, "WEB", "CORRUPTION", null,
                            Instant.parse("2025-01-10T03:00:00Z"), "UNDER_REVIEW", 1, null, null, null, null, null,
                            due)));
            all.add(new Expected(caseId, Duration.between(due, now).toDays()));
        }
        // One open case not yet due, one concluded past its deadline: neither is overdue.
        projection.apply(new ComplaintEvent(UUID.randomUUID().toString(), "complaint.submitted.v1", now,
                new ComplaintEvent.Snapshot(agency, "NOT-DUE", "WEB", "CORRUPTION", null,
                        Instant.parse("2025-01-10T03:00:00Z"), "UNDER_REVIEW", 1, null, null, null, null, null,
                        now.plus(Duration.ofDays(2)))));
        projection.apply(new ComplaintEvent(UUID.randomUUID().toString(), "complaint.concluded.v1", now,
                new ComplaintEvent.Snapshot(agency, "DONE", "WEB", "CORRUPTION", null,
                        Instant.parse("2025-01-10T03:00:00Z"), "CONCLUDED_WITH_CAUSE", 1, null, null, null,
                        Instant.parse("2025-01-20T03:00:00Z"), null, now.minus(Duration.ofDays(9)))));

        ExecutiveReport report = reports.report(agency, YearMonth.of(2025, 1));

        List<String> expected = all.stream()
                .sorted(Comparator.comparingLong(Expected::days).reversed().thenComparing(Expected::caseId))
                .limit(ExecutiveReportService.MAX_OVERDUE_LISTED).map(Expected::caseId).toList();
        assertThat(report.overdue().total()).isEqualTo(cases);
        assertThat(report.overdue().cases()).extracting(ExecutiveReport.OverdueCase::caseId)
                .containsExactlyElementsOf(expected);
        assertThat(report.openByStatus().get("UNDER_REVIEW")).isEqualTo(cases + 1L);
    }
}
