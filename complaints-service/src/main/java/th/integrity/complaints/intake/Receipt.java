package th.integrity.complaints.intake;

import java.time.Instant;

import th.integrity.complaints.complaint.ComplaintStatus;

/**
 * What the reporter gets back: the only time the tracking code is ever shown (a retry with the same
 * Idempotency-Key gets this same answer again).
 *
 * @param trackingCode 16 digits grouped by four
 */
public record Receipt(String trackingCode, Instant receivedAt, ComplaintStatus status) {

    @Override
    public String toString() {
        return "Receipt[trackingCode=****, receivedAt=" + receivedAt + ", status=" + status + "]";
    }
}
