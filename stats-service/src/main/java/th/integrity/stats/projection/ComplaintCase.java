package th.integrity.stats.projection;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One complaint case as the statistics see it: the latest state the events told, with the Bangkok month and
 * fiscal year it counts in computed once, so every table is a plain group-by. Holds no reporter identity and
 * no complaint text (the events never carry them).
 *
 * @param id            {@code agency:caseId}
 * @param receivedMonth {@code YYYY-MM} of {@code receivedAt} in Asia/Bangkok
 * @param fiscalYear    Buddhist-Era fiscal year of {@code receivedAt}
 * @param lastEventId   CloudEvents id of the event that last changed this document
 * @param lastEventType its type
 * @param projectedAt   when this service applied it
 */
@Document(ComplaintCase.COLLECTION)
@CompoundIndex(name = "agency_fiscalYear_month", def = "{'agency': 1, 'fiscalYear': 1, 'receivedMonth': 1}")
public record ComplaintCase(
        @Id String id,
        String agency,
        String caseId,
        long version,
        String channel,
        String category,
        String division,
        String status,
        Instant receivedAt,
        String receivedMonth,
        int fiscalYear,
        String lastEventId,
        String lastEventType,
        Instant projectedAt) {

    public static final String COLLECTION = "complaint_cases";

    public static String id(String agency, String caseId) {
        return agency + ":" + caseId;
    }
}
