package th.integrity.complaints;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * Every problem complaints-service answers besides the platform's own: its types (titles under
 * {@code problem.<name>.title}) and one factory per situation, with the texts in {@code messages.properties} and
 * {@code messages_th.properties} (keys {@code complaints.problem.…} and {@code complaints.field.…}). Feature code
 * calls these; it never words a problem itself.
 */
public final class ComplaintsProblems {

    public static final ProblemType IDEMPOTENCY_KEY_REUSED =
            new ProblemType("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT);
    public static final ProblemType CONCURRENT_CHANGE = new ProblemType("concurrent-change", HttpStatus.CONFLICT);
    public static final ProblemType ILLEGAL_TRANSITION = new ProblemType("illegal-transition", HttpStatus.CONFLICT);
    public static final ProblemType NOT_AWAITING_REFERRAL_ANSWER =
            new ProblemType("not-awaiting-referral-answer", HttpStatus.CONFLICT);
    public static final ProblemType NO_IDENTITY = new ProblemType("no-identity", HttpStatus.CONFLICT);
    public static final ProblemType IDENTITY_APPROVAL_REQUIRED =
            new ProblemType("identity-approval-required", HttpStatus.FORBIDDEN);
    public static final ProblemType IDENTITY_REQUEST_DECIDED =
            new ProblemType("identity-request-decided", HttpStatus.CONFLICT);
    public static final ProblemType IDENTITY_REQUEST_OPEN = new ProblemType("identity-request-open", HttpStatus.CONFLICT);
    public static final ProblemType OWN_IDENTITY_REQUEST = new ProblemType("own-identity-request", HttpStatus.FORBIDDEN);
    public static final ProblemType MESSAGE_LIMIT = new ProblemType("message-limit", HttpStatus.CONFLICT);
    public static final ProblemType CASE_CLOSED = new ProblemType("case-closed", HttpStatus.CONFLICT);
    public static final ProblemType ATTACHMENT_LIMIT = new ProblemType("attachment-limit", HttpStatus.CONFLICT);
    public static final ProblemType TOO_MANY_LOOKUPS =
            new ProblemType("too-many-lookups", HttpStatus.TOO_MANY_REQUESTS);
    public static final ProblemType REFERENCE_ENTRY_EXISTS =
            new ProblemType("reference-entry-exists", HttpStatus.CONFLICT);
    public static final ProblemType UNSUPPORTED_ATTACHMENT =
            new ProblemType("unsupported-attachment", HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    public static final ProblemType ATTACHMENT_TOO_LARGE =
            new ProblemType("attachment-too-large", HttpStatus.CONTENT_TOO_LARGE);

    /** Where the texts of {@link #field} are: {@code complaints.field.<key>}. */
    public static final String FIELD_PREFIX = "complaints.field.";

    private ComplaintsProblems() {
    }

    /** The same 404 whether the case does not exist or belongs to another agency. */
    public static ProblemException caseNotFound() {
        return ProblemException.of(ProblemType.NOT_FOUND, "complaints.problem.case-not-found");
    }

    /** The conditional write found the case at another version than it was read at. */
    public static ProblemException changedMeanwhile() {
        return ProblemException.of(CONCURRENT_CHANGE, "complaints.problem.changed-meanwhile");
    }

    /** The officer saw {@code expected}; the case is at {@code current}. */
    public static ProblemException notAtVersion(long current, long expected) {
        return ProblemException.of(CONCURRENT_CHANGE, "complaints.problem.not-at-version", current, expected);
    }

    /**
     * @param from    the case's state (enumeration name, Thai label)
     * @param allowed where it may go instead (empty when concluded)
     */
    public static ProblemException illegalTransition(String from, String fromTh, String to, String toTh,
            List<String> allowed) {
        return allowed.isEmpty()
                ? ProblemException.of(ILLEGAL_TRANSITION, "complaints.problem.illegal-transition.final", from, to,
                        fromTh, toTh)
                : ProblemException.of(ILLEGAL_TRANSITION, "complaints.problem.illegal-transition", from, to,
                        "[" + String.join(", ", allowed) + "]", fromTh, toTh);
    }

    /** A referral answer for a case that does not wait for one (never referred, answered, moved on). */
    public static ProblemException notAwaitingReferralAnswer(String status, String statusTh) {
        return ProblemException.of(NOT_AWAITING_REFERRAL_ANSWER, "complaints.problem.not-awaiting-referral-answer",
                status, statusTh);
    }

    public static ProblemException purged() {
        return ProblemException.of(ILLEGAL_TRANSITION, "complaints.problem.purged");
    }

    /** The case reached a final state: the reporter can no longer add to it. */
    public static ProblemException caseClosed() {
        return ProblemException.of(CASE_CLOSED, "complaints.problem.case-closed");
    }

    public static ProblemException attachmentsFull(int max) {
        return ProblemException.of(ATTACHMENT_LIMIT, "complaints.problem.attachment-limit", max);
    }

    public static ProblemException noIdentity() {
        return ProblemException.of(NO_IDENTITY, "complaints.problem.no-identity");
    }

    /** Two-person rule: the caller holds no approved, unexpired request of their own on this case. */
    public static ProblemException identityApprovalRequired() {
        return ProblemException.of(IDENTITY_APPROVAL_REQUIRED, "complaints.problem.identity-approval-required");
    }

    /** @param status the request's decision (its Thai and English label are inserted) */
    public static ProblemException identityRequestDecided(String status) {
        return ProblemException.of(IDENTITY_REQUEST_DECIDED, "complaints.problem.identity-request-decided",
                Texts.get("complaints.label.identity-request." + status).en(),
                Texts.get("complaints.label.identity-request." + status).th());
    }

    public static ProblemException identityRequestOpen() {
        return ProblemException.of(IDENTITY_REQUEST_OPEN, "complaints.problem.identity-request-open");
    }

    /** Nobody decides their own request, whatever roles they hold. */
    public static ProblemException ownIdentityRequest() {
        return ProblemException.of(OWN_IDENTITY_REQUEST, "complaints.problem.own-identity-request");
    }

    /** The same 404 whether the request does not exist or belongs to another agency. */
    public static ProblemException identityRequestNotFound() {
        return ProblemException.of(ProblemType.NOT_FOUND, "complaints.problem.identity-request-not-found");
    }

    /** An officer's message to a case that holds the most it may. */
    public static ProblemException messagesFull() {
        return ProblemException.of(MESSAGE_LIMIT, "complaints.problem.messages-full");
    }

    /** A reporter's message to a case that holds {@code max} already. */
    public static ProblemException messagesFullForReporter(int max) {
        return ProblemException.of(MESSAGE_LIMIT, "complaints.problem.messages-full.reporter", max);
    }

    /** Every wrong tracking code (malformed, unknown, purged) gets this same answer. */
    public static ProblemException trackingCodeNotFound() {
        return ProblemException.of(ProblemType.NOT_FOUND, "complaints.problem.tracking-code-not-found");
    }

    /** The text of a 429 for wrong tracking codes, {@code seconds} before the next may be tried. */
    public static Text tooManyLookups(long seconds) {
        return Texts.get("complaints.problem.too-many-lookups", seconds);
    }

    public static ProblemException idempotencyKeyReused() {
        return ProblemException.of(IDEMPOTENCY_KEY_REUSED, "complaints.problem.idempotency-key-reused");
    }

    public static ProblemException listNotExtensible(String kind) {
        return ProblemException.of(ProblemType.BAD_REQUEST, "complaints.problem.reference-not-extensible", kind);
    }

    public static ProblemException referenceEntryExists(String kind, String code) {
        return ProblemException.of(REFERENCE_ENTRY_EXISTS, "complaints.problem.reference-entry-exists", code, kind);
    }

    public static ProblemException referenceEntryNotFound(String kind, String code) {
        return ProblemException.of(ProblemType.NOT_FOUND, "complaints.problem.reference-entry-not-found", code, kind);
    }

    public static ProblemException referenceListNotFound(String kind) {
        return ProblemException.of(ProblemType.NOT_FOUND, "complaints.problem.reference-list-not-found", kind);
    }

    /** Attached files refused, each named ({@code files[i]}) with its reason. */
    public static ProblemException files(ProblemType type, List<FieldProblem> errors) {
        String fields = errors.stream().map(FieldProblem::field).collect(Collectors.joining(", "));
        Text detail = Texts.get("complaints.problem.check-files", fields);
        return new ProblemException(type, detail.en(), detail.th(), errors);
    }

    /** One offending field, the text under {@code complaints.field.<key>}. */
    public static FieldProblem field(String field, String key, Object... args) {
        return FieldProblem.of(field, FIELD_PREFIX + key, args);
    }
}
