package th.integrity.stats.projection;

import java.time.Clock;
import java.time.Instant;

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
 * Applies complaint events to {@code complaint_cases}, idempotently and in any order: a document changes only
 * when the event's version is higher than the one stored. Redelivery, replay from the start of the topic and
 * a late older event therefore all leave the same result. One conditional upsert per event, no transaction:
 * it behaves the same on a replica set as on the embedded server.
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

    public ComplaintCaseProjection(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Outcome apply(ComplaintEvent event) {
        var data = event.data();
        Instant receivedAt = data.receivedAt();
        FiscalYear fiscalYear;
        try {
            fiscalYear = FiscalCalendar.fiscalYearOf(receivedAt);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("receivedAt " + receivedAt + " is outside the supported fiscal years", e);
        }
        String id = ComplaintCase.id(data.agency(), data.caseId());
        Query olderOrAbsent = new Query(Criteria.where("_id").is(id).and("version").lt(data.version()));
        Update state = new Update()
                .set("agency", data.agency())
                .set("caseId", data.caseId())
                .set("version", data.version())
                .set("channel", data.channel())
                .set("category", data.category())
                .set("division", data.division())
                .set("status", data.status())
                .set("receivedAt", receivedAt)
                .set("receivedMonth", FiscalCalendar.monthOf(receivedAt).toString())
                .set("fiscalYear", fiscalYear.buddhistYear())
                .set("lastEventId", event.id())
                .set("lastEventType", event.type())
                .set("projectedAt", clock.instant());
        try {
            UpdateResult result = mongo.upsert(olderOrAbsent, state, ComplaintCase.class);
            return result.getUpsertedId() != null ? Outcome.CREATED : Outcome.UPDATED;
        } catch (DuplicateKeyException e) {
            // The filter missed and the insert hit an existing _id: usually the stored version is >= ours. Two
            // consumers racing on the first events of one case (during a rebalance) end up here as well, so
            // try once more as a plain conditional update before calling the event stale.
            UpdateResult retry = mongo.updateFirst(olderOrAbsent, state, ComplaintCase.class);
            return retry.getMatchedCount() > 0 ? Outcome.UPDATED : Outcome.STALE;
        }
    }
}
