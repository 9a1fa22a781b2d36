package th.integrity.stats.replay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The only class that touches the replays' progress documents ({@link Replay}) in MongoDB. */
@Component
class ReplayStore {

    private final MongoTemplate mongo;

    ReplayStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void insert(Replay replay) {
        mongo.insert(replay);
    }

    Optional<Replay> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Replay.class));
    }

    /**
     * Marks FAILED every RUNNING replay that has not beaten since {@code cutoff} (one written before heartbeats
     * existed counts from its start).
     */
    void failStale(Instant cutoff, Instant now, String error) {
        mongo.updateMulti(Query.query(new Criteria().andOperator(Criteria.where("state").is(Replay.RUNNING),
                new Criteria().orOperator(Criteria.where("heartbeatAt").lt(cutoff), new Criteria().andOperator(
                        Criteria.where("heartbeatAt").exists(false), Criteria.where("requestedAt").lt(cutoff))))),
                new Update().set("state", Replay.FAILED).set("finishedAt", now).set("error", error), Replay.class);
    }

    void switched(String id, Instant now) {
        update(id, new Update().set("state", Replay.SWITCHED).set("switchedAt", now).set("finishedAt", now));
    }

    void failed(String id, Instant now, String error) {
        update(id, new Update().set("state", Replay.FAILED).set("finishedAt", now).set("error", error));
    }

    void heartbeat(String id, Instant now) {
        update(id, new Update().set("heartbeatAt", now));
    }

    void progress(String id, List<Replay.PartitionProgress> partitions, long read, long skipped) {
        update(id, new Update().set("partitions", partitions).set("recordsRead", read).set("skipped", skipped));
    }

    private void update(String id, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, Replay.class);
    }
}
