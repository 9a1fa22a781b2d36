package th.integrity.gifts.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

import th.integrity.gifts.gift.RuleOutcome;

/**
 * What the rule concluded for one declaration; stored with it, never recomputed (the policy may change later).
 *
 * @param outcome            allowed, needs the head's decision, or not allowed
 * @param reasonTh           why, in Thai
 * @param reasonEn           why, in English
 * @param declaredLate       declared more than the decision window after the date offered, where it had to be
 * @param decisionDueOn      when a decision is needed: the date offered + the window; otherwise null
 * @param giverOccasionTotal the value of this gift and the earlier accepted ones from the same giver on the same
 *                           occasion (same declarant, same fiscal year)
 * @param limit              the limit in force when the rule was applied
 */
public record Evaluation(
        RuleOutcome outcome,
        String reasonTh,
        String reasonEn,
        boolean declaredLate,
        LocalDate decisionDueOn,
        BigDecimal giverOccasionTotal,
        BigDecimal limit) {
}
