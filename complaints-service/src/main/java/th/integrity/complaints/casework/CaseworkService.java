package th.integrity.complaints.casework;

import static th.integrity.platform.calendar.FiscalCalendar.BANGKOK;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.ComplaintsProperties;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintSnapshot;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.complaints.complaint.ReferralOutcome;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.identity.ReporterIdentity;
import th.integrity.complaints.intake.IntakeService;
import th.integrity.complaints.intake.NewCase;
import th.integrity.complaints.reference.ReferenceData;
import th.integrity.complaints.reference.ReferenceKind;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.ProblemException;

/**
 * An integrity officer's work on the cases of their own agency. Every query is scoped to the caller's agency;
 * every change is one conditional write of the change, the new version and its event.
 */
@Service
class CaseworkService {


    private static final Logger log = LoggerFactory.getLogger(CaseworkService.class);

    /** An officer acting on a case has seen it: a reporter's message before that is no longer new. */
    private static final String SEEN = "officerSeenAt";

    private final CaseStore store;
    private final IntakeService intake;
    private final ReferenceData reference;
    private final IdentityVault vault;
    private final JsonMapper json;
    private final Clock clock;
    private final ComplaintsProperties properties;

    CaseworkService(CaseStore store, IntakeService intake, ReferenceData reference, IdentityVault vault,
            JsonMapper json, Clock clock, ComplaintsProperties properties) {
        this.store = store;
        this.intake = intake;
        this.reference = reference;
        this.vault = vault;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    CaseViews.Page list(CurrentUser user, CaseStore.Filter filter, int page, int size) {
        Instant now = clock.instant();
        // A month in Asia/Bangkok, as the statistics count it.
        CaseStore.Page found = store.list(user.agency(), filter, BANGKOK, now, (long) page * size, size);
        return new CaseViews.Page(found.items().stream().map(c -> CaseViews.Summary.of(c, now)).toList(), page, size,
                found.total());
    }

    CaseViews.Detail view(CurrentUser user, String id) {
        Complaint c = store.get(user.agency(), id);
        // Opening the case is what makes a reporter's message no longer new in the queue.
        store.markSeen(c.agency(), c.id(), now());
        ReporterIdentity masked = null;
        if (c.reporter() != null && c.reporter().identity() != null) {
            ReporterIdentity identity = identity(c);
            masked = identity == null ? null : identity.masked();
        }
        return new CaseViews.Detail(c.id(), c.agency(), c.channel(), c.category(), c.subcategory(), c.division(),
                c.details(), c.incidentDate(), c.location(), c.reportedElsewhere(), c.reporterStanding(),
                new CaseViews.Reporter(c.reporter() == null ? null : c.reporter().mode(), masked), c.status(),
                c.receivedAt(), c.acknowledgedAt(), c.statusChangedAt(), c.dueAt(), c.isOverdue(clock.instant()),
                c.concludedAt(), c.closureReason(), c.forwardedTo(), c.status().next(), c.attachments(),
                c.messages(), c.notes(), c.history(), c.recordedBy(), c.purgedAt(), c.version(), c.caseNumber(),
                c.letterRef(), c.letterDate(), CaseViews.Referral.of(c));
    }

    CaseViews.Filed keyIn(CurrentUser user, CaseRequests.KeyIn request) {
        LocalDate today = LocalDate.now(clock.withZone(BANGKOK));
        if (request.receivedOn().isAfter(today)) {
            throw ProblemException.invalid(ComplaintsProblems.field("receivedOn", "received-on.future"));
        }
        if (request.letterDate() != null && request.letterDate().isAfter(request.receivedOn())) {
            throw ProblemException.invalid(ComplaintsProblems.field("letterDate", "letter-date.after-received"));
        }
        Instant receivedAt = request.receivedOn().atStartOfDay(BANGKOK).toInstant();
        var command = new NewCase(user.agency(), Channel.valueOf(request.channel()),
                Category.fromCode(request.category()).orElseThrow(), request.subcategory(), request.division(),
                request.details(), request.incidentDate(), request.location(), request.reportedElsewhere(),
                request.reporterStanding(), request.reporter(), receivedAt, user.subject(), List.of(),
                request.letterRef(), request.letterDate());
        IntakeService.Filed filed = intake.file(command, null);
        return new CaseViews.Filed(filed.caseId(), filed.receipt().trackingCode(), filed.receipt().receivedAt(),
                filed.receipt().status(), filed.receipt().caseNumber(), filed.receipt().agency(),
                filed.receipt().dueAt());
    }

    CaseViews.Changed transition(CurrentUser user, String id, CaseRequests.Transition request) {
        Complaint c = store.get(user.agency(), id);
        if (request.expectedVersion() != null && request.expectedVersion() != c.version()) {
            throw ComplaintsProblems.notAtVersion(c.version(), request.expectedVersion());
        }
        ComplaintStatus to = request.to();
        ClosureReason closure = request.closureReason();
        CaseRequests.Referral letter = request.referral();
        String forwardedTo = request.body();
        if (letter != null && letter.body() != null && request.forwardedTo() != null
                && !letter.body().equals(request.forwardedTo())) {
            throw ProblemException.invalid(ComplaintsProblems.field("referral.body", "referral.body.differs"));
        }
        String bodyField = letter != null && (letter.body() != null || request.forwardedTo() == null)
                ? "referral.body" : "forwardedTo";
        TransitionRules.check(c.status(), to, closure, forwardedTo, bodyField,
                letter != null && (letter.letterRef() != null || letter.sentOn() != null),
                code -> reference.exists(ReferenceKind.FORWARDING_BODY, code));
        if (letter != null && letter.sentOn() != null
                && letter.sentOn().isAfter(LocalDate.now(clock.withZone(BANGKOK)))) {
            throw ProblemException.invalid(ComplaintsProblems.field("referral.sentOn", "referral.sent-on.future"));
        }
        Instant now = now();
        Duration limit = to.deadlineIn(properties.deadlines());
        Instant dueAt = limit == null ? null : now.plus(limit);
        Instant concludedAt = to.isFinal() ? now : null;
        var change = new Complaint.StatusChange(c.status(), to, now, user.subject(), user.name(), request.reason(),
                closure, forwardedTo);
        Update update = new Update().set("status", to).set("statusChangedAt", now).set("dueAt", dueAt)
                .set("concludedAt", concludedAt).set("closureReason", closure).push("history", change)
                .max(SEEN, now);
        if (forwardedTo != null) {
            update.set("forwardedTo", forwardedTo);
        }
        // A referral stands from forwarding until the matter comes back to the agency's own investigation.
        Complaint.Referral standing = c.activeReferral();
        if (to == ComplaintStatus.FORWARDED) {
            standing = new Complaint.Referral(forwardedTo, letter == null ? null : letter.letterRef(),
                    letter == null ? null : letter.sentOn(), now, user.subject(), user.name(), List.of(), null);
            update.set("referral", standing);
        } else if (to == ComplaintStatus.UNDER_INVESTIGATION && standing != null) {
            update.set("referral", standing.returned(now));
            standing = null;
        }
        long version = store.update(c, update, ComplaintSnapshot.STATUS_CHANGED,
                ComplaintSnapshot.of(c).withStatus(to, now, concludedAt, closure, dueAt).withReferral(standing), now);
        log.info("Case {} moved from {} to {} by {}", c.id(), c.status(), to, user.subject());
        return new CaseViews.Changed(c.id(), version);
    }

    /**
     * Records the answer of the body the case was referred to. A finding concludes the case, a return brings it
     * back to the agency's own investigation (both a status change), an interim answer keeps it waiting with a
     * new follow-up date counted from the answer's date (an update).
     *
     * @throws ProblemException 409 when the case does not wait for an answer (never referred, answered already,
     *                          moved on); 400 when the answer's date is in the future or before the referral
     */
    CaseViews.Changed referralAnswer(CurrentUser user, String id, CaseRequests.ReferralAnswer request) {
        Complaint c = store.get(user.agency(), id);
        requireNotPurged(c);
        if (!c.awaitsReferralAnswer()) {
            throw ComplaintsProblems.notAwaitingReferralAnswer(c.status().name(), c.status().labelTh());
        }
        Complaint.Referral standing = c.activeReferral();
        LocalDate today = LocalDate.now(clock.withZone(BANGKOK));
        LocalDate referredOn = standing.referredAt().atZone(BANGKOK).toLocalDate();
        if (standing.sentOn() != null && standing.sentOn().isBefore(referredOn)) {
            referredOn = standing.sentOn();
        }
        if (request.receivedOn().isAfter(today)) {
            throw ProblemException.invalid(
                    ComplaintsProblems.field("receivedOn", "referral-answer.received-on.future"));
        }
        if (request.receivedOn().isBefore(referredOn)) {
            throw ProblemException.invalid(ComplaintsProblems.field("receivedOn",
                    "referral-answer.received-on.before-referral", referredOn.toString()));
        }
        Instant now = now();
        ReferralOutcome outcome = request.outcome();
        Complaint.Referral answered = standing.answered(new Complaint.ReferralAnswer(UUID.randomUUID().toString(),
                request.receivedOn(), request.summary(), outcome, now, user.subject(), user.name()));
        ComplaintStatus to = outcome.leadsTo();
        long version;
        if (to == c.status()) {
            Instant dueAt = request.receivedOn().atStartOfDay(BANGKOK).toInstant()
                    .plus(properties.deadlines().referralFollowUp());
            version = store.update(c, new Update().set("referral", answered).set("dueAt", dueAt),
                    ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c).withStatus(c.status(), c.statusChangedAt(),
                            c.concludedAt(), c.closureReason(), dueAt).withReferral(answered), now);
        } else {
            Complaint.Referral after = outcome == ReferralOutcome.RETURNED ? answered.returned(now) : answered;
            Duration limit = to.deadlineIn(properties.deadlines());
            Instant dueAt = limit == null ? null : now.plus(limit);
            Instant concludedAt = to.isFinal() ? now : null;
            var change = new Complaint.StatusChange(c.status(), to, now, user.subject(), user.name(), null, null,
                    null);
            Update update = new Update().set("status", to).set("statusChangedAt", now).set("dueAt", dueAt)
                    .set("concludedAt", concludedAt).set("closureReason", null).set("referral", after)
                    .push("history", change);
            version = store.update(c, update, ComplaintSnapshot.STATUS_CHANGED, ComplaintSnapshot.of(c)
                    .withStatus(to, now, concludedAt, null, dueAt)
                    .withReferral(after.returnedAt() == null ? after : null), now);
        }
        log.info("Answer {} of {} to case {} recorded by {}", outcome, standing.body(), c.id(), user.subject());
        return new CaseViews.Changed(c.id(), version);
    }

    CaseViews.Changed note(CurrentUser user, String id, String text) {
        Complaint c = store.get(user.agency(), id);
        requireNotPurged(c);
        Instant now = now();
        var note = new Complaint.Note(UUID.randomUUID().toString(), text, now, user.subject(), user.name());
        return new CaseViews.Changed(c.id(), store.update(c, new Update().push("notes", note).max(SEEN, now),
                ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c), now));
    }

    CaseViews.Changed message(CurrentUser user, String id, String text) {
        Complaint c = store.get(user.agency(), id);
        requireNotPurged(c);
        if (text.length() > CaseRequests.MESSAGE_MAX) {
            throw ProblemException.invalid(
                    ComplaintsProblems.field("text", "message.too-long", CaseRequests.MESSAGE_MAX));
        }
        if (c.messages().size() >= properties.tracking().maxMessages()) {
            throw ComplaintsProblems.messagesFull();
        }
        Instant now = now();
        var message = new Complaint.Message(UUID.randomUUID().toString(), Complaint.Party.OFFICER, text, now,
                user.subject());
        return new CaseViews.Changed(c.id(), store.update(c, new Update().push("messages", message).max(SEEN, now),
                ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c), now));
    }

    CaseViews.Changed division(CurrentUser user, String id, String division) {
        Complaint c = store.get(user.agency(), id);
        if (!reference.exists(ReferenceKind.DIVISION, division)) {
            throw ProblemException.invalid(ComplaintsProblems.field("division", "division.unknown"));
        }
        Instant now = now();
        return new CaseViews.Changed(c.id(), store.update(c, new Update().set("division", division).max(SEEN, now),
                ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c).withDivision(division), now));
    }

    Complaint get(CurrentUser user, String id) {
        return store.get(user.agency(), id);
    }

    private ReporterIdentity identity(Complaint c) {
        return vault.openIdentity(c.agency(), c.id(), c.reporter().identity())
                .map(identity -> json.readValue(identity, ReporterIdentity.class)).orElse(null);
    }

    private static void requireNotPurged(Complaint c) {
        if (c.purgedAt() != null) {
            throw ComplaintsProblems.purged();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
