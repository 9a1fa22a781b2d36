package th.integrity.complaints.complaint;

import java.time.Instant;

/**
 * {@code data} of every {@code complaints.v1} event (docs/events.md): the case after the change, exactly the
 * facts statistics need. No identity, no free text, no tracking code. {@code caseNumber} (เลขรับ, e.g.
 * {@code วท 0012/2570}) lets reports name a case as officers know it.
 *
 * @param referredTo the body the case stands referred to (forwarding-body code), null when it is not referred
 * @param referredAt when that referral was recorded, null when it is not referred
 */
public record ComplaintSnapshot(
        String agency,
        String caseId,
        long version,
        Channel channel,
        Category category,
        String subcategory,
        String division,
        ReporterStanding reporterStanding,
        Instant receivedAt,
        ComplaintStatus status,
        Instant statusChangedAt,
        Instant concludedAt,
        ClosureReason closureReason,
        Instant dueAt,
        String caseNumber,
        String referredTo,
        Instant referredAt) {

    public static final String SUBMITTED = "complaint.submitted.v1";
    public static final String STATUS_CHANGED = "complaint.status-changed.v1";
    public static final String UPDATED = "complaint.updated.v1";

    public static ComplaintSnapshot of(Complaint c) {
        return new ComplaintSnapshot(c.agency(), c.id(), c.version(), c.channel(), c.category(), c.subcategory(),
                c.division(), c.reporterStanding(), c.receivedAt(), c.status(), c.statusChangedAt(),
                c.concludedAt(), c.closureReason(), c.dueAt(), c.caseNumber(),
                c.activeReferral() == null ? null : c.activeReferral().body(),
                c.activeReferral() == null ? null : c.activeReferral().referredAt());
    }

    /** @param referral the referral that stands after the change, or null */
    public ComplaintSnapshot withReferral(Complaint.Referral referral) {
        return new ComplaintSnapshot(agency, caseId, version, channel, category, subcategory, division,
                reporterStanding, receivedAt, status, statusChangedAt, concludedAt, closureReason, dueAt, caseNumber,
                referral == null ? null : referral.body(), referral == null ? null : referral.referredAt());
    }

    public ComplaintSnapshot withVersion(long newVersion) {
        return new ComplaintSnapshot(agency, caseId, newVersion, channel, category, subcategory, division,
                reporterStanding, receivedAt, status, statusChangedAt, concludedAt, closureReason, dueAt, caseNumber,
                referredTo, referredAt);
    }

    public ComplaintSnapshot withDivision(String newDivision) {
        return new ComplaintSnapshot(agency, caseId, version, channel, category, subcategory, newDivision,
                reporterStanding, receivedAt, status, statusChangedAt, concludedAt, closureReason, dueAt, caseNumber,
                referredTo, referredAt);
    }

    public ComplaintSnapshot withStatus(ComplaintStatus newStatus, Instant changedAt, Instant newConcludedAt,
            ClosureReason newClosureReason, Instant newDueAt) {
        return new ComplaintSnapshot(agency, caseId, version, channel, category, subcategory, division,
                reporterStanding, receivedAt, newStatus, changedAt, newConcludedAt, newClosureReason, newDueAt,
                caseNumber, referredTo, referredAt);
    }
}
