package th.integrity.gifts.decision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import th.integrity.gifts.gift.HeadDecisionType;

/**
 * The head of agency's decision on a declaration that needs one.
 *
 * @param decision MAY_KEEP, MUST_RETURN or HAND_TO_AGENCY
 * @param note     the head's reasons, optional
 */
record DecideGift(
        @NotNull(message = "{gifts.decision.required}") HeadDecisionType decision,
        @Size(max = 1000, message = "{gifts.decision.note.size}") String note) {

    public DecideGift {
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
