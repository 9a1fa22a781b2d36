package th.integrity.stats.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

import th.integrity.stats.calendar.FiscalCalendar;
import th.integrity.stats.calendar.FiscalYear;

/**
 * Applies complaint events to the case collection, idempotently and in any order: a document changes only
 * when the event's version is higher than the one stored, so a redelivered event (same id, same version), a
 * replay from the start of the topic, a late older event and a gap (version 3 before 2) all leave the same
 * result. One conditional upsert per event and generation, no transaction: it behaves the same on a replica
 * set as on the embedded server.
 */
@Component
public class ComplaintCaseProjection {

    /** What applying one event did. */
    public enum Outcome {
        /** First event of the case: the document was created. */
        CREATED,
        /** A newer version replaced the stored state. */
        UPDATED,
        /** The stored version is the same or newer (a duplicate or a late event): nothing changed. */
        STALE
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ProjectionStore store;
    private final ProjectionChanges changes;

    public ComplaintCaseProjection(MongoTemplate mongo, Clock clock, ProjectionStore store,
            ProjectionChanges changes) {
        this.mongo = mongo;
        this.clock = clock;
        this.store = store;
        this.changes = changes;
    }

    /** Applies a live event to the active generation and, during a replay, to the one being built. */
    public Outcome apply(ComplaintEvent event) {
        var state = store.state();
        Outcome result = Outcome.STALE;
        for (int generation : state.writeTargets()) {
            Outcome outcome = applyTo(generation, event);
            if (generation == state.active()) {
                result = outcome;
            }
        }
        return result;
    }

    public Outcome applyTo(int generation, ComplaintEvent event) {
        var data = event.data();
        Instant receivedAt = data.receivedAt();
        FiscalYear fiscalYear;
        try {
            fiscalYear = FiscalCalendar.fiscalYearOf(receivedAt);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("receivedAt " + receivedAt + " is outside the supported fiscal years", e);
        }
        boolean finalStatus = ComplaintCase.FINAL.contains(data.status());
        Instant concluded = !finalStatus ? null
                : data.concludedAt() != null ? data.concludedAt()
                : data.statusChangedAt() != null ? data.statusChangedAt() : null;
        String concludedMonth = !finalStatus ? null
                : FiscalCalendar.monthOf(concluded != null ? concluded : receivedAt).toString();
        Integer days = concluded == null ? null : (int) Math.max(0,
                ChronoUnit.DAYS.between(FiscalCalendar.dateOf(receivedAt), FiscalCalendar.dateOf(concluded)));
        String collection = ProjectionStore.cases(generation);
        String id = ComplaintCase.id(data.agency(), data.caseId());
        Query olderOrAbsent = new Query(Criteria.where("_id").is(id).and("version").lt(data.version()));
        Update state = new Update()
                .set("agency", data.agency())
                .set("caseId", data.caseId())
                .set("version", data.version())
                .set("channel", data.channel())
                .set("category", data.category())
                .set("subcategory", data.subcategory())
                .set("division", data.division())
                .set("reporterStanding", data.reporterStanding())
                .set("status", data.status())
                .set("statusChangedAt", data.statusChangedAt())
                .set("concludedAt", data.concludedAt())
                .set("closureReason", data.closureReason())
                .set("dueAt", data.dueAt())
                .set("receivedAt", receivedAt)
                .set("receivedMonth", FiscalCalendar.monthOf(receivedAt).toString())
                .set("fiscalYear", fiscalYear.buddhistYear())
                .set("final", finalStatus)
                .set("concludedMonth", concludedMonth)
                .set("daysToConclusion", days)
                .set("lastEventId", event.id())
                .set("lastEventType", event.type())
                .set("projectedAt", clock.instant());
        Outcome outcome;
        try {
            UpdateResult result = mongo.upsert(olderOrAbsent, state, collection);
            outcome = result.getUpsertedId() != null ? Outcome.CREATED : Outcome.UPDATED;
        } catch (DuplicateKeyException e) {
            // The filter missed and the insert hit an existing _id: usually the stored version is >= ours. Two
            // consumers racing on the first events of one case (during a rebalance) end up here as well, so
            // try once more as a plain conditional update before calling the event stale.
            UpdateResult retry = mongo.updateFirst(olderOrAbsent, state, collection);
            outcome = retry.getMatchedCount() > 0 ? Outcome.UPDATED : Outcome.STALE;
        }
        if (outcome != Outcome.STALE) {
            changes.changed(generation, data.agency());
        }
        return outcome;
    }
}
