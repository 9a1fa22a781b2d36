package th.integrity.stats.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import th.integrity.stats.calendar.FiscalCalendar;
import th.integrity.stats.calendar.FiscalYear;

/**
 * Applies complaint events to the case collection, idempotently and in any order: a document changes only
 * when the event's version is higher than the one stored, so a redelivered event (same id, same version), a
 * replay from the start of the topic, a late older event and a gap (version 3 before 2) all leave the same
 * result. Per event and generation: one read by {@code _id} and, when the event is newer, one upsert by
 * {@code _id}; no transaction, so it behaves the same on a replica set as on the embedded server.
 *
 * <p>Why the filters hold nothing but {@code _id}: mongo-java-server (the development and test server) uses an
 * index only when a query's keys equal the index's keys, so {@code {_id, version: {$lt: v}}} scanned the whole
 * collection per event (docs/benchmarks.md). See {@link #write} for why the unconditional write is safe.
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
        if (!newer(collection, id, data.version())) {
            return Outcome.STALE;
        }
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
        Outcome outcome = write(mongo, collection, id, data.version(), state);
        if (outcome != Outcome.STALE) {
            changes.changed(generation, data.agency());
        }
        return outcome;
    }

    private boolean newer(String collection, String id, long version) {
        return storedVersion(mongo, collection, id) < version;
    }

    /**
     * The version stored under {@code id}, read by {@code _id} alone; {@code Long.MIN_VALUE} when there is no
     * document or it has no version yet (a gift declaration stub created by a correction that came first).
     */
    static long storedVersion(MongoTemplate mongo, String collection, String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include("version");
        Document stored = mongo.findOne(byId, Document.class, collection);
        Object version = stored == null ? null : stored.get("version");
        return version instanceof Number n ? n.longValue() : Long.MIN_VALUE;
    }

    /**
     * Writes a newer snapshot by {@code _id} alone, after the caller's read found the stored version older.
     *
     * <p>Why this is safe without a compare-and-set: within one partition a consumer applies the events of a
     * key in offset order, so a single consumer never writes an older version over a newer one (the read just
     * before the write saw an older one and nobody else writes the key). Only during a rebalance can two
     * consumers briefly process the same partition; then a write may interleave between the other's read and
     * write and leave an older version for a moment. The partition's eventual owner re-processes every record
     * after the last committed offset, in order, and the racing record is among them (it was not committed
     * when the owner started), so it reads that older version and rewrites the newest: the document converges
     * to the highest version. A replay writes its own generation from a single thread, with the live
     * listeners under the same rule. A compare-and-set with only {@code _id} in the filter would need a
     * pipeline update ({@code $cond}), which mongo-java-server does not implement.
     *
     * @return {@code CREATED}, {@code UPDATED}, or {@code STALE} when a racing insert of a newer version won
     */
    static Outcome write(MongoTemplate mongo, String collection, String id, long version, Update update) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        try {
            return mongo.upsert(byId, update, collection).getUpsertedId() != null ? Outcome.CREATED : Outcome.UPDATED;
        } catch (DuplicateKeyException e) {
            // Two first events of one key upserting at once (a rebalance): the other insert won. Its version
            // may still be older than ours, so compare again and update the existing document by _id.
            if (storedVersion(mongo, collection, id) >= version) {
                return Outcome.STALE;
            }
            mongo.updateFirst(byId, update, collection);
            return Outcome.UPDATED;
        }
    }
}
