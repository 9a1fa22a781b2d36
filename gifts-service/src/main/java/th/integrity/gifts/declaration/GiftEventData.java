package th.integrity.gifts.declaration;

import java.time.Instant;
import java.time.LocalDate;

import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.HeadDecisionType;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.gift.ValueBand;

/**
 * {@code data} of {@code gift.declared.v1} and {@code gift.decided.v1} exactly as docs/events.md defines it: a
 * snapshot of the declaration with no names, no description and no amount (only its band).
 */
public record GiftEventData(
        String agency,
        String declarationId,
        String supersedes,
        int version,
        int fiscalYear,
        Half half,
        LocalDate offeredOn,
        GiftKind kind,
        Relation relation,
        Disposition disposition,
        ValueBand valueBand,
        RuleOutcome ruleOutcome,
        boolean declaredLate,
        LocalDate decisionDueOn,
        HeadDecisionType decision,
        Instant decidedAt) {

    public static final String DECLARED = "gift.declared.v1";
    public static final String DECIDED = "gift.decided.v1";
    public static final String SERVICE = "gifts";

    /** The declaration as it is. */
    public static GiftEventData of(Declaration d) {
        return of(d, d.version(), d.decision());
    }

    /** The declaration once {@code decision} is added to it. */
    public static GiftEventData decided(Declaration d, Declaration.HeadDecision decision) {
        return of(d, Declaration.DECIDED_VERSION, decision);
    }

    private static GiftEventData of(Declaration d, int version, Declaration.HeadDecision decision) {
        return new GiftEventData(d.agency(), d.id(), d.supersedes(), version, d.fiscalYear(), d.half(),
                d.offeredOn(), d.kind(), d.giver().relation(), d.disposition(), ValueBand.of(d.value()),
                d.evaluation().outcome(), d.evaluation().declaredLate(), d.evaluation().decisionDueOn(),
                decision == null ? null : decision.decision(), decision == null ? null : decision.decidedAt());
    }
}
