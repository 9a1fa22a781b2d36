package th.integrity.gifts.decision;

import java.math.BigDecimal;
import java.time.LocalDate;

import th.integrity.gifts.declaration.Declaration;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.staff.StaffMember;

/**
 * One entry of the head's queue.
 *
 * @param daysLeft days from today until the decision is due (negative when overdue)
 * @param overdue  today is after the due date
 * @param agency       the declaration's agency (another one's when it comes from below)
 * @param fromBelow    the declaration of the head of an agency this caller is the decider above
 */
record PendingDecision(
        String id,
        StaffMember declarant,
        LocalDate offeredOn,
        String offeredOnTh,
        Declaration.Giver giver,
        GiftKind kind,
        String description,
        BigDecimal value,
        BigDecimal giverOccasionTotal,
        Occasion occasion,
        Disposition disposition,
        String reasonTh,
        String reasonEn,
        boolean declaredLate,
        LocalDate decisionDueOn,
        String decisionDueOnTh,
        long daysLeft,
        boolean overdue,
        String agency,
        String agencyNameTh,
        String agencyNameEn,
        boolean fromBelow) {
}
