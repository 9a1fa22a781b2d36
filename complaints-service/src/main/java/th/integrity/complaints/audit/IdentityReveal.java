package th.integrity.complaints.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reveal of a reporter's identity: who, when, which case, why, and under which approved request (with who
 * approved it; both null where the agency keeps the single-person rule). Collection {@code identity_reveals} is
 * append-only — this service inserts and reads it and has no code that changes or deletes a record; in
 * production give the service's database user only insert and find on it. The retention purge leaves it.
 */
@Document(IdentityReveal.COLLECTION)
@CompoundIndex(name = "agency_at", def = "{'agency': 1, 'at': -1}")
public record IdentityReveal(@Id String id, String agency, String caseId, String officer, String officerName,
        String reason, Instant at, String requestId, String approvedBy) {

    public static final String COLLECTION = "identity_reveals";
}
