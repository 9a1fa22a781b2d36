package th.integrity.stats.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalYear;

/**
 * The rules of the case projection, without Spring or MongoDB: what a case document holds after an event (its
 * snapshot and what the tables need computed from it), which events can be projected, and which of several events
 * of one case wins (the highest version; of equal versions the first, as one-by-one application keeps it).
 */
final class CaseState {

    private CaseState() {
    }

    /** {@code agency:caseId}, the case document's {@code _id}. */
    static String idOf(ComplaintEvent event) {
        return ComplaintCase.id(event.data().agency(), event.data().caseId());
    }

    /**
     * The fields a case document holds after {@code event}, {@code version} included.
     *
     * @param projectedAt when this service applies it
     * @throws InvalidEventException when the event cannot be projected ({@link #check})
     */
    static Document of(ComplaintEvent event, Instant projectedAt) {
        var data = event.data();
        Instant receivedAt = data.receivedAt();
        FiscalYear fiscalYear = fiscalYearOf(event);
        boolean finalStatus = ComplaintCase.FINAL.contains(data.status());
        Instant concluded = !finalStatus ? null
                : data.concludedAt() != null ? data.concludedAt()
                : data.statusChangedAt();
        String concludedMonth = !finalStatus ? null
                : FiscalCalendar.monthOf(concluded != null ? concluded : receivedAt).toString();
        Integer days = concluded == null ? null : (int) Math.max(0,
                ChronoUnit.DAYS.between(FiscalCalendar.dateOf(receivedAt), FiscalCalendar.dateOf(concluded)));
        return new Document()
                .append("agency", data.agency())
                .append("caseId", data.caseId())
                .append("version", data.version())
                .append("channel", data.channel())
                .append("category", data.category())
                .append("subcategory", data.subcategory())
                .append("division", data.division())
                .append("reporterStanding", data.reporterStanding())
                .append("status", data.status())
                .append("statusChangedAt", data.statusChangedAt())
                .append("concludedAt", data.concludedAt())
                .append("closureReason", data.closureReason())
                .append("dueAt", data.dueAt())
                .append("caseNumber", data.caseNumber())
                .append("referredTo", data.referredTo())
                .append("referredAt", data.referredAt())
                .append("receivedAt", receivedAt)
                .append("receivedMonth", FiscalCalendar.monthOf(receivedAt).toString())
                .append("fiscalYear", fiscalYear.buddhistYear())
                .append("final", finalStatus)
                .append("concludedMonth", concludedMonth)
                .append("daysToConclusion", days)
                .append("lastEventId", event.id())
                .append("lastEventType", event.type())
                .append("projectedAt", projectedAt);
    }

    /**
     * Throws what {@link #of} would throw for an event that cannot be projected.
     *
     * @throws InvalidEventException when {@code receivedAt} lies outside the supported fiscal years
     */
    static void check(ComplaintEvent event) {
        fiscalYearOf(event);
    }

    private static FiscalYear fiscalYearOf(ComplaintEvent event) {
        Instant receivedAt = event.data().receivedAt();
        try {
            return FiscalCalendar.fiscalYearOf(receivedAt);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("receivedAt " + receivedAt + " is outside the supported fiscal years", e);
        }
    }

    /**
     * Per case document id, the event of the highest version, in the order the cases first appear. Of two events
     * with the same version the first is kept, as applying them one by one would (the second finds it stored).
     */
    static Map<String, ComplaintEvent> latestPerCase(Iterable<ComplaintEvent> events) {
        Map<String, ComplaintEvent> latest = new LinkedHashMap<>();
        for (ComplaintEvent event : events) {
            latest.merge(idOf(event), event,
                    (kept, next) -> next.data().version() > kept.data().version() ? next : kept);
        }
        return latest;
    }

    /**
     * Whether the event is the one that wrote the stored case, delivered again: same version, same event id.
     * Its first delivery may have died between the write and the agency's stamp, so it stamps again.
     */
    static boolean isRedeliveryOfStored(ComplaintEvent event, Document stored) {
        return stored != null && SnapshotStore.versionOf(stored) == event.data().version()
                && event.id().equals(stored.getString("lastEventId"));
    }
}
