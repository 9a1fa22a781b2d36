package th.integrity.stats.projection;

import java.time.Clock;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Projections;

/**
 * Applies gift events: the latest version of each declaration (same rule and same conditional write as the cases,
 * {@link SnapshotStore}), a correction marks the declaration it supersedes (which then stops counting, whichever
 * of the two events arrives first), and a nil return is kept once by its id.
 */
@Component
public class GiftProjection {

    private final GiftProjectionStore gifts;
    private final SnapshotStore snapshots;
    private final Clock clock;
    private final ProjectionStore store;

    GiftProjection(GiftProjectionStore gifts, SnapshotStore snapshots, Clock clock, ProjectionStore store) {
        this.gifts = gifts;
        this.snapshots = snapshots;
        this.clock = clock;
        this.store = store;
    }

    /** Applies a live event to every generation written to; returns what it did to the active one. */
    public ProjectionOutcome apply(GiftEvent event) {
        var state = store.state();
        ProjectionOutcome result = ProjectionOutcome.STALE;
        for (int generation : state.writeTargets()) {
            ProjectionOutcome outcome = applyTo(generation, event);
            if (generation == state.active()) {
                result = outcome;
            }
        }
        return result;
    }

    public ProjectionOutcome applyTo(int generation, GiftEvent event) {
        if (event.nilReturn() != null) {
            return gifts.addNilReturn(generation, event.nilReturn(), event.id()) ? ProjectionOutcome.CREATED
                    : ProjectionOutcome.STALE;
        }
        var d = event.declaration();
        String collection = ProjectionStore.declarations(generation);
        Document fields = new Document()
                .append("agency", d.agency()).append("declarationId", d.declarationId())
                .append("supersedes", d.supersedes())
                .append("version", d.version()).append("fiscalYear", d.fiscalYear()).append("half", d.half())
                .append("offeredOn", d.offeredOn() == null ? null : d.offeredOn().toString())
                .append("offeredMonth", d.offeredOn() == null ? null : d.offeredOn().toString().substring(0, 7))
                .append("kind", d.kind()).append("relation", d.relation()).append("disposition", d.disposition())
                .append("valueBand", d.valueBand()).append("ruleOutcome", d.ruleOutcome())
                .append("declaredLate", d.declaredLate())
                .append("decisionDueOn", d.decisionDueOn() == null ? null : d.decisionDueOn().toString())
                .append("decision", d.decision()).append("decidedAt", d.decidedAt())
                .append("lastEventId", event.id()).append("lastEventType", event.type())
                .append("projectedAt", clock.instant());
        // $set, never a replace: a supersededBy mark set by the correction must survive; a stub that mark created
        // first has no version and counts as older.
        ProjectionOutcome outcome = snapshots.write(collection,
                new SnapshotStore.Snapshot(d.agency() + ":" + d.declarationId(), d.version(), fields),
                Projections.include("_id")).outcome();
        if (d.supersedes() != null && !d.supersedes().equals(d.declarationId())) {
            gifts.markSuperseded(generation, d.agency(), d.supersedes(), d.declarationId());
        }
        return outcome;
    }
}
