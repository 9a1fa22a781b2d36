package th.integrity.gifts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.RuleOutcome;

/** The rule at each of its edges, without Spring, MongoDB or Kafka. */
class GiftRuleTest {

    static final GiftsProperties.Policy NATIONAL_AND_NO_GIFT = new GiftsProperties.Policy(new BigDecimal("3000.00"), 30, true);
    static final GiftsProperties.Policy NATIONAL_ONLY = new GiftsProperties.Policy(new BigDecimal("3000.00"), 30, false);
    static final LocalDate OFFERED = LocalDate.of(2025, 1, 15);

    static Evaluation evaluate(Relation relation, GiftKind kind, boolean pending, Disposition disposition, String value,
            String earlier, LocalDate declaredOn, GiftsProperties.Policy policy) {
        return GiftRule.evaluate(new GiftRule.Facts(relation, kind, pending, disposition, new BigDecimal(value),
                new BigDecimal(earlier), OFFERED, declaredOn), policy);
    }

    static Evaluation kept(String value) {
        return evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.KEPT, value, "0.00", OFFERED,
                NATIONAL_AND_NO_GIFT);
    }

    @Test
    void exactlyTheLimitIsAllowedOneSatangMoreNeedsTheHeadsDecision() {
        Evaluation atLimit = kept("3000.00");
        Evaluation over = kept("3000.01");

        assertThat(atLimit.outcome()).isEqualTo(RuleOutcome.ALLOWED);
        assertThat(atLimit.decisionDueOn()).isNull();
        assertThat(atLimit.reasonTh()).contains("3,000.00 บาท ไม่เกิน 3,000.00 บาท");
        assertThat(over.outcome()).isEqualTo(RuleOutcome.NEEDS_DECISION);
        assertThat(over.decisionDueOn()).isEqualTo(LocalDate.of(2025, 2, 14));
        assertThat(over.reasonEn()).contains("3,000.01 baht", "more than 3,000.00 baht");
        assertThat(over.reasonTh()).contains("14 ก.พ. 2568");
    }

    @Test
    void everyReasonWritesItsDatesInTheBuddhistEraInBothLanguagesNeverAsIsoDates() {
        java.util.regex.Pattern iso = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        int reasons = 0;
        for (Relation relation : Relation.values()) {
            for (GiftKind kind : GiftKind.values()) {
                for (boolean pending : new boolean[] { true, false }) {
                    for (Disposition disposition : Disposition.values()) {
                        for (String value : new String[] { "100.00", "3000.01" }) {
                            for (LocalDate declared : new LocalDate[] { OFFERED, OFFERED.plusDays(40) }) {
                                Evaluation e = evaluate(relation, kind, pending, disposition, value, "0.00", declared,
                                        NATIONAL_AND_NO_GIFT);
                                assertThat(e.reasonEn()).doesNotContainPattern(iso);
                                assertThat(e.reasonTh()).doesNotContainPattern(iso);
                                reasons++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(reasons).isGreaterThan(100);
        assertThat(kept("3000.01").reasonEn()).contains("(by 14 Feb 2568 BE)");
        assertThat(kept("3000.01").reasonTh()).contains("14 ก.พ. 2568");
    }

    @Test
    void earlierGiftsFromTheSameGiverOnTheSameOccasionAddUp() {
        Evaluation second = evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.KEPT, "1000.01",
                "2000.00", OFFERED, NATIONAL_AND_NO_GIFT);
        Evaluation justWithin = evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.KEPT, "1000.00",
                "2000.00", OFFERED, NATIONAL_AND_NO_GIFT);

        assertThat(second.outcome()).isEqualTo(RuleOutcome.NEEDS_DECISION);
        assertThat(second.giverOccasionTotal()).isEqualByComparingTo("3000.01");
        assertThat(justWithin.outcome()).isEqualTo(RuleOutcome.ALLOWED);
        assertThat(justWithin.giverOccasionTotal()).isEqualTo(new BigDecimal("3000.00"));
    }

    @Test
    void fromARelativeAnyValueIsAllowed() {
        Evaluation relative = evaluate(Relation.RELATIVE, GiftKind.ITEM, false, Disposition.KEPT, "50000.00", "0.00",
                OFFERED, NATIONAL_AND_NO_GIFT);
        assertThat(relative.outcome()).isEqualTo(RuleOutcome.ALLOWED);
        assertThat(relative.reasonEn()).contains("relative");
    }

    @Test
    void givenToThePublicAlikeIsAllowed() {
        assertThat(evaluate(Relation.GIVEN_TO_PUBLIC, GiftKind.ITEM, false, Disposition.KEPT, "5000.00", "0.00",
                OFFERED, NATIONAL_AND_NO_GIFT).outcome()).isEqualTo(RuleOutcome.ALLOWED);
    }

    @Test
    void moneyFromAnyoneButARelativeIsNeverAllowed() {
        assertThat(evaluate(Relation.NOT_RELATIVE, GiftKind.MONEY, false, Disposition.KEPT, "100.00", "0.00", OFFERED,
                NATIONAL_AND_NO_GIFT).outcome()).isEqualTo(RuleOutcome.NOT_ALLOWED);
        assertThat(evaluate(Relation.GIVEN_TO_PUBLIC, GiftKind.MONEY, false, Disposition.RETURNED, "0.00", "0.00",
                OFFERED, NATIONAL_AND_NO_GIFT).outcome()).isEqualTo(RuleOutcome.NOT_ALLOWED);
        assertThat(evaluate(Relation.RELATIVE, GiftKind.MONEY, false, Disposition.KEPT, "10000.00", "0.00", OFFERED,
                NATIONAL_AND_NO_GIFT).outcome()).isEqualTo(RuleOutcome.ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(value = Disposition.class, names = { "KEPT", "HANDED_TO_AGENCY", "DONATED" })
    void pendingBusinessNeedsTheHeadsDecisionWhateverTheValue(Disposition disposition) {
        Evaluation small = evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, true, disposition, "0.00", "0.00", OFFERED,
                NATIONAL_AND_NO_GIFT);
        Evaluation relative = evaluate(Relation.RELATIVE, GiftKind.ITEM, true, disposition, "100.00", "0.00", OFFERED,
                NATIONAL_AND_NO_GIFT);
        assertThat(small.outcome()).isEqualTo(RuleOutcome.NEEDS_DECISION);
        assertThat(relative.outcome()).isEqualTo(RuleOutcome.NEEDS_DECISION);
        assertThat(small.decisionDueOn()).isEqualTo(OFFERED.plusDays(30));
    }

    @ParameterizedTest
    @EnumSource(value = Disposition.class, names = { "REFUSED", "RETURNED" })
    void pendingBusinessRefusedOrReturnedLeavesNothingToDecide(Disposition disposition) {
        assertThat(evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, true, disposition, "9000.00", "0.00", OFFERED,
                NATIONAL_AND_NO_GIFT).outcome()).isEqualTo(RuleOutcome.ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(value = Disposition.class, names = { "REFUSED", "RETURNED", "HANDED_TO_AGENCY", "DONATED" })
    void overTheLimitButNotKeptNeedsNoDecision(Disposition disposition) {
        Evaluation evaluation = evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, disposition, "9000.00", "0.00",
                OFFERED, NATIONAL_AND_NO_GIFT);
        assertThat(evaluation.outcome()).isEqualTo(RuleOutcome.ALLOWED);
        assertThat(evaluation.decisionDueOn()).isNull();
    }

    @Test
    void day30IsOnTimeDay31IsLate() {
        Evaluation day30 = evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.KEPT, "5000.00", "0.00",
                OFFERED.plusDays(30), NATIONAL_AND_NO_GIFT);
        Evaluation day31 = evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.KEPT, "5000.00", "0.00",
                OFFERED.plusDays(31), NATIONAL_AND_NO_GIFT);

        assertThat(day30.declaredLate()).isFalse();
        assertThat(day31.declaredLate()).isTrue();
        assertThat(day31.outcome()).isEqualTo(RuleOutcome.NEEDS_DECISION);
        assertThat(day31.reasonEn()).contains("more than 30 days after");
        assertThat(day31.reasonTh()).contains("ยื่นเกิน 30 วัน");
    }

    @Test
    void underTheNoGiftPolicyEveryGiftIsHeldToTheWindowUnderTheNationalFloorOnlyThoseNeedingADecision() {
        LocalDate late = OFFERED.plusDays(31);
        assertThat(evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.REFUSED, "500.00", "0.00", late,
                NATIONAL_AND_NO_GIFT).declaredLate()).isTrue();
        assertThat(evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.REFUSED, "500.00", "0.00", late,
                NATIONAL_ONLY).declaredLate()).isFalse();
        assertThat(evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.KEPT, "5000.00", "0.00", late,
                NATIONAL_ONLY).declaredLate()).isTrue();
    }

    @Test
    void theAgencysLimitAndWindowApply() {
        GiftsProperties.Policy strict = new GiftsProperties.Policy(new BigDecimal("500.00"), 15, true);
        Evaluation evaluation = evaluate(Relation.NOT_RELATIVE, GiftKind.ITEM, false, Disposition.KEPT, "500.01",
                "0.00", OFFERED.plusDays(16), strict);
        assertThat(evaluation.outcome()).isEqualTo(RuleOutcome.NEEDS_DECISION);
        assertThat(evaluation.decisionDueOn()).isEqualTo(OFFERED.plusDays(15));
        assertThat(evaluation.declaredLate()).isTrue();
        assertThat(evaluation.limit()).isEqualByComparingTo("500.00");
    }
}
