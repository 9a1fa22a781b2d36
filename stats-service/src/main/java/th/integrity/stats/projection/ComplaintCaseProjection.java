package th.integrity.stats.projection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Applies complaint events to the case collection, idempotently and in any order: a document changes only
 * when the event's version is higher than the one stored, so a redelivered event (same id, same version), a
 * replay from the start of the topic, a late older event and a gap (version 3 before 2) all leave the same
 * result. Per event and generation: one conditional write of the newer snapshot ({@link SnapshotStore}: atomic,
 * so concurrent writers of one case — two consumers during a rebalance, a replay and a live listener — end at
 * the highest version whatever their order) and, when it wrote, one bump of the agency's stamp. The case's old
 * and new shape go to the draft's kept counts ({@link CaseShapes}). What a case holds after an event is
 * {@link CaseState}.
 *
 * <p>A replay goes through {@link #applyAllTo} instead: per batch of events, one snapshot per case and one bulk
 * write, so the round trips are shared by thousands of events.
 */
@Component
public class ComplaintCaseProjection {

    private final SnapshotStore snapshots;
    private final Clock clock;
    private final ProjectionStore store;
    private final ProjectionChangeStore changes;
    private final CaseShapes shapes;

    ComplaintCaseProjection(SnapshotStore snapshots, Clock clock, ProjectionStore store, ProjectionChangeStore changes,
            CaseShapes shapes) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.store = store;
        this.changes = changes;
        this.shapes = shapes;
    }

    /** Applies a live event to the active generation and, during a replay, to the one being built. */
    public ProjectionOutcome apply(ComplaintEvent event) {
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

    /**
     * Applies one event to one generation: writes the newer snapshot, stamps the agency and hands the case's old
     * and new shape to the draft counts ({@link CaseShapes}).
     */
    public ProjectionOutcome applyTo(int generation, ComplaintEvent event) {
        Document fields = CaseState.of(event, clock.instant());
        var data = event.data();
        try (CaseShapes.Change change = shapes.change(generation, data.agency())) {
            var written = snapshots.write(ProjectionStore.cases(generation),
                    new SnapshotStore.Snapshot(CaseState.idOf(event), data.version(), fields), CaseShapes.Counted.FIELDS);
            if (written.outcome() == ProjectionOutcome.STALE) {
                if (CaseState.isRedeliveryOfStored(event, written.stored())) {
                    // Its first delivery may have died between the write and the stamp. Stamp again; a spare stamp
                    // only makes the next draft count afresh.
                    changes.changed(generation, data.agency());
                }
                change.unchanged();
                return ProjectionOutcome.STALE;
            }
            long stamp = changes.changed(generation, data.agency());
            change.applied(CaseShapes.Counted.of(written.stored()), CaseShapes.Counted.of(fields), stamp);
            return written.outcome();
        }
    }

    /**
     * Applies many events to one generation with a few round trips in all instead of one or two per event (the
     * replay's path), leaving the same documents as {@link #applyTo} for each event in turn, in any order: per case
     * only the highest version of the batch counts ({@link CaseState#latestPerCase}); the snapshots go to the store
     * in one batch ({@link SnapshotStore#writeAll}, which writes only where the stored version is lower); every
     * agency the batch changed is stamped once ({@link ProjectionChangeStore}).
     *
     * @param events complaint events that passed {@link #check}; duplicates and older versions are fine
     * @return how many case documents were written (created or updated)
     * @throws InvalidEventException before anything is written, when an event does not pass {@link #check}
     */
    public int applyAllTo(int generation, Collection<ComplaintEvent> events) {
        Map<String, ComplaintEvent> latest = CaseState.latestPerCase(events);
        if (latest.isEmpty()) {
            return 0;
        }
        List<SnapshotStore.Snapshot> batch = new ArrayList<>(latest.size());
        latest.forEach((id, event) -> batch.add(
                new SnapshotStore.Snapshot(id, event.data().version(), CaseState.of(event, clock.instant()))));
        Set<String> written = null; // unknown until the store answers: a failed batch may have written some
        try {
            written = snapshots.writeAll(ProjectionStore.cases(generation), batch);
        } finally {
            Set<String> agencies = new TreeSet<>();
            for (var entry : latest.entrySet()) {
                if (written == null || written.contains(entry.getKey())) {
                    agencies.add(entry.getValue().data().agency());
                }
            }
            agencies.forEach(agency -> {
                changes.changed(generation, agency);
                shapes.forget(generation, agency); // written in bulk, not case by case: the next draft counts afresh
            });
        }
        return written.size();
    }

    /**
     * Throws what {@link #applyTo} would throw for an event it cannot project, without touching the store: the
     * replay checks each event before it folds a batch, so an unprojectable newest version does not hide the
     * older ones that the live projection kept.
     *
     * @throws InvalidEventException when {@code receivedAt} lies outside the supported fiscal years
     */
    public static void check(ComplaintEvent event) {
        CaseState.check(event);
    }
}
