package th.integrity.complaints.reporternotice;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import th.integrity.complaints.identity.Sealed;

/**
 * A case whose reporter left a notice address, as the sender tracks it (collection {@code reporter_notices}): what
 * the reporter could last see, and whether a notice waits. No clear address and no content: the address stays
 * sealed in the case until it closes; only then is the sealed copy kept here until the last notice is sent.
 *
 * @param seen          what the tracking page showed when news was last noted
 * @param newsAt        when news was last noted; the sender clears a notice only if no newer news came meanwhile
 * @param nextAttemptAt when to (re)try sending; null when nothing waits
 * @param attempts      failed attempts since the last sent notice
 * @param address       the sealed address, once the case closed and its field was removed; null before
 */
@Document(PendingNotice.COLLECTION)
record PendingNotice(@Id String caseId, String agency, Seen seen, Instant newsAt,
        @Indexed(name = "nextAttemptAt", sparse = true) Instant nextAttemptAt, int attempts, Sealed address) {

    static final String COLLECTION = "reporter_notices";

    /** What a reporter sees change on the tracking page: the stages (moves, disclosure) and the officers' messages. */
    record Seen(int moves, int officerMessages, boolean identityDisclosed) {

        /** A case as filed on the web form: received, no message, nothing disclosed. */
        static final Seen FILED = new Seen(0, 0, false);
    }
}
