package th.integrity.complaints.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;

/**
 * Whether a case may move from one state to another, and with which particulars: a pure rule, no store, no Spring
 * (unit-tested on its own). The moves themselves are {@link ComplaintStatus#next()}; closing without inquiry needs
 * a closure reason and forwarding needs the body it goes to, and neither may come with any other move.
 */
final class TransitionRules {

    private TransitionRules() {
    }

    /**
     * @param forwardingBody whether a code names a body complaints are forwarded to (reference data)
     * @throws ProblemException 409 {@code illegal-transition} when {@code from} may not move to {@code to}; else 400
     *                          {@code validation} naming every particular that is missing or out of place
     */
    static void check(ComplaintStatus from, ComplaintStatus to, ClosureReason closure, String forwardedTo,
            Predicate<String> forwardingBody) {
        check(from, to, closure, forwardedTo, "forwardedTo", false, forwardingBody);
    }

    /**
     * @param bodyField        the field that named the body: {@code forwardedTo} or {@code referral.body}
     * @param referralLetter   whether the request carries a referral letter's reference or date
     */
    static void check(ComplaintStatus from, ComplaintStatus to, ClosureReason closure, String forwardedTo,
            String bodyField, boolean referralLetter, Predicate<String> forwardingBody) {
        if (!from.mayMoveTo(to)) {
            throw ComplaintsProblems.illegalTransition(from.name(), from.labelTh(), to.name(), to.labelTh(),
                    from.next().stream().map(Enum::name).toList());
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (to == ComplaintStatus.CLOSED_WITHOUT_INQUIRY && closure == null) {
            errors.add(ComplaintsProblems.field("closureReason", "closure-reason.required",
                    List.of(ClosureReason.values())));
        } else if (to != ComplaintStatus.CLOSED_WITHOUT_INQUIRY && closure != null) {
            errors.add(ComplaintsProblems.field("closureReason", "closure-reason.only-closing"));
        }
        if (to == ComplaintStatus.FORWARDED && (forwardedTo == null || !forwardingBody.test(forwardedTo))) {
            errors.add(ComplaintsProblems.field(bodyField, "forwarded-to.unknown"));
        } else if (to != ComplaintStatus.FORWARDED && (forwardedTo != null || referralLetter)) {
            errors.add(ComplaintsProblems.field(forwardedTo != null ? bodyField : "referral",
                    "forwarded-to.only-forwarding"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
