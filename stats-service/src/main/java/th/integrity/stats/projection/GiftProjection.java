package th.integrity.stats.projection;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

/**
 * Applies gift events: the latest version of each declaration (same rule as the cases), a correction marks
 * the declaration it supersedes (which then stops counting, whichever of the two events arrives first), and a
 * nil return is kept once by its id.
 */
@Component
public class GiftProjection {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ProjectionStore store;

    public GiftProjection(MongoTemplate mongo, Clock clock, ProjectionStore store) {
        this.mongo = mongo;
        this.clock = clock;
        this.store = store;
    }

    /** @return {@code created}, {@code updated} or {@code stale}, for the metric, as seen by the active generation */
    public String apply(GiftEvent event) {
        var state = store.state();
        String result = "stale";
        for (int generation : state.writeTargets()) {
            String outcome = applyTo(generation, event);
            if (generation == state.active()) {
                result = outcome;
            }
        }
        return result;
    }

    public String applyTo(int generation, GiftEvent event) {
        if (event.nilReturn() != null) {
            var nil = event.nilReturn();
            UpdateResult result = mongo.upsert(
                    Query.query(Criteria.where("_id").is(nil.agency() + ":" + nil.nilReturnId())),
                    new Update().setOnInsert("agency", nil.agency()).setOnInsert("fiscalYear", nil.fiscalYear())
                            .setOnInsert("round", nil.round()).setOnInsert("filedAt", nil.filedAt())
                            .setOnInsert("lastEventId", event.id()),
                    ProjectionStore.nilReturns(generation));
            return result.getUpsertedId() != null ? "created" : "stale";
        }
        var d = event.declaration();
        String collection = ProjectionStore.declarations(generation);
        String id = d.agency() + ":" + d.declarationId();
        // Read by _id alone (see ComplaintCaseProjection); a stub created by a correction that arrived first has
        // no version yet and counts as older.
        boolean newer = ComplaintCaseProjection.storedVersion(mongo, collection, id) < d.version();
        Update update = new Update()
                .set("agency", d.agency()).set("declarationId", d.declarationId()).set("supersedes", d.supersedes())
                .set("version", d.version()).set("fiscalYear", d.fiscalYear()).set("half", d.half())
                .set("offeredOn", d.offeredOn() == null ? null : d.offeredOn().toString())
                .set("offeredMonth", d.offeredOn() == null ? null : d.offeredOn().toString().substring(0, 7))
                .set("kind", d.kind()).set("relation", d.relation()).set("disposition", d.disposition())
                .set("valueBand", d.valueBand()).set("ruleOutcome", d.ruleOutcome())
                .set("declaredLate", d.declaredLate())
                .set("decisionDueOn", d.decisionDueOn() == null ? null : d.decisionDueOn().toString())
                .set("decision", d.decision()).set("decidedAt", d.decidedAt())
                .set("lastEventId", event.id()).set("lastEventType", event.type())
                .set("projectedAt", clock.instant());
        // $set, never a replace: a supersededBy mark set by the correction must survive. Same write and same
        // safety argument as ComplaintCaseProjection.write.
        String outcome = !newer ? "stale"
                : ComplaintCaseProjection.write(mongo, collection, id, d.version(), update).name().toLowerCase();
        if (d.supersedes() != null && !d.supersedes().equals(d.declarationId())) {
            mongo.upsert(Query.query(Criteria.where("_id").is(d.agency() + ":" + d.supersedes())),
                    new Update().set("supersededBy", d.declarationId()).setOnInsert("agency", d.agency()), collection);
        }
        return outcome;
    }
}
