package th.integrity.complaints.complaint;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import th.integrity.platform.outbox.OutboxMessage;

/**
 * A complaint (เรื่องร้องเรียน), one document in collection {@code complaints}. Its events wait in
 * {@code outbox} until the relay has published them: the change and its event are one document write.
 *
 * @param id             the case id (a random UUID), also the subject of the case's events
 * @param agency         the agency the complaint is for
 * @param details        what the reporter wrote (รายละเอียดการแจ้ง); never leaves this service
 * @param acknowledgedAt when the reporter was told it was received (at once, for the web form)
 * @param version        1 on intake, one more with every change; consumers order a case's events by it
 * @param trackingHash   HMAC-SHA-256 (hex) of the tracking code; the code itself is stored nowhere
 * @param outbox         events not yet published
 */
@Document(Complaint.COLLECTION)
public record Complaint(
        @Id String id,
        String agency,
        Channel channel,
        Category category,
        String details,
        ComplaintStatus status,
        Instant receivedAt,
        Instant acknowledgedAt,
        long version,
        @Indexed(unique = true, name = "trackingHash_unique") String trackingHash,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "complaints";
}
