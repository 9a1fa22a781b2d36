package th.integrity.stats.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Projections;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.FiscalYear;

/**
 * Applies complaint events to the case collection, idempotently and in any order: a document changes only
 * when the event's version is higher than the one stored, so a redelivered event (same id, same version), a
 * replay from the start of the topic, a late older event and a gap (version 3 before 2) all leave the same
 * result. Per event and generation: one read by {@code _id} and, when the event is newer, one upsert by
 * {@code _id} and one bump of the agency's stamp; no transaction, so it behaves the same on a replica set as on
 * the embedded server. The case's old and new shape go to the draft's kept counts ({@link CaseShapes}).
 *
 * <p>Why the filters hold nothing but {@code _id}: mongo-java-server (the development and test server) uses an
 * index only when a query's keys equal the index's keys, so {@code {_id, version: {$lt: v}}} scanned the whole
 * collection per event (docs/benchmarks.md). See {@link #write} for why the unconditional write is safe.
 *
 * <p>A replay goes through {@link #applyAllTo} instead: per batch of events, {@code $in} reads by {@code _id} (a
 * few hundred ids each) and one bulk write, so the round trips are shared by thousands of events.
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

    /** Ids per {@code $in} read of {@link #applyAllTo} (see {@link #storedVersions}). */
    static final int READ_SLICE = 200;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ProjectionStore store;
    private final ProjectionChanges changes;
    private final CaseShapes shapes;

    public ComplaintCaseProjection(MongoTemplate mongo, Clock clock, ProjectionStore store,
            ProjectionChanges changes, CaseShapes shapes) {
        this.mongo = mongo;
        this.clock = clock;
        this.store = store;
        this.changes = changes;
        this.shapes = shapes;
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

    /**
     * Applies one event to one generation: reads the stored case by {@code _id}, writes the newer snapshot, stamps
     * the agency and hands the case's old and new shape to the draft counts ({@link CaseShapes}).
     */
    public Outcome applyTo(int generation, ComplaintEvent event) {
        Update state = stateOf(event);
        var data = event.data();
        String collection = ProjectionStore.cases(generation);
        String id = ComplaintCase.id(data.agency(), data.caseId());
        try (CaseShapes.Change change = shapes.change(generation, data.agency())) {
            Document stored = stored(collection, id);
            if (versionOf(stored) >= data.version()) {
                if (versionOf(stored) == data.version() && event.id().equals(stored.getString("lastEventId"))) {
                    // The event that wrote this case, delivered again: its first delivery may have died between
                    // the write and the stamp. Stamp again; a spare stamp only makes the next draft count afresh.
                    changes.changed(generation, data.agency());
                }
                change.unchanged();
                return Outcome.STALE;
            }
            Outcome outcome = write(mongo, collection, id, data.version(), state);
            if (outcome == Outcome.STALE) {
                change.unchanged();
                return outcome;
            }
            long stamp = changes.changed(generation, data.agency());
            change.applied(CaseShapes.Counted.of(stored), CaseShapes.Counted.of(setOf(state)), stamp);
            return outcome;
        }
    }

    /**
     * Applies many events to one generation with a few round trips in all instead of two per event (the replay's
     * path), leaving the same documents as {@link #applyTo} for each event in turn, in any order:
     * <ol>
     * <li>per case only the highest version of the batch counts ({@link #latestPerCase});</li>
     * <li>the stored versions of those cases are read by {@code _id} alone ({@code $in}, {@link #storedVersions});
     * the events whose stored version is the same or newer are dropped;</li>
     * <li>one unordered bulk write stores the rest by {@code _id} alone, with the update {@link #applyTo} writes
     * ({@link #stateOf}) and under the same safety argument ({@link #write}): an upsert where a document was
     * found, an insert of the same fields where none was (on the development store an insert costs about half
     * an upsert, and it cannot overwrite a case a live listener created meanwhile);</li>
     * <li>a write that failed on a duplicate key (a live listener created the case since the read) is applied
     * again on its own through {@link #applyTo}, which compares with what is stored now;</li>
     * <li>every agency that changed is stamped once ({@link ProjectionChanges}).</li>
     * </ol>
     *
     * @param events complaint events that passed {@link #check}; duplicates and older versions are fine
     * @return how many case documents were written (created or updated)
     * @throws InvalidEventException before anything is written, when an event does not pass {@link #check}
     */
    public int applyAllTo(int generation, Collection<ComplaintEvent> events) {
        Map<String, ComplaintEvent> latest = latestPerCase(events);
        Map<String, Update> states = new HashMap<>();
        latest.forEach((id, event) -> states.put(id, stateOf(event)));
        String collection = ProjectionStore.cases(generation);
        Map<String, Long> stored = storedVersions(collection, latest.keySet());
        List<ComplaintEvent> newer = new ArrayList<>();
        latest.forEach((id, event) -> {
            if (stored.getOrDefault(id, Long.MIN_VALUE) < event.data().version()) {
                newer.add(event);
            }
        });
        if (newer.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (ComplaintEvent event : newer) {
            String id = idOf(event);
            Update state = states.get(id);
            if (stored.containsKey(id)) {
                bulk.upsert(Query.query(Criteria.where("_id").is(id)), state);
            } else {
                bulk.insert(inserted(id, state));
            }
        }
        Set<Integer> duplicates = Set.of();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            duplicates = duplicateKeyFailures(e);
        }
        int written = 0;
        Set<String> agencies = new TreeSet<>();
        for (int i = 0; i < newer.size(); i++) {
            ComplaintEvent event = newer.get(i);
            if (!duplicates.contains(i)) {
                agencies.add(event.data().agency());
                written++;
            } else if (applyTo(generation, event) != Outcome.STALE) { // stamps its agency itself
                written++;
            }
        }
        agencies.forEach(agency -> {
            changes.changed(generation, agency);
            shapes.forget(generation, agency); // written in bulk, not case by case: the next draft counts afresh
        });
        return written;
    }

    /**
     * The document an upsert of {@code state} by {@code _id} would create: the {@code _id}, then the fields of
     * {@code $set} (the only operator {@link #stateOf} uses).
     */
    private static Document inserted(String id, Update state) {
        Document document = new Document("_id", id);
        document.putAll(setOf(state));
        return document;
    }

    private static Document setOf(Update state) {
        return (Document) state.getUpdateObject().get("$set");
    }

    /**
     * Per case document id, the event of the highest version, in the order the cases first appear. Of two events
     * with the same version the first is kept, as {@link #applyTo} would (the second finds it stored and is
     * stale).
     */
    static Map<String, ComplaintEvent> latestPerCase(Iterable<ComplaintEvent> events) {
        Map<String, ComplaintEvent> latest = new LinkedHashMap<>();
        for (ComplaintEvent event : events) {
            latest.merge(idOf(event), event,
                    (kept, next) -> next.data().version() > kept.data().version() ? next : kept);
        }
        return latest;
    }

    /** The positions in the bulk of the upserts that failed on a duplicate key; any other failure is rethrown. */
    private static Set<Integer> duplicateKeyFailures(BulkOperationException e) {
        Set<Integer> duplicates = new HashSet<>();
        for (BulkWriteError error : e.getErrors()) {
            if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            duplicates.add(error.getIndex());
        }
        return duplicates;
    }

    /**
     * Throws what {@link #applyTo} would throw for an event it cannot project, without touching the store: the
     * replay checks each event before it folds a batch, so an unprojectable newest version does not hide the
     * older ones that the live projection kept.
     *
     * @throws InvalidEventException when {@code receivedAt} lies outside the supported fiscal years
     */
    public static void check(ComplaintEvent event) {
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

    private static String idOf(ComplaintEvent event) {
        return ComplaintCase.id(event.data().agency(), event.data().caseId());
    }

    /**
     * What a case document holds after {@code event}: its snapshot and what the tables need computed from it.
     * The one update both {@link #applyTo} and {@link #applyAllTo} write.
     *
     * @throws InvalidEventException when the event cannot be projected ({@link #check})
     */
    private Update stateOf(ComplaintEvent event) {
        var data = event.data();
        Instant receivedAt = data.receivedAt();
        FiscalYear fiscalYear = fiscalYearOf(event);
        boolean finalStatus = ComplaintCase.FINAL.contains(data.status());
        Instant concluded = !finalStatus ? null
                : data.concludedAt() != null ? data.concludedAt()
                : data.statusChangedAt() != null ? data.statusChangedAt() : null;
        String concludedMonth = !finalStatus ? null
                : FiscalCalendar.monthOf(concluded != null ? concluded : receivedAt).toString();
        Integer days = concluded == null ? null : (int) Math.max(0,
                ChronoUnit.DAYS.between(FiscalCalendar.dateOf(receivedAt), FiscalCalendar.dateOf(concluded)));
        return new Update()
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
    }

    /** The stored case with its version and what the tables count it by, read by {@code _id} alone. */
    private Document stored(String collection, String id) {
        return mongo.getCollection(collection).find(new Document("_id", id))
                .projection(Projections.fields(Projections.include("version", "lastEventId"), CaseShapes.Counted.FIELDS))
                .first();
    }

    /** The version in a stored document; {@code Long.MIN_VALUE} when there is none (see {@link #storedVersion}). */
    private static long versionOf(Document stored) {
        return stored != null && stored.get("version") instanceof Number n ? n.longValue() : Long.MIN_VALUE;
    }

    /**
     * The version stored under {@code id}, read by {@code _id} alone; {@code Long.MIN_VALUE} when there is no
     * document or it has no version yet (a gift declaration stub created by a correction that came first).
     */
    static long storedVersion(MongoTemplate mongo, String collection, String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include("version");
        return versionOf(mongo.findOne(byId, Document.class, collection));
    }

    /**
     * The stored versions of {@code ids}, read by {@code _id} alone ({@code $in}, which mongo-java-server answers
     * from the {@code _id} index); ids without a document or without a version are absent. In slices of
     * {@link #READ_SLICE} ids: mongo-java-server re-checks every document it found against the whole {@code $in}
     * list, one element after the other, so one query of 5,000 ids cost 5,000 × 5,000 comparisons (a second
     * per batch); slices of a few hundred cost a round trip each and next to nothing else.
     */
    private Map<String, Long> storedVersions(String collection, Collection<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += READ_SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + READ_SLICE));
            Query byIds = Query.query(Criteria.where("_id").in(slice)).cursorBatchSize(slice.size());
            byIds.fields().include("version");
            for (Document stored : mongo.find(byIds, Document.class, collection)) {
                if (stored.get("version") instanceof Number n) {
                    versions.put(stored.getString("_id"), n.longValue());
                }
            }
        }
        return versions;
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
     * to the highest version. A replay writes its own generation from a single thread; a live listener
     * writing the same case between the replay's read and write of an older version is repaired by the
     * replay's final passes over the records that arrived meanwhile (see {@code Replays}). A compare-and-set
     * with only {@code _id} in the filter would need a pipeline update ({@code $cond}), which mongo-java-server
     * does not implement.
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
