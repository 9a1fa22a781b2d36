package th.integrity.complaints.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    record Summary(String id, Channel channel, Category category, String subcategory, String division,
            ReporterStanding reporterStanding, ComplaintStatus status, Instant receivedAt, Instant statusChangedAt,
            Instant dueAt, boolean overdue, int attachments, int messages, long version) {

        static Summary of(Complaint c, Instant now) {
            return new Summary(c.id(), c.channel(), c.category(), c.subcategory(), c.division(),
                    c.reporterStanding(), c.status(), c.receivedAt(), c.statusChangedAt(), c.dueAt(),
                    c.isOverdue(now), c.attachments().size(), c.messages().size(), c.version());
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
            List<Complaint.StatusChange> history, String recordedBy, Instant purgedAt, long version) {
    }

    record Filed(String caseId, String trackingCode, Instant receivedAt, ComplaintStatus status) {
        @Override
        public String toString() {
            return "Filed[caseId=" + caseId + ", trackingCode=****]";
        }
    }

    record Changed(String caseId, long version) {
    }
}
