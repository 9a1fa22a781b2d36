package th.integrity.stats.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where the projection lives. The projected collections come in generations: generation 0 is
 * {@code complaint_cases}, {@code gift_declarations}, {@code gift_nil_returns}; generation N is the same names
 * with {@code _gN}. A small {@code projection_state} document names the generation every query reads
 * ({@code active}) and, while a replay rebuilds the next one, the generation being built ({@code building}).
 * The live listeners write to both while a replay runs, so the rebuilt generation is complete at the switch.
 *
 * <p>The state is cached for {@link ProjectionProperties#stateRefresh()} so a record costs no extra round
 * trip; other instances learn of a switch within that interval (a replay waits that long before it starts).
 *
 * <p>A running replay beats ({@link #heartbeat}) into the state document ({@code heartbeatAt}). A replay whose
 * heartbeat is older than {@link ProjectionProperties#replayStaleAfter()} (its process was killed, or it hangs) is
 * abandoned by whichever instance reads the state next: {@code building} is cleared, so the live listeners stop
 * writing to that generation, and its collections are dropped. Generations are never reused
 * ({@code highestGeneration}): a hung replay that wakes up finds its generation abandoned, and can neither switch
 * to it nor write into the generation of the replay that came after it.
 */
@Component
public class ProjectionStore {

    public static final String STATE_COLLECTION = "projection_state";
    static final String STATE_ID = "projection";
    static final String CASES = "complaint_cases";
    static final String DECLARATIONS = "gift_declarations";
    static final String NIL_RETURNS = "gift_nil_returns";

    /**
     * @param active   generation the queries read
     * @param building generation a replay is filling, or {@code null}
     */
    public record State(int active, Integer building) {

        List<Integer> writeTargets() {
            return building == null || building == active ? List.of(active) : List.of(active, building);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration refresh;
    private final Duration staleAfter;
    private volatile State cached;
    private volatile Instant cachedAt = Instant.MIN;
    private final java.util.Set<Integer> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ProjectionStore(MongoTemplate mongo, Clock clock, ProjectionProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.refresh = properties.stateRefresh();
        this.staleAfter = properties.replayStaleAfter();
    }

    public static String cases(int generation) {
        return name(CASES, generation);
    }

    public static String declarations(int generation) {
        return name(DECLARATIONS, generation);
    }

    public static String nilReturns(int generation) {
        return name(NIL_RETURNS, generation);
    }

    private static String name(String base, int generation) {
        return generation == 0 ? base : base + "_g" + generation;
    }

    /** The generation queries read now. */
    public int active() {
        return state().active();
    }

    /** The generations a live event must be written to: the active one, and the one being rebuilt if any. */
    public List<Integer> writeTargets() {
        return state().writeTargets();
    }

    public State state() {
        State state = cached;
        if (state == null || cachedAt.plus(refresh).isBefore(clock.instant())) {
            state = reload();
        }
        return state;
    }

    /**
     * Reads the state document again (creating it with generation 0 on first use); abandons a replay that stopped
     * beating first.
     */
    public synchronized State reload() {
        Document document = read();
        Number stale = document == null ? null : (Number) document.get("building");
        if (stale != null && abandonIfStale(stale.intValue())) {
            document = read();
        }
        Number building = document == null ? null : (Number) document.get("building");
        State state = new State(document == null ? 0 : ((Number) document.get("active")).intValue(),
                building == null ? null : building.intValue());
        ensureIndexes(state.active());
        if (state.building() != null) {
            ensureIndexes(state.building());
        }
        cached = state;
        cachedAt = clock.instant();
        return state;
    }

    private Document read() {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(STATE_ID)),
                new Update().setOnInsert("active", 0),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, STATE_COLLECTION);
    }

    /** The generation the next replay builds: above the active one and above every one ever begun. */
    public synchronized int nextGeneration() {
        Document document = read();
        int active = document == null ? 0 : ((Number) document.get("active")).intValue();
        Number highest = document == null ? null : (Number) document.get("highestGeneration");
        Number building = document == null ? null : (Number) document.get("building");
        int next = active;
        for (Number n : new Number[] { highest, building }) {
            if (n != null) {
                next = Math.max(next, n.intValue());
            }
        }
        return next + 1;
    }

    /**
     * Marks {@code generation} as being built, if no replay runs already.
     *
     * @return whether this call started it
     */
    public synchronized boolean beginBuilding(int generation) {
        ensureIndexes(generation);
        var started = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(STATE_ID).and("building").isNull()),
                new Update().set("building", generation).set("highestGeneration", generation)
                        .set("heartbeatAt", clock.instant()).set("updatedAt", clock.instant()), STATE_COLLECTION);
        reload();
        return started.getModifiedCount() > 0;
    }

    /**
     * A running replay says it is alive and advancing.
     *
     * @return false when {@code generation} is no longer being built (the replay was abandoned meanwhile)
     */
    public boolean heartbeat(int generation) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(STATE_ID).and("building").is(generation)),
                new Update().set("heartbeatAt", clock.instant()), STATE_COLLECTION).getMatchedCount() > 0;
    }

    /**
     * Makes {@code generation} the one queries read, and ends the replay.
     *
     * @return false when {@code generation} was no longer being built (abandoned meanwhile): nothing changed
     */
    public synchronized boolean activate(int generation) {
        boolean switched = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(STATE_ID).and("building").is(generation)),
                new Update().set("active", generation).unset("building").unset("heartbeatAt")
                        .set("updatedAt", clock.instant()), STATE_COLLECTION).getMatchedCount() > 0;
        reload();
        return switched;
    }

    /**
     * Ends a failed replay: the live listeners stop writing to {@code generation}; queries never saw it; its
     * collections are dropped.
     */
    public synchronized void abandon(int generation) {
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(STATE_ID).and("building").is(generation)),
                new Update().unset("building").unset("heartbeatAt").set("updatedAt", clock.instant()),
                STATE_COLLECTION).getMatchedCount() > 0) {
            drop(generation);
        }
        reload();
    }

    /**
     * Abandons the replay into {@code generation} if its heartbeat (or, in a state written before heartbeats,
     * its start) is older than the stale time. Conditional on that in the same update, so a heartbeat that lands
     * meanwhile wins.
     */
    private boolean abandonIfStale(int generation) {
        Instant cutoff = clock.instant().minus(staleAfter);
        var abandoned = mongo.updateFirst(Query.query(new Criteria().andOperator(
                Criteria.where("_id").is(STATE_ID), Criteria.where("building").is(generation),
                new Criteria().orOperator(Criteria.where("heartbeatAt").lt(cutoff),
                        new Criteria().andOperator(Criteria.where("heartbeatAt").exists(false),
                                Criteria.where("updatedAt").lt(cutoff))))),
                new Update().unset("building").unset("heartbeatAt").set("abandonedGeneration", generation)
                        .set("updatedAt", clock.instant()), STATE_COLLECTION);
        if (abandoned.getMatchedCount() == 0) {
            return false;
        }
        log.warn("Replay into generation {} made no progress for {}: abandoned, its collections dropped",
                generation, staleAfter);
        drop(generation);
        return true;
    }

    /** Drops a generation that never became active (a half-built one). */
    public void drop(int generation) {
        for (String collection : List.of(cases(generation), declarations(generation), nilReturns(generation))) {
            mongo.dropCollection(collection);
        }
        mongo.remove(Query.query(Criteria.where("_id").regex("^" + generation + ":")), "projection_changes");
        indexed.remove(generation);
    }

    /**
     * The agency's cases in {@code generation}, grouped by what a table counts them by ({@link CaseShapes.Shape}):
     * how many, how many with days to conclusion, and the sum of those days. Counted by the server ({@code $group}),
     * so only the groups travel.
     */
    List<CaseShapes.ShapeCount> shapes(int generation, String agency) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("agency", agency)),
                new Document("$group", new Document("_id", new Document("fiscalYear", "$fiscalYear")
                        .append("receivedMonth", "$receivedMonth").append("channel", "$channel")
                        .append("category", "$category").append("status", "$status").append("final", "$final")
                        .append("concludedMonth", "$concludedMonth").append("referredTo", "$referredTo"))
                        .append("cases", new Document("$sum", 1))
                        .append("withDays", new Document("$sum", new Document("$cond",
                                List.of(new Document("$eq", java.util.Arrays.asList(
                                        new Document("$ifNull", java.util.Arrays.asList("$daysToConclusion", null)), null)),
                                        0, 1))))
                        .append("daysSum", new Document("$sum", "$daysToConclusion"))));
        List<CaseShapes.ShapeCount> shapes = new java.util.ArrayList<>();
        for (Document group : mongo.getCollection(cases(generation)).aggregate(pipeline).batchSize(5000)) {
            CaseShapes.Shape shape = CaseShapes.Shape.of((Document) group.get("_id"));
            if (shape != null) {
                shapes.add(new CaseShapes.ShapeCount(shape, ((Number) group.get("cases")).longValue(),
                        ((Number) group.get("withDays")).longValue(), ((Number) group.get("daysSum")).longValue()));
            }
        }
        return shapes;
    }

    /** The indexes the tables and reports query by, on one generation's collections. */
    public void ensureIndexes(int generation) {
        if (indexed.contains(generation)) {
            return;
        }
        var cases = mongo.indexOps(cases(generation));
        cases.createIndex(new Index().on("agency", Sort.Direction.ASC).on("fiscalYear", Sort.Direction.ASC)
                .named("agency_fiscalYear"));
        cases.createIndex(new Index().on("agency", Sort.Direction.ASC).on("concludedMonth", Sort.Direction.ASC)
                .named("agency_concludedMonth"));
        cases.createIndex(new Index().on("agency", Sort.Direction.ASC).on("final", Sort.Direction.ASC)
                .named("agency_final"));
        mongo.indexOps(declarations(generation)).createIndex(new Index().on("agency", Sort.Direction.ASC)
                .on("fiscalYear", Sort.Direction.ASC).named("agency_fiscalYear"));
        mongo.indexOps(nilReturns(generation)).createIndex(new Index().on("agency", Sort.Direction.ASC)
                .on("fiscalYear", Sort.Direction.ASC).named("agency_fiscalYear"));
        indexed.add(generation);
    }
}
