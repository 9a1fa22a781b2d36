package th.integrity.gifts.policy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.RuleOutcome;

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
        String limitText = baht(policy.limit());
        int window = policy.decisionWindowDays();
        LocalDate due = facts.offeredOn().plusDays(window);
        String dueTh = FiscalCalendar.dateLabelThaiShort(due);
        String dueEn = due.toString();
        boolean kept = facts.disposition() == Disposition.KEPT;
        boolean taken = facts.disposition().accepted();

        RuleOutcome outcome;
        String th;
        String en;
        if (facts.kind() == GiftKind.MONEY && facts.relation() != Relation.RELATIVE) {
            outcome = RuleOutcome.NOT_ALLOWED;
            th = "ห้ามรับเงินจากผู้ที่ไม่ใช่ญาติไม่ว่าจำนวนเท่าใด ต้องปฏิเสธหรือส่งคืนผู้ให้";
            en = "Money may never be accepted from anyone but a relative, whatever the amount: refuse it or return it.";
        } else if (facts.pendingBusiness() && taken) {
            outcome = RuleOutcome.NEEDS_DECISION;
            th = "ผู้ให้มีเรื่องอยู่ระหว่างการพิจารณาหรือติดต่อกับหน่วยงาน ต้องรายงานผู้บังคับบัญชาเพื่อวินิจฉัยไม่ว่ามูลค่าเท่าใด"
                    + " ภายใน " + window + " วันนับแต่วันที่ได้รับ (ภายใน " + dueTh + ")";
            en = "The giver has business pending with the office: the head of agency must decide, whatever the value;"
                    + " report within " + window + " days of the date offered (by " + dueEn + ").";
        } else if (facts.pendingBusiness()) {
            outcome = RuleOutcome.ALLOWED;
            th = "ผู้ให้มีเรื่องอยู่ระหว่างการพิจารณาของหน่วยงาน และได้ปฏิเสธหรือส่งคืนแล้ว จึงไม่ต้องวินิจฉัย";
            en = "The giver has business pending with the office, and the gift was refused or returned: no decision is needed.";
        } else if (facts.relation() == Relation.RELATIVE) {
            outcome = RuleOutcome.ALLOWED;
            th = "รับจากญาติได้ตามที่เหมาะสมแก่ฐานานุรูปและตามประเพณีนิยม";
            en = "From a relative: may be accepted as custom permits.";
        } else if (facts.relation() == Relation.GIVEN_TO_PUBLIC) {
            outcome = RuleOutcome.ALLOWED;
            th = "เป็นทรัพย์สินหรือประโยชน์ที่ให้แก่บุคคลทั่วไปเป็นการทั่วไป รับได้";
            en = "Given to the public alike: may be accepted.";
        } else if (total.compareTo(policy.limit()) <= 0) {
            outcome = RuleOutcome.ALLOWED;
            th = "มูลค่ารวมจากผู้ให้รายเดียวกันในโอกาสเดียวกัน " + baht(total) + " บาท ไม่เกิน " + limitText + " บาท รับได้";
            en = "Worth " + baht(total) + " baht in all from this giver on this occasion, not more than " + limitText
                    + " baht: may be accepted.";
        } else if (kept) {
            outcome = RuleOutcome.NEEDS_DECISION;
            th = "มูลค่ารวมจากผู้ให้รายเดียวกันในโอกาสเดียวกัน " + baht(total) + " บาท เกิน " + limitText
                    + " บาท ต้องรายงานผู้บังคับบัญชาภายใน " + window + " วันนับแต่วันที่ได้รับ (ภายใน " + dueTh
                    + ") เพื่อวินิจฉัยว่าจะรับไว้ได้หรือไม่";
            en = "Worth " + baht(total) + " baht in all from this giver on this occasion, more than " + limitText
                    + " baht: report to the head of agency within " + window + " days of the date offered (by " + dueEn
                    + "), who decides whether it may be kept.";
        } else {
            outcome = RuleOutcome.ALLOWED;
            th = "มูลค่ารวม " + baht(total) + " บาท เกิน " + limitText + " บาท แต่มิได้เก็บไว้เป็นของตนเอง ("
                    + facts.disposition().labelTh() + ") จึงไม่ต้องวินิจฉัย";
            en = "Worth " + baht(total) + " baht in all, more than " + limitText + " baht, but not kept ("
                    + facts.disposition().labelEn().toLowerCase(Locale.ROOT) + "): no decision is needed.";
        }

        boolean mustMeetWindow = policy.everyGiftMustBeDeclared() || outcome != RuleOutcome.ALLOWED;
        boolean late = mustMeetWindow && facts.declaredOn().isAfter(due);
        if (late) {
            th += " — ยื่นเกิน " + window + " วันนับแต่วันที่ได้รับ";
            en += " Declared more than " + window + " days after the date offered.";
        }
        return new Evaluation(outcome, th, en, late, outcome == RuleOutcome.NEEDS_DECISION ? due : null, total,
                policy.limit());
    }

    /** {@code 3,000.00} */
    static String baht(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}
