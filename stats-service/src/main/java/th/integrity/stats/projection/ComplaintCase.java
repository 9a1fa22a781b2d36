package th.integrity.stats.projection;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One complaint case as the statistics see it: the latest snapshot the events told (highest version), with
 * what every table needs computed once: the Bangkok month and fiscal year it counts in, whether it is final,
 * the Bangkok month it was concluded in and the days it took. Holds no reporter identity and no complaint text
 * (the events never carry them). Stored in {@link ProjectionStore#cases(int)} of a generation; generation 0 is
 * the {@link #COLLECTION} named here.
 *
 * @param id               {@code agency:caseId}
 * @param receivedMonth    {@code YYYY-MM} of {@code receivedAt} in Asia/Bangkok
 * @param fiscalYear       Buddhist-Era fiscal year of {@code receivedAt}
 * @param finalStatus      the status is one of the three final ones
 * @param concludedMonth   {@code YYYY-MM} (Bangkok) the case was concluded in: of {@code concludedAt}, else of
 *                         {@code statusChangedAt}, else (older events without either) of {@code receivedAt};
 *                         {@code null} while open
 * @param daysToConclusion Bangkok calendar days from receipt to conclusion; {@code null} while open or unknown
 * @param lastEventId      CloudEvents id of the event that last changed this document
 * @param lastEventType    its type
 * @param projectedAt      when this service applied it
 * @param caseNumber       เลขรับ (e.g. {@code วท 0012/2570}), what reports name the case by; null for older events
 * @param referredTo       the body the case stands referred to, or {@code null}
 * @param referredAt       when it was referred, or {@code null}
 */
@Document(ComplaintCase.COLLECTION)
record ComplaintCase(
        @Id String id,
        String agency,
        String caseId,
        long version,
        String channel,
        String category,
        String subcategory,
        String division,
        String reporterStanding,
        String status,
        Instant statusChangedAt,
        Instant concludedAt,
        String closureReason,
        Instant dueAt,
        Instant receivedAt,
        String receivedMonth,
        int fiscalYear,
        @org.springframework.data.mongodb.core.mapping.Field("final") boolean finalStatus,
        String concludedMonth,
        Integer daysToConclusion,
        String lastEventId,
        String lastEventType,
        Instant projectedAt,
        String caseNumber,
        String referredTo,
        Instant referredAt) {

    public static final String COLLECTION = ProjectionStore.CASES;

    /** The statuses after which nothing more happens to a case. */
    public static final Set<String> FINAL = Set.of("CONCLUDED_WITH_CAUSE", "CONCLUDED_WITHOUT_CAUSE",
            "CLOSED_WITHOUT_INQUIRY");

    public static String id(String agency, String caseId) {
        return agency + ":" + caseId;
    }
}
