package th.integrity.gifts.declaration;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.policy.Evaluation;
import th.integrity.gifts.policy.GiftRule;
import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.platform.web.FieldProblem;

/**
 * What a declaration must contain beyond its single fields' constraints, and how it reaches the rule: pure
 * functions of the form and today's date, without Spring or a database (unit-tested in DeclarationChecksTest).
 */
final class DeclarationChecks {

    private DeclarationChecks() {
    }

    /**
     * The rules that involve several fields, every one that fails (none when the declaration is complete): the date
     * offered is not in the future; a gift not kept says when it was refused, returned, handed over or donated,
     * between the date offered and today; a gift kept says why; an OTHER occasion is named.
     */
    static List<FieldProblem> problems(DeclareGift gift, LocalDate today) {
        return checks(gift, today).stream().map(check -> FieldProblem.of(check.field(), check.key())).toList();
    }

    /** One failed rule: the field it is reported on and the bundles' key of its text. */
    record Failed(String field, String key) {
    }

    /**
     * As {@link #problems}, as field and text key; a field that is missing is left to its own constraint, so
     * these run beside the single fields' constraints and every problem is reported at once.
     */
    static List<Failed> checks(DeclareGift gift, LocalDate today) {
        List<Failed> errors = new ArrayList<>();
        LocalDate offeredOn = gift.offeredOn();
        if (offeredOn != null && offeredOn.isAfter(today)) {
            errors.add(new Failed("offeredOn", "gifts.offeredOn.future"));
        }
        if (gift.disposition() != null && gift.disposition() != Disposition.KEPT && gift.disposedOn() == null) {
            errors.add(new Failed("disposedOn", "gifts.disposedOn.required"));
        }
        if (gift.disposedOn() != null && ((offeredOn != null && gift.disposedOn().isBefore(offeredOn))
                || gift.disposedOn().isAfter(today))) {
            errors.add(new Failed("disposedOn", "gifts.disposedOn.range"));
        }
        if (gift.disposition() == Disposition.KEPT && gift.acceptanceReason() == null) {
            errors.add(new Failed("acceptanceReason", "gifts.acceptanceReason.required"));
        }
        if (gift.occasion() == Occasion.OTHER && gift.occasionDetail() == null) {
            errors.add(new Failed("occasionDetail", "gifts.occasionDetail.required"));
        }
        return errors;
    }

    /** The occasion gifts add up within: the code, or for OTHER the code and the normalised detail. */
    static String occasionKey(DeclareGift gift) {
        return gift.occasion() == Occasion.OTHER ? Occasion.OTHER.name() + ":" + normalise(gift.occasionDetail())
                : gift.occasion().name();
    }

    /** The same giver written with different spacing, case or Unicode composition is the same giver. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** The value as stored and summed: baht with exactly two decimals (satang). */
    static BigDecimal value(DeclareGift gift) {
        return gift.value().setScale(2);
    }

    /**
     * The total of earlier declarations that add up with this one: only accepted gifts count (refused and returned
     * ones were never taken).
     */
    static BigDecimal acceptedTotal(List<Declaration> earlierFromSameGiver) {
        return earlierFromSameGiver.stream().filter(d -> d.disposition().accepted()).map(Declaration::value)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The rule applied to the form: where the declaration goes (recorded, the head's queue, not allowed). */
    static Evaluation evaluate(DeclareGift gift, BigDecimal earlierAccepted, LocalDate today,
            GiftsProperties.Policy policy) {
        return GiftRule.evaluate(new GiftRule.Facts(gift.giver().relation(), gift.kind(),
                gift.giver().pendingBusiness(), gift.disposition(), value(gift), earlierAccepted, gift.offeredOn(),
                today), policy);
    }
}
