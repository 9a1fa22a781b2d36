package th.integrity.stats.gifts;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import th.integrity.stats.table.ComplaintTable;

/**
 * The gift statistics of one agency and round: counts only, never a declarant's or giver's name (the events
 * carry none). A declaration counts once, in its latest version; one superseded by a correction does not count.
 *
 * @param declarations     declarations of the round that count
 * @param byDisposition    per disposition code (every code present)
 * @param byRuleOutcome    per rule outcome code
 * @param byValueBand      per value band code
 * @param byKind           per kind of gift
 * @param declaredLate     reported more than 30 days after the date offered
 * @param nilReturns       nil returns filed for the round
 * @param decisionsPending need a decision of the head of agency and have none yet
 * @param decisionsOverdue of those, the decision date has passed (Bangkok, as of {@code generatedAt})
 */
public record GiftTable(
        String agency,
        @JsonProperty("agencyName_th") String agencyNameTh,
        @JsonProperty("agencyName_en") String agencyNameEn,
        int fiscalYear,
        String round,
        @JsonProperty("round_th") String roundTh,
        @JsonProperty("title_th") String titleTh,
        @JsonProperty("title_en") String titleEn,
        ComplaintTable.Period period,
        String generatedAt,
        @JsonProperty("generatedOn_th") String generatedOnTh,
        long declarations,
        Map<String, Long> byDisposition,
        Map<String, Long> byRuleOutcome,
        Map<String, Long> byValueBand,
        Map<String, Long> byKind,
        long declaredLate,
        long nilReturns,
        long decisionsPending,
        long decisionsOverdue) {
}
