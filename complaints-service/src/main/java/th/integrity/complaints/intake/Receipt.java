package th.integrity.complaints.intake;

import java.time.Instant;

import th.integrity.complaints.complaint.ComplaintStatus;

/**
 * What the reporter gets back: the only time the tracking code is ever shown (a retry with the same
 * Idempotency-Key gets this same answer again).
 *
 * @param trackingCode 16 digits grouped by four
 * @param caseNumber   the case number (เลขรับ), e.g. {@code วท 0012/2570}, for the acknowledgement
 * @param agency       the agency's code, for the acknowledgement's heading
 * @param dueAt        by when the agency will have reviewed it (the deadline of {@code status})
 */
public record Receipt(String trackingCode, Instant receivedAt, ComplaintStatus status, String caseNumber,
        String agency, Instant dueAt) {

    @Override
    public String toString() {
        return "Receipt[trackingCode=****, caseNumber=" + caseNumber + ", receivedAt=" + receivedAt + ", status="
                + status + "]";
    }
}
