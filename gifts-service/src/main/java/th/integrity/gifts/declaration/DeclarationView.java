package th.integrity.gifts.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.policy.Evaluation;
import th.integrity.gifts.staff.StaffMember;
import th.integrity.platform.text.Texts;

/**
 * A declaration as its declarant, the head and the integrity officer read it.
 *
 * @param status   where it stands: RECORDED (allowed, nothing to decide), AWAITING_DECISION, DECIDED,
 *                 NOT_ALLOWED, or SUPERSEDED by a correction (then {@code supersededBy} names it)
 * @param statusTh the status in Thai
 * @param statusEn the status in English
 */
public record DeclarationView(
        String id,
        String agency,
        int version,
        String status,
        String statusTh,
        String statusEn,
        StaffMember declarant,
        LocalDate offeredOn,
        String offeredOnTh,
        Declaration.Giver giver,
        GiftKind kind,
        String description,
        BigDecimal value,
        String valuation,
        String acceptanceReason,
        Occasion occasion,
        String occasionDetail,
        Disposition disposition,
        LocalDate disposedOn,
        int fiscalYear,
        Half half,
        Instant declaredAt,
        Evaluation evaluation,
        String supersedes,
        String supersededBy,
        Declaration.HeadDecision decision) {

    public static DeclarationView of(Declaration d, String supersededBy) {
        String status;
        if (supersededBy != null) {
            status = "SUPERSEDED";
        } else if (d.decision() != null) {
            status = "DECIDED";
        } else {
            status = switch (d.evaluation().outcome()) {
                case NEEDS_DECISION -> "AWAITING_DECISION";
                case NOT_ALLOWED -> "NOT_ALLOWED";
                default -> "RECORDED";
            };
        }
        // A decided declaration's status names the decision, each language by its own label.
        String key = "gifts.status." + status;
        boolean decided = status.equals("DECIDED");
        String th = decided ? Texts.in(Texts.THAI, key, d.decision().decision().labelTh()) : Texts.in(Texts.THAI, key);
        String en = decided ? Texts.in(Locale.ENGLISH, key, d.decision().decision().labelEn())
                : Texts.in(Locale.ENGLISH, key);
        return new DeclarationView(d.id(), d.agency(), d.version(), status, th, en, d.declarant(), d.offeredOn(),
                FiscalCalendar.dateLabelThaiShort(d.offeredOn()), d.giver(), d.kind(), d.description(), d.value(), d.valuation(),
                d.acceptanceReason(), d.occasion(), d.occasionDetail(), d.disposition(), d.disposedOn(),
                d.fiscalYear(), d.half(), d.declaredAt(), d.evaluation(), d.supersedes(), supersededBy, d.decision());
    }
}
