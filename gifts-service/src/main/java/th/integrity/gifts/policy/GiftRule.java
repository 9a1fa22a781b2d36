package th.integrity.gifts.policy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.platform.text.Texts;

/**
 * The national rule (NACC announcement on ethical acceptance, behind section 128) with the agency's policy, as a
 * pure function: the same facts always give the same {@link Evaluation}. Checked in this order:
 * <ol>
 * <li>money from anyone but a relative: never allowed;</li>
 * <li>a giver with business pending with the office: the head decides whatever the value, unless the gift
 * was refused or returned (nothing was taken, so there is nothing to decide);</li>
 * <li>from a relative: allowed as custom permits;</li>
 * <li>given to the public alike: allowed;</li>
 * <li>from anyone else: allowed while this gift plus the earlier accepted ones from the same giver on the same
 * occasion are worth at most the limit (exactly the limit is allowed); above it, a gift that was kept needs the
 * head's decision, one that was refused, returned, handed to the agency or donated does not.</li>
 * </ol>
 */
public final class GiftRule {

    private GiftRule() {
    }

    /**
     * @param relation              how the giver stands to the declarant
     * @param kind                  what was offered
     * @param pendingBusiness       whether the giver has business pending with the office
     * @param disposition           what happened to the gift
     * @param value                 this gift's value, baht, scale 2
     * @param earlierFromSameGiver  the value of the earlier accepted gifts from the same giver on the same occasion
     * @param offeredOn             the date offered
     * @param declaredOn            the date declared (Asia/Bangkok)
     */
    public record Facts(Relation relation, GiftKind kind, boolean pendingBusiness, Disposition disposition,
            BigDecimal value, BigDecimal earlierFromSameGiver, LocalDate offeredOn, LocalDate declaredOn) {
    }

    public static Evaluation evaluate(Facts facts, GiftsProperties.Policy policy) {
        BigDecimal total = facts.value().add(facts.earlierFromSameGiver()).setScale(2);
        int window = policy.decisionWindowDays();
        LocalDate due = facts.offeredOn().plusDays(window);
        boolean kept = facts.disposition() == Disposition.KEPT;
        boolean taken = facts.disposition().accepted();

        RuleOutcome outcome;
        String reason;
        if (facts.kind() == GiftKind.MONEY && facts.relation() != Relation.RELATIVE) {
            outcome = RuleOutcome.NOT_ALLOWED;
            reason = "gifts.rule.money";
        } else if (facts.pendingBusiness() && taken) {
            outcome = RuleOutcome.NEEDS_DECISION;
            reason = "gifts.rule.pending-business";
        } else if (facts.pendingBusiness()) {
            outcome = RuleOutcome.ALLOWED;
            reason = "gifts.rule.pending-business-not-taken";
        } else if (facts.relation() == Relation.RELATIVE) {
            outcome = RuleOutcome.ALLOWED;
            reason = "gifts.rule.relative";
        } else if (facts.relation() == Relation.GIVEN_TO_PUBLIC) {
            outcome = RuleOutcome.ALLOWED;
            reason = "gifts.rule.public";
        } else if (total.compareTo(policy.limit()) <= 0) {
            outcome = RuleOutcome.ALLOWED;
            reason = "gifts.rule.within-limit";
        } else if (kept) {
            outcome = RuleOutcome.NEEDS_DECISION;
            reason = "gifts.rule.over-limit-kept";
        } else {
            outcome = RuleOutcome.ALLOWED;
            reason = "gifts.rule.over-limit-not-kept";
        }

        boolean mustMeetWindow = policy.everyGiftMustBeDeclared() || outcome != RuleOutcome.ALLOWED;
        boolean late = mustMeetWindow && facts.declaredOn().isAfter(due);
        // The same facts in each language: the due date as Thai readers write it, the disposition's own label.
        Object[] th = { baht(total), baht(policy.limit()), window, FiscalCalendar.dateLabelThaiShort(due),
                facts.disposition().labelTh() };
        Object[] en = { baht(total), baht(policy.limit()), window, FiscalCalendar.dateLabelEnglishShort(due),
                facts.disposition().labelEn().toLowerCase(Locale.ROOT) };
        return new Evaluation(outcome, text(Texts.THAI, reason, late, th), text(Locale.ENGLISH, reason, late, en),
                late, outcome == RuleOutcome.NEEDS_DECISION ? due : null, total, policy.limit());
    }

    /** The reason in one language, with the lateness note after it when the declaration came late. */
    private static String text(Locale language, String reason, boolean late, Object[] facts) {
        String text = Texts.in(language, reason, facts);
        if (!late) {
            return text;
        }
        Object[] withReason = Arrays.copyOf(facts, 6);
        withReason[5] = text;
        return Texts.in(language, "gifts.rule.late", withReason);
    }

    /** {@code 3,000.00} */
    static String baht(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}
