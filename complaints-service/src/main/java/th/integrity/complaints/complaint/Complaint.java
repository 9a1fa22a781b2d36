package th.integrity.complaints.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import th.integrity.complaints.identity.Sealed;
import th.integrity.platform.outbox.OutboxMessage;

/**
 * A complaint (เรื่องร้องเรียน), one document in collection {@code complaints}. Its events wait in
 * {@code outbox} until the relay has published them: every change and its event are one document write,
 * guarded by {@code version} (optimistic concurrency).
 *
 * @param id               the case id (a random UUID), also the subject of the case's events
 * @param agency           the agency the complaint is for
 * @param details          what the reporter wrote (รายละเอียดการแจ้ง); never leaves this service; null once purged
 * @param reporter         anonymous, or the sealed identity of a confidential reporter
 * @param receivedAt       when the complaint actually arrived (for keyed-in complaints: the real arrival date)
 * @param acknowledgedAt   when its receipt was acknowledged (at once for the web form; when keyed in otherwise)
 * @param statusChangedAt  when the case entered its current status
 * @param dueAt            deadline of the current status; null when final
 * @param version          1 on intake, one more with every change; consumers order a case's events by it
 * @param trackingHash     HMAC-SHA-256 (hex) of the tracking code; the code itself is stored nowhere in clear;
 *                         removed by the retention purge
 * @param idempotency      the replay record of an {@code Idempotency-Key}, written with the case itself
 * @param recordedBy       the officer (token subject) who keyed in a complaint from another channel
 * @param purgedAt         when the retention purge removed the personal data and texts
 * @param outbox           events not yet published
 * @param caseNumber       the case number (เลขรับ), e.g. {@code วท 0012/2570}: unique within the agency; null only for
 *                         cases filed before case numbers existed
 * @param caseSequence     the number's sequence (12 in {@code วท 0012/2570}), what a search by number matches
 * @param caseFiscalYear   the number's Buddhist-Era fiscal year (2570)
 * @param letterRef        a keyed-in letter's own reference (เลขที่หนังสือ), as written on it
 * @param letterDate       the date written on that letter
 * @param updatedAt        the last change of any kind (a move, a message either way, a note, the division)
 * @param officerSeenAt    when an officer of the agency last opened the case or acted on it: a reporter's
 *                         message after it is new to the officers
 * @param referral         the latest referral of the case to another body (ส่งต่อหน่วยงานอื่น), with the answers
 *                         recorded from it; null when it was never referred (docs/complaints.md, Referrals)
 * @param noticeAddress    the reporter's notice-only e-mail address, sealed under the case's key; used by the
 *                         reporter-notice sender alone, removed when the case closes; null when none was given
 */
@Document(Complaint.COLLECTION)
@CompoundIndex(name = "agency_status_received", def = "{'agency': 1, 'status': 1, 'receivedAt': -1}")
// The retention purge's read ({purgedAt: null, concludedAt <= cutoff}): only concluded cases are in it.
@CompoundIndex(name = "retention_due", def = "{'purgedAt': 1, 'concludedAt': 1}",
        partialFilter = "{'concludedAt': {$exists: true}}")
// The idempotency sweep's read: only cases that still hold a replay record are in it.
// Case numbers are unique within an agency; a search by number reads only the agency's cases.
@CompoundIndex(name = "agency_caseNumber_unique", def = "{'agency': 1, 'caseNumber': 1}", unique = true,
        partialFilter = "{'caseNumber': {$exists: true}}")
@CompoundIndex(name = "idempotency_expiresAt", def = "{'idempotency.expiresAt': 1}",
        partialFilter = "{'idempotency.expiresAt': {$exists: true}}")
public record Complaint(
        @Id String id,
        String agency,
        Channel channel,
        Category category,
        String subcategory,
        String division,
        String details,
        LocalDate incidentDate,
        String location,
        Boolean reportedElsewhere,
        ReporterStanding reporterStanding,
        Reporter reporter,
        ComplaintStatus status,
        Instant receivedAt,
        Instant acknowledgedAt,
        Instant statusChangedAt,
        Instant concludedAt,
        ClosureReason closureReason,
        String forwardedTo,
        @Indexed(name = "dueAt") Instant dueAt,
        long version,
        @Indexed(unique = true, sparse = true, name = "trackingHash_unique") String trackingHash,
        Idempotency idempotency,
        List<Attachment> attachments,
        List<Message> messages,
        List<Note> notes,
        List<StatusChange> history,
        String recordedBy,
        Instant purgedAt,
        List<OutboxMessage> outbox,
        String caseNumber,
        Long caseSequence,
        Integer caseFiscalYear,
        String letterRef,
        LocalDate letterDate,
        Instant updatedAt,
        Instant officerSeenAt,
        Referral referral,
        Sealed noticeAddress) {

    /** The field holding the sealed notice address, for the updates that remove it. */
    public static final String NOTICE_ADDRESS = "noticeAddress";

    public static final String COLLECTION = "complaints";

    public Complaint {
        attachments = attachments == null ? List.of() : attachments;
        messages = messages == null ? List.of() : messages;
        notes = notes == null ? List.of() : notes;
        history = history == null ? List.of() : history;
        outbox = outbox == null ? List.of() : outbox;
    }

    /** This case with {@code pending} as its unpublished events (a new case carries its first event in the insert). */
    public Complaint withOutbox(List<OutboxMessage> pending) {
        return new Complaint(id, agency, channel, category, subcategory, division, details, incidentDate, location,
                reportedElsewhere, reporterStanding, reporter, status, receivedAt, acknowledgedAt, statusChangedAt,
                concludedAt, closureReason, forwardedTo, dueAt, version, trackingHash, idempotency, attachments,
                messages, notes, history, recordedBy, purgedAt, pending, caseNumber, caseSequence, caseFiscalYear, letterRef,
                letterDate, updatedAt,
                officerSeenAt, referral, noticeAddress);
    }

    /** The last change of any kind; cases stored before {@code updatedAt} existed fall back to their last move. */
    public Instant lastUpdate() {
        return updatedAt != null ? updatedAt : statusChangedAt != null ? statusChangedAt : receivedAt;
    }

    /**
     * Whether the reporter wrote or added files after the officers last opened or acted on the case: the reporter's
     * newest message or file is later than {@code officerSeenAt}.
     */
    public boolean hasNewFromReporter() {
        Instant latest = null;
        for (Message m : messages) {
            if (m.from() == Party.REPORTER && (latest == null || m.at().isAfter(latest))) {
                latest = m.at();
            }
        }
        for (Attachment a : attachments) {
            if (a.addedAt() != null && (latest == null || a.addedAt().isAfter(latest))) {
                latest = a.addedAt();
            }
        }
        return latest != null && (officerSeenAt == null || latest.isAfter(officerSeenAt));
    }

    /**
     * The referral that stands: the case's referral unless the matter came back to the agency. A case forwarded
     * before referrals were recorded (status FORWARDED, {@code forwardedTo} only) stands referred since it moved.
     */
    public Referral activeReferral() {
        if (referral != null) {
            return referral.returnedAt() == null ? referral : null;
        }
        return status == ComplaintStatus.FORWARDED && forwardedTo != null
                ? new Referral(forwardedTo, null, null, statusChangedAt, null, null, List.of(), null)
                : null;
    }

    /** Whether the case waits for the answer of the body it was referred to (and may record one). */
    public boolean awaitsReferralAnswer() {
        return status == ComplaintStatus.FORWARDED && activeReferral() != null;
    }

    public boolean isOverdue(Instant now) {
        return dueAt != null && now.isAfter(dueAt);
    }

    /** @param identity null for an anonymous reporter, and after the retention purge */
    public record Reporter(ReporterMode mode, Sealed identity) {
    }

    /**
     * A stored file (GridFS). The reporter's file name is not kept: it can name them.
     *
     * @param fileId GridFS id (hex ObjectId)
     * @param name    a neutral name, e.g. {@code attachment-1.jpg}
     * @param addedAt when the reporter added it after filing, with the tracking code; null for the filing's own
     */
    public record Attachment(String fileId, String name, String contentType, long size, Instant addedAt) {
    }

    public enum Party {
        REPORTER, OFFICER
    }

    /**
     * A message between the reporter and the agency, shown to both.
     *
     * @param author the officer's token subject for an officer's message (never shown to the reporter)
     */
    public record Message(String id, Party from, String text, Instant at, String author) {
    }

    /** An internal note: officers only, never shown to the reporter. */
    public record Note(String id, String text, Instant at, String author, String authorName) {
    }

    /** One move of the case: who, when, why. {@code from} is null for the intake itself. */
    public record StatusChange(ComplaintStatus from, ComplaintStatus to, Instant at, String by, String byName,
            String reason, ClosureReason closureReason, String forwardedTo) {
    }

    /**
     * A referral to another body: the matter now sits with it, and the agency waits for its answer until the
     * follow-up date (the case's {@code dueAt} while FORWARDED).
     *
     * @param body       forwarding-body code (reference data FORWARDING_BODY), e.g. {@code NACC}
     * @param letterRef  the referral letter's reference (เลขที่หนังสือ), optional
     * @param sentOn     the referral letter's date, optional
     * @param referredAt when the referral was recorded; the follow-up date counts from it
     * @param answers    what the body answered, in the order recorded
     * @param returnedAt when the matter came back to the agency (answer RETURNED, or moved back to its own
     *                   investigation); the referral then no longer stands
     */
    public record Referral(String body, String letterRef, LocalDate sentOn, Instant referredAt, String by,
            String byName, List<ReferralAnswer> answers, Instant returnedAt) {

        public Referral {
            answers = answers == null ? List.of() : answers;
        }

        public Referral returned(Instant at) {
            return new Referral(body, letterRef, sentOn, referredAt, by, byName, answers, at);
        }

        public Referral answered(ReferralAnswer answer) {
            var all = new java.util.ArrayList<>(answers);
            all.add(answer);
            return new Referral(body, letterRef, sentOn, referredAt, by, byName, List.copyOf(all), returnedAt);
        }

        /** The referral without the answers' texts (retention purge). */
        public Referral purged() {
            return new Referral(body, letterRef, sentOn, referredAt, null, null, answers.stream()
                    .map(a -> new ReferralAnswer(a.id(), a.receivedOn(), null, a.outcome(), a.at(), null, null))
                    .toList(), returnedAt);
        }
    }

    /**
     * An answer of the body a case was referred to, as an officer recorded it.
     *
     * @param receivedOn the day the answer arrived (Asia/Bangkok)
     * @param summary    what it says, for the file (never shown to the reporter, never in events)
     */
    public record ReferralAnswer(String id, LocalDate receivedOn, String summary, ReferralOutcome outcome, Instant at,
            String by, String byName) {
    }

    /**
     * Lets a retried submission get its first answer. The tracking code is kept sealed (AES-GCM, bound to the
     * case) only until {@code expiresAt}; a sweep removes the whole record afterwards.
     *
     * @param keyHash     HMAC of the Idempotency-Key (unique: a concurrent retry hits the index)
     * @param requestHash HMAC of the request's content: the same key with another request is refused
     */
    public record Idempotency(
            @Indexed(unique = true, sparse = true, name = "idempotencyKey_unique") String keyHash,
            String requestHash, Sealed code, Instant expiresAt) {
    }
}
