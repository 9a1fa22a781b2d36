package th.integrity.complaints.casework;

import java.text.BreakIterator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.complaints.complaint.ReporterMode;
import th.integrity.complaints.complaint.ReporterStanding;
import th.integrity.complaints.identity.ReporterIdentity;

/** What officers see. The identity only ever masked here; the reveal has its own audited endpoint. */
final class CaseViews {

    private CaseViews() {
    }

    /** How long a queue row's summary may be, in characters as a reader counts them (Thai vowels included). */
    static final int SUMMARY_MAX = 120;

    /**
     * One row of the queue.
     *
     * @param caseNumber         เลขรับ, e.g. {@code วท 0012/2570}
     * @param summary            the first ~120 characters of the details (null once purged)
     * @param attachments        how many files came with it
     * @param newFromReporter    the reporter wrote or added files after the officers last opened the case or acted on it
     * @param lastUpdate         the last change of any kind (a move, a message either way, a note, the division)
     */
    record Summary(String id, Channel channel, Category category, String subcategory, String division,
            ReporterStanding reporterStanding, ComplaintStatus status, Instant receivedAt, Instant statusChangedAt,
            Instant dueAt, boolean overdue, int attachments, int messages, long version, String caseNumber,
            String summary, boolean newFromReporter, Instant lastUpdate, String referredTo,
            boolean awaitingReferralAnswer) {

        static Summary of(Complaint c, Instant now) {
            return new Summary(c.id(), c.channel(), c.category(), c.subcategory(), c.division(),
                    c.reporterStanding(), c.status(), c.receivedAt(), c.statusChangedAt(), c.dueAt(),
                    c.isOverdue(now), c.attachments().size(), c.messages().size(), c.version(), c.caseNumber(),
                    summary(c.details()), c.hasNewFromReporter(), c.lastUpdate(),
                    c.activeReferral() == null ? null : c.activeReferral().body(), c.awaitsReferralAnswer());
        }

        /**
         * The details on one line, cut after at most {@value #SUMMARY_MAX} characters at a character boundary
         * (never between a Thai consonant and its vowel or tone mark), ending in "…" when cut.
         */
        static String summary(String details) {
            if (details == null) {
                return null;
            }
            String line = details.strip().replaceAll("\\s+", " ");
            BreakIterator characters = BreakIterator.getCharacterInstance(Locale.forLanguageTag("th"));
            characters.setText(line);
            int end = characters.first();
            int count = 0;
            for (int next = characters.next(); next != BreakIterator.DONE; next = characters.next()) {
                if (++count > SUMMARY_MAX) {
                    return line.substring(0, end).stripTrailing() + "…";
                }
                end = next;
            }
            return line;
        }
    }

    /**
     * The case's referral to another body.
     *
     * @param followUpAt     while the case waits for the answer: the date after which it counts as overdue
     * @param awaitingAnswer the case waits for the body's answer (an answer may be recorded)
     * @param returnedAt     when the matter came back to the agency; null while the referral stands
     */
    record Referral(String body, String letterRef, LocalDate sentOn, Instant referredAt, String byName,
            Instant followUpAt, boolean awaitingAnswer, List<Complaint.ReferralAnswer> answers, Instant returnedAt) {

        static Referral of(Complaint c) {
            Complaint.Referral r = c.referral() != null ? c.referral() : c.activeReferral();
            if (r == null) {
                return null;
            }
            boolean awaiting = c.awaitsReferralAnswer();
            return new Referral(r.body(), r.letterRef(), r.sentOn(), r.referredAt(), r.byName(),
                    awaiting ? c.dueAt() : null, awaiting, r.answers(), r.returnedAt());
        }
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    /** @param identity masked (e.g. {@code ส**** ใ***}); null for an anonymous reporter or after the purge */
    record Reporter(ReporterMode mode, ReporterIdentity identity) {
    }

    record Detail(String id, String agency, Channel channel, Category category, String subcategory,
            String division, String details, LocalDate incidentDate, String location, Boolean reportedElsewhere,
            ReporterStanding reporterStanding, Reporter reporter, ComplaintStatus status, Instant receivedAt,
            Instant acknowledgedAt, Instant statusChangedAt, Instant dueAt, boolean overdue, Instant concludedAt,
            ClosureReason closureReason, String forwardedTo, Set<ComplaintStatus> allowedTransitions,
            List<Complaint.Attachment> attachments, List<Complaint.Message> messages, List<Complaint.Note> notes,
            List<Complaint.StatusChange> history, String recordedBy, Instant purgedAt, long version,
            String caseNumber, String letterRef, LocalDate letterDate, Referral referral) {
    }

    /** @param caseNumber เลขรับ; {@code agency} and {@code dueAt} are for the printed acknowledgement */
    record Filed(String caseId, String trackingCode, Instant receivedAt, ComplaintStatus status, String caseNumber,
            String agency, Instant dueAt) {
        @Override
        public String toString() {
            return "Filed[caseId=" + caseId + ", trackingCode=****]";
        }
    }

    record Changed(String caseId, long version) {
    }
}
