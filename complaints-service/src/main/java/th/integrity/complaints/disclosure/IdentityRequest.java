package th.integrity.complaints.disclosure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import th.integrity.platform.outbox.OutboxMessage;

/**
 * One officer's request to see a confidential reporter's identity, and the head's decision on it (the two-person
 * rule). The document is also the audit record of both steps: who asked, why, who decided, with what note, when.
 * Events waiting for Kafka sit in {@code outbox}, written with the change they describe.
 *
 * @param requester      the requesting officer's subject (the only one an approval lets read the identity)
 * @param expiresAt      until when an approval lets the requester read the identity; null unless approved
 * @param firstRevealAt  when the requester first read the identity under this approval; null until then
 */
@Document(IdentityRequest.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "agency_status_at", def = "{'agency': 1, 'status': 1, 'requestedAt': -1}"),
        @CompoundIndex(name = "agency_case", def = "{'agency': 1, 'caseId': 1}") })
public record IdentityRequest(@Id String id, String agency, String caseId, String caseNumber, String requester,
        String requesterName, String reason, Instant requestedAt, Status status, String decidedBy,
        String decidedByName, String note, Instant decidedAt, Instant expiresAt, Instant firstRevealAt,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "identity_requests";

    public enum Status {
        PENDING, APPROVED, DECLINED
    }

    public IdentityRequest {
        outbox = outbox == null ? List.of() : outbox;
    }

    /** Whether {@code officer} may read the identity under this request at {@code now}. */
    boolean letsRead(String officer, Instant now) {
        return status == Status.APPROVED && requester.equals(officer) && expiresAt != null && now.isBefore(expiresAt);
    }

    Duration age(Instant now) {
        return Duration.between(requestedAt, now);
    }

    IdentityRequest withOutbox(List<OutboxMessage> pending) {
        return new IdentityRequest(id, agency, caseId, caseNumber, requester, requesterName, reason, requestedAt, status,
                decidedBy, decidedByName, note, decidedAt, expiresAt, firstRevealAt, pending);
    }
}
