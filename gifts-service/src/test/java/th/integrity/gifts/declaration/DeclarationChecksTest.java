package th.integrity.gifts.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.GiverType;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.platform.web.FieldProblem;

/**
 * What a declaration must contain for each disposition and occasion, and where the form's value sends it under
 * the 3,000-baht rule: the declaration checks alone, without Spring, MongoDB or Kafka (the rule's own edges are
 * in GiftRuleTest).
 */
class DeclarationChecksTest {

    static final LocalDate TODAY = LocalDate.of(2025, 2, 1);
    static final LocalDate OFFERED = LocalDate.of(2025, 1, 15);
    static final GiftsProperties.Policy POLICY = new GiftsProperties.Policy(new BigDecimal("3000.00"), 30, true);

    /** A complete declaration of a gift kept; the arguments replace one part of it each. */
    static DeclareGift gift(String value, Disposition disposition, LocalDate disposedOn, String reason,
            Occasion occasion, String occasionDetail) {
        return new DeclareGift(OFFERED, new DeclareGift.GiverInput("บริษัท ตัวอย่าง จำกัด", GiverType.ORGANISATION,
                Relation.NOT_RELATIVE, false), GiftKind.ITEM, "กระเช้าของขวัญ", new BigDecimal(value),
                "ราคาตามใบเสร็จ", reason, occasion, occasionDetail, disposition, disposedOn);
    }

    static DeclareGift kept(String value) {
        return gift(value, Disposition.KEPT, null, "มอบไว้ที่สำนักงาน", Occasion.NEW_YEAR, null);
    }

    static DeclareGift disposed(String value, Disposition disposition) {
        return gift(value, disposition, OFFERED.plusDays(1), null, Occasion.NEW_YEAR, null);
    }

    static List<String> fields(DeclareGift gift) {
        return DeclarationChecks.problems(gift, TODAY).stream().map(FieldProblem::field).toList();
    }

    @Test
    void aCompleteDeclarationHasNoProblems() {
        assertThat(fields(kept("100.00"))).isEmpty();
        assertThat(fields(disposed("100.00", Disposition.RETURNED))).isEmpty();
    }

    @Test
    void aGiftKeptSaysWhyAndNeedsNoDateOfDisposal() {
        assertThat(fields(gift("100.00", Disposition.KEPT, null, null, Occasion.NEW_YEAR, null)))
                .containsExactly("acceptanceReason");
    }

    @ParameterizedTest
    @EnumSource(value = Disposition.class, names = { "REFUSED", "RETURNED", "HANDED_TO_AGENCY", "DONATED" })
    void aGiftNotKeptSaysWhenItWasDisposedOfAndNeedsNoReason(Disposition disposition) {
        assertThat(fields(gift("100.00", disposition, null, null, Occasion.NEW_YEAR, null)))
                .containsExactly("disposedOn");
        assertThat(fields(gift("100.00", disposition, OFFERED, null, Occasion.NEW_YEAR, null))).isEmpty();
        assertThat(fields(gift("100.00", disposition, TODAY, null, Occasion.NEW_YEAR, null))).isEmpty();
    }

    @Test
    void theDateOfDisposalLiesBetweenTheDateOfferedAndToday() {
        assertThat(fields(gift("100.00", Disposition.RETURNED, OFFERED.minusDays(1), null, Occasion.NEW_YEAR, null)))
                .containsExactly("disposedOn");
        assertThat(fields(gift("100.00", Disposition.RETURNED, TODAY.plusDays(1), null, Occasion.NEW_YEAR, null)))
                .containsExactly("disposedOn");
    }

    @Test
    void aGiftCannotBeOfferedInTheFuture() {
        DeclareGift tomorrow = new DeclareGift(TODAY.plusDays(1), kept("1.00").giver(), GiftKind.ITEM, "ของ",
                BigDecimal.ONE, "ราคา", "เหตุผล", Occasion.NEW_YEAR, null, Disposition.KEPT, null);
        assertThat(fields(tomorrow)).containsExactly("offeredOn");
        DeclareGift today = new DeclareGift(TODAY, kept("1.00").giver(), GiftKind.ITEM, "ของ", BigDecimal.ONE,
                "ราคา", "เหตุผล", Occasion.NEW_YEAR, null, Disposition.KEPT, null);
        assertThat(fields(today)).isEmpty();
    }

    @Test
    void anOtherOccasionIsNamedTheListedOnesNeedNoDetail() {
        assertThat(fields(gift("100.00", Disposition.KEPT, null, "เหตุผล", Occasion.OTHER, null)))
                .containsExactly("occasionDetail");
        assertThat(fields(gift("100.00", Disposition.KEPT, null, "เหตุผล", Occasion.OTHER, "งานบวช"))).isEmpty();
        for (Occasion listed : Occasion.values()) {
            if (listed != Occasion.OTHER) {
                assertThat(fields(gift("100.00", Disposition.KEPT, null, "เหตุผล", listed, null))).isEmpty();
            }
        }
    }

    @Test
    void everyProblemIsReportedAtOnceInBothLanguages() {
        DeclareGift everythingMissing = new DeclareGift(TODAY.plusDays(1), kept("1.00").giver(), GiftKind.ITEM,
                "ของ", BigDecimal.ONE, "ราคา", null, Occasion.OTHER, null, Disposition.KEPT, TODAY.plusDays(2));
        List<FieldProblem> problems = DeclarationChecks.problems(everythingMissing, TODAY);
        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("offeredOn", "disposedOn", "acceptanceReason", "occasionDetail");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.messageEn()).isNotBlank();
            assertThat(p.messageTh()).isNotBlank().isNotEqualTo(p.messageEn());
        });
    }

    @Test
    void exactlyThreeThousandBahtIsRecordedOneSatangMoreKeptGoesToTheHead() {
        assertThat(DeclarationChecks.evaluate(kept("3000"), BigDecimal.ZERO.setScale(2), TODAY, POLICY).outcome())
                .isEqualTo(RuleOutcome.ALLOWED);
        assertThat(DeclarationChecks.value(kept("3000"))).isEqualTo(new BigDecimal("3000.00"));
        assertThat(DeclarationChecks.evaluate(kept("3000.01"), BigDecimal.ZERO.setScale(2), TODAY, POLICY).outcome())
                .isEqualTo(RuleOutcome.NEEDS_DECISION);
        // Over the limit but given back or handed over: nothing for the head to decide.
        for (Disposition notKept : List.of(Disposition.REFUSED, Disposition.RETURNED, Disposition.HANDED_TO_AGENCY,
                Disposition.DONATED)) {
            assertThat(DeclarationChecks.evaluate(disposed("3000.01", notKept), BigDecimal.ZERO.setScale(2), TODAY,
                    POLICY).outcome()).as(notKept.name()).isEqualTo(RuleOutcome.ALLOWED);
        }
    }

    @Test
    void cashFromSomeoneNotARelativeIsNeverAllowedAndPendingBusinessAlwaysGoesToTheHead() {
        DeclareGift cash = new DeclareGift(OFFERED, kept("1.00").giver(), GiftKind.MONEY, "ซองเงินสด",
                new BigDecimal("1.00"), "นับแล้ว", "เหตุผล", Occasion.NEW_YEAR, null, Disposition.KEPT, null);
        assertThat(DeclarationChecks.evaluate(cash, BigDecimal.ZERO.setScale(2), TODAY, POLICY).outcome())
                .isEqualTo(RuleOutcome.NOT_ALLOWED);
        DeclareGift pending = new DeclareGift(OFFERED, new DeclareGift.GiverInput("ผู้ขออนุญาต", GiverType.PERSON,
                Relation.NOT_RELATIVE, true), GiftKind.ITEM, "ของ", BigDecimal.ZERO, "ราคา", "เหตุผล",
                Occasion.NEW_YEAR, null, Disposition.KEPT, null);
        assertThat(DeclarationChecks.evaluate(pending, BigDecimal.ZERO.setScale(2), TODAY, POLICY).outcome())
                .isEqualTo(RuleOutcome.NEEDS_DECISION);
    }

    @Test
    void onlyEarlierGiftsThatWereTakenAddUpTowardTheLimit() {
        BigDecimal earlier = DeclarationChecks.acceptedTotal(List.of(earlier(Disposition.KEPT, "2000.00"),
                earlier(Disposition.RETURNED, "5000.00"), earlier(Disposition.REFUSED, "9000.00"),
                earlier(Disposition.DONATED, "500.00"), earlier(Disposition.HANDED_TO_AGENCY, "0.00")));
        assertThat(earlier).isEqualTo(new BigDecimal("2500.00"));
        assertThat(DeclarationChecks.evaluate(kept("500.00"), earlier, TODAY, POLICY).outcome())
                .isEqualTo(RuleOutcome.ALLOWED);
        assertThat(DeclarationChecks.evaluate(kept("500.01"), earlier, TODAY, POLICY).outcome())
                .isEqualTo(RuleOutcome.NEEDS_DECISION);
        assertThat(DeclarationChecks.acceptedTotal(List.of())).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theSameGiverOrOccasionWrittenDifferentlyIsTheSame() {
        String key = DeclarationChecks.normalise("บริษัท ตัวอย่าง จำกัด");
        assertThat(DeclarationChecks.normalise("  บริษัท  ตัวอย่าง\tจำกัด \n")).isEqualTo(key);
        assertThat(DeclarationChecks.normalise("ACME Trading Co")).isEqualTo(DeclarationChecks.normalise("acme trading co"));
        assertThat(DeclarationChecks.normalise("Caf\u00e9 Rama")).isEqualTo(DeclarationChecks.normalise("Cafe\u0301 rama"));
        assertThat(DeclarationChecks.occasionKey(gift("1.00", Disposition.KEPT, null, "r", Occasion.OTHER, "งาน  บวช")))
                .isEqualTo(DeclarationChecks.occasionKey(gift("1.00", Disposition.KEPT, null, "r", Occasion.OTHER, "งาน บวช")))
                .isEqualTo("OTHER:งาน บวช");
        assertThat(DeclarationChecks.occasionKey(kept("1.00"))).isEqualTo("NEW_YEAR");
    }

    private static Declaration earlier(Disposition disposition, String value) {
        return new Declaration("d-" + disposition, "wangthonglang", 1, null, OFFERED, null, GiftKind.ITEM, "ของ",
                new BigDecimal(value), "ราคา", null, Occasion.NEW_YEAR, null, "NEW_YEAR", disposition, null, 2568,
                null, null, OFFERED, null, null, null, null, null, List.of());
    }
}
