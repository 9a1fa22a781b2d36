package th.integrity.stats.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An executive report whose every text is {@code text}; {@code overdue} cases or none. */
final class SampleReports {

    private SampleReports() {
    }

    static ExecutiveReport report(String text, boolean overdue) {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        byCategory.put("CORRUPTION", 2L);
        byCategory.put(text, 1L);
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        byOutcome.put("CONCLUDED_WITH_CAUSE", 1L);
        byOutcome.put(null, 4L);
        List<ExecutiveReport.OverdueCase> cases = overdue ? List.of(
                new ExecutiveReport.OverdueCase(text + " case", text, "UNDER_REVIEW", text + " status", text + " due", 7,
                        text + " due", text + " due", null),
                new ExecutiveReport.OverdueCase("C-2", "MISCONDUCT", "RECEIVED", "รับเรื่อง", null, 1, "", "", null)) : List.of();
        return new ExecutiveReport("agency", text, "2025-01", text + " month", "2025-02-01T10:00:00+07:00",
                text + " generated", new ExecutiveReport.Received(3, byCategory, Map.of("WEB", 3L)),
                new ExecutiveReport.Concluded(1, byOutcome, Map.of("DUPLICATE", 1L), overdue ? 4.5 : null),
                new ExecutiveReport.Overdue(cases.size(), cases), Map.of("RECEIVED", 2L),
                new ExecutiveReport.Gifts(5, Map.of("KEPT", 5L, text, 1L), 2, 1));
    }
}
