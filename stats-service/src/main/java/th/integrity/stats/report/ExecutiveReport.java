package th.integrity.stats.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The monthly report for the head of an agency: the month's complaints by category and channel, what was
 * concluded and how, the cases overdue now, and the gifts declared and decisions pending. Case ids only, no
 * reporter identity, no names.
 *
 * @param month           {@code YYYY-MM}
 * @param received        complaints received in the month
 * @param concluded       complaints concluded in the month (of any month of receipt)
 * @param overdue         cases not final whose current status' deadline has passed (as of {@code generatedAt})
 * @param openByStatus    cases not final now, per status
 * @param gifts           gift declarations offered in the month, and decisions pending now
 * @param referred        complaints referred to another body in the month (by the time of referral), per body,
 *                        that stand referred now
 */
record ExecutiveReport(
        String agency,
        @JsonProperty("agencyName_th") String agencyNameTh,
        String month,
        @JsonProperty("month_th") String monthTh,
        String generatedAt,
        @JsonProperty("generatedOn_th") String generatedOnTh,
        Received received,
        Concluded concluded,
        Overdue overdue,
        Map<String, Long> openByStatus,
        Gifts gifts,
        Referred referred) {

    /** A report without referral counts (none referred). */
    ExecutiveReport(String agency, String agencyNameTh, String month, String monthTh, String generatedAt,
            String generatedOnTh, Received received, Concluded concluded, Overdue overdue,
            Map<String, Long> openByStatus, Gifts gifts) {
        this(agency, agencyNameTh, month, monthTh, generatedAt, generatedOnTh, received, concluded, overdue,
                openByStatus, gifts, new Referred(0, th.integrity.stats.table.Labels.REFERRAL_BODIES.stream()
                        .collect(java.util.stream.Collectors.toMap(th.integrity.stats.table.Labels.Label::code,
                                l -> 0L, (a, b) -> a, java.util.LinkedHashMap::new))));
    }

    /** @param byBody per forwarding-body code, every body present */
    public record Referred(long total, Map<String, Long> byBody) {
    }

    public record Received(long total, Map<String, Long> byCategory, Map<String, Long> byChannel) {
    }

    /** @param averageDaysToConclusion one decimal, {@code null} when none had known dates */
    public record Concluded(long total, Map<String, Long> byOutcome, Map<String, Long> byClosureReason,
            Double averageDaysToConclusion) {
    }

    /** @param cases the longest overdue first, at most {@link ExecutiveReportService#MAX_OVERDUE_LISTED} */
    public record Overdue(long total, List<OverdueCase> cases) {
    }

    /**
     * @param dueAt      the deadline, ISO-8601 with the Bangkok offset (for programs)
     * @param dueOnTh    the deadline's day as people read it, {@code 15 ต.ค. 2569}
     * @param dueOnEn    the same in English, {@code 15 Oct 2569 BE}
     * @param caseNumber เลขรับ (e.g. {@code วท 0012/2570}), what officers know the case by; null for older cases
     */
    public record OverdueCase(String caseId, String category, String status, @JsonProperty("status_th") String statusTh,
            String dueAt, long daysOverdue, @JsonProperty("dueOn_th") String dueOnTh,
            @JsonProperty("dueOn_en") String dueOnEn, String caseNumber) {
    }

    /**
     * @param declared         declarations offered in the month that count (not superseded)
     * @param byDisposition    of those, per disposition
     * @param decisionsPending declarations of the agency waiting for the head's decision now
     * @param decisionsOverdue of those, past their decision date
     */
    public record Gifts(long declared, Map<String, Long> byDisposition, long decisionsPending, long decisionsOverdue) {
    }
}
