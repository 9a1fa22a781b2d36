package th.integrity.gifts.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.GiverType;
import th.integrity.gifts.gift.HeadDecisionType;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.Round;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.staff.StaffMember;

/**
 * The gift register of one agency for one fiscal round (ทะเบียนการรับของขวัญ), for the head of agency and for
 * ศปท.กทม.: every current declaration offered in the round, every nil return filed for it, totals, and the staff
 * who have done neither. Dates are given both as ISO dates and in Thai with the Buddhist-Era year.
 */
record Register(
        String agency,
        String agencyNameTh,
        String agencyNameEn,
        int fiscalYear,
        Round round,
        LocalDate periodFrom,
        LocalDate periodTo,
        String titleTh,
        String titleEn,
        String roundTh,
        String roundEn,
        LocalDate reportDate,
        String reportDateTh,
        Instant generatedAt,
        List<Row> declarations,
        List<NilRow> nilReturns,
        Totals totals,
        List<StaffMember> notReported) {

    /** One declaration; {@code supersedes} names the version it corrected (superseded versions are not listed). */
    public record Row(
            int no,
            String id,
            String supersedes,
            String declarantName,
            String position,
            String division,
            LocalDate offeredOn,
            String offeredOnTh,
            String giverName,
            GiverType giverType,
            Relation relation,
            boolean pendingBusiness,
            GiftKind kind,
            String description,
            BigDecimal value,
            String valuation,
            String occasion,
            Disposition disposition,
            LocalDate disposedOn,
            String disposedOnTh,
            RuleOutcome ruleOutcome,
            String reasonTh,
            String reasonEn,
            boolean declaredLate,
            HeadDecisionType decision,
            String decisionNote,
            LocalDate decidedOn,
            String decidedOnTh,
            LocalDate declaredOn,
            String declaredOnTh) {
    }

    public record NilRow(int no, String name, String position, String division, LocalDate filedOn, String filedOnTh) {
    }

    public record DispositionTotal(Disposition disposition, String labelTh, String labelEn, int count,
            BigDecimal value) {
    }

    public record OutcomeTotal(RuleOutcome outcome, String labelTh, String labelEn, int count, BigDecimal value) {
    }

    /**
     * @param byDisposition every disposition, zero rows included, in a fixed order
     * @param byOutcome     every rule outcome likewise
     */
    public record Totals(int declarations, BigDecimal value, List<DispositionTotal> byDisposition,
            List<OutcomeTotal> byOutcome, int nilReturns, int notReported, int late, int awaitingDecision) {
    }
}
