package th.integrity.complaints.retention;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one retention purge removed from one case, with no content: how many of each kind, and whether the case's data
 * key was destroyed. The head's purge report; collection {@code purges}, append-only.
 *
 * @param keyDestroyed whether the case's data key existed and was destroyed (false for a case filed before keys)
 */
@Document(PurgeRecord.COLLECTION)
@CompoundIndex(name = "agency_at", def = "{'agency': 1, 'purgedAt': -1}")
public record PurgeRecord(@Id String caseId, String agency, Instant receivedAt, Instant concludedAt, Instant purgedAt,
        boolean identity, boolean keyDestroyed, int attachments, int messages, int notes, boolean details) {

    public static final String COLLECTION = "purges";
}
