package th.integrity.gifts;

import java.util.Locale;

import org.springframework.http.HttpStatus;

import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.text.Texts;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * Every problem gifts-service answers with: its types (clients branch on their {@code type}, never on the wording)
 * and a factory for each thing that can go wrong, with its texts in the message bundles ({@code problem.*.title},
 * {@code gifts.problem.*}). Invalid fields go through {@link ProblemException#invalid}.
 */
public final class GiftsProblems {

    public static final ProblemType ALREADY_DECIDED = new ProblemType("gift-already-decided", HttpStatus.CONFLICT);
    public static final ProblemType NO_DECISION_NEEDED = new ProblemType("gift-no-decision-needed",
            HttpStatus.CONFLICT);
    public static final ProblemType SUPERSEDED = new ProblemType("gift-superseded", HttpStatus.CONFLICT);
    public static final ProblemType NIL_RETURN_CONFLICT = new ProblemType("gift-nil-return-conflict",
            HttpStatus.CONFLICT);
    public static final ProblemType NOT_DECLARANT = new ProblemType("gift-not-declarant", HttpStatus.FORBIDDEN);
    public static final ProblemType OWN_DECLARATION = new ProblemType("gift-own-declaration", HttpStatus.FORBIDDEN);
    public static final ProblemType DECIDED_ABOVE = new ProblemType("gift-decided-above", HttpStatus.FORBIDDEN);
    public static final ProblemType NO_AGENCY = new ProblemType("no-agency", HttpStatus.FORBIDDEN);

    private GiftsProblems() {
    }

    /**
     * Every record here is scoped by the caller's agency, so a caller (as the controller was given it) whose token
     * names none is refused before anything is read or written.
     */
    public static void requireAgency(CurrentUser user) {
        if (user.agency() == null || user.agency().isBlank()) {
            throw ProblemException.of(NO_AGENCY, "gifts.problem.no-agency");
        }
    }

    /** The same 404 as {@link CurrentUser#inAgency}: another agency's record is not even confirmed to exist. */
    public static ProblemException notFound() {
        return ProblemException.of(ProblemType.NOT_FOUND, "platform.not-in-agency");
    }

    /** Someone other than the declarant tried to correct a declaration. */
    public static ProblemException notDeclarant() {
        return ProblemException.of(NOT_DECLARANT, "gifts.problem.not-declarant");
    }

    /** A correction of a declaration the head has decided on. */
    public static ProblemException decidedNotCorrectable() {
        return ProblemException.of(ALREADY_DECIDED, "gifts.problem.decided-not-correctable");
    }

    /** A correction of a version that has been corrected already. */
    public static ProblemException correctedAlready() {
        return ProblemException.of(SUPERSEDED, "gifts.problem.corrected-already");
    }

    /**
     * A head deciding on her own declaration, told who decides it instead ({@code titleEn}/{@code titleTh} of the
     * decider above, or null when none is configured).
     */
    public static ProblemException ownDeclaration(String titleEn, String titleTh) {
        return titleEn == null ? ProblemException.of(OWN_DECLARATION, "gifts.problem.own-declaration-unrouted")
                : new ProblemException(OWN_DECLARATION,
                        Texts.in(Locale.ENGLISH, "gifts.problem.own-declaration-above", titleEn),
                        Texts.in(Texts.THAI, "gifts.problem.own-declaration-above", titleTh));
    }

    /** Another head of the same agency deciding on the declaration of a head, which goes above the agency. */
    public static ProblemException decidedAbove(String titleEn, String titleTh) {
        return titleEn == null ? ProblemException.of(DECIDED_ABOVE, "gifts.problem.decided-above-unrouted")
                : new ProblemException(DECIDED_ABOVE, Texts.in(Locale.ENGLISH, "gifts.problem.decided-above", titleEn),
                        Texts.in(Texts.THAI, "gifts.problem.decided-above", titleTh));
    }

    /** A second decision on a declaration (or one racing the first). */
    public static ProblemException alreadyDecided() {
        return ProblemException.of(ALREADY_DECIDED, "gifts.problem.already-decided");
    }

    /** A decision on a declaration the rule did not send to the head. */
    public static ProblemException noDecisionNeeded(RuleOutcome outcome) {
        // The English detail names the outcome by its code, the Thai one by its Thai label.
        String key = "gifts.problem.no-decision-needed";
        return new ProblemException(NO_DECISION_NEEDED, Texts.in(Locale.ENGLISH, key, outcome.name()),
                Texts.in(Texts.THAI, key, outcome.labelTh()));
    }

    /** A decision on a version that has been corrected: the latest is the one to decide on. */
    public static ProblemException correctedDecideLatest() {
        return ProblemException.of(SUPERSEDED, "gifts.problem.corrected-decide-latest");
    }

    /** A nil return for a round in which the caller has declared a gift. */
    public static ProblemException nilReturnAfterDeclaring() {
        return ProblemException.of(NIL_RETURN_CONFLICT, "gifts.problem.nil-return-after-declaring");
    }

    /** A second nil return for the same round. */
    public static ProblemException nilReturnFiled() {
        return ProblemException.of(NIL_RETURN_CONFLICT, "gifts.problem.nil-return-filed");
    }
}
