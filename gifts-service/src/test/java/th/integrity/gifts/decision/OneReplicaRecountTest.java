package th.integrity.gifts.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

import th.integrity.gifts.IntegrationTestSupport;
import th.integrity.gifts.declaration.Declaration;
import th.integrity.platform.sweep.SweepLocks;

/**
 * The periodic recount of the heads' queues reads every waiting declaration, so it runs on one replica at a time:
 * while another replica holds its lock (it took it and hangs), the recount here waits; once that replica's
 * lockAtMostFor has passed, it runs.
 */
class OneReplicaRecountTest extends IntegrationTestSupport {

    @Autowired
    DecisionMetrics metrics;
    @Autowired
    LockProvider locks;

    @Test
    void whileAnotherReplicaHoldsTheRecountLockTheScheduledRecountWaits() throws Exception {
        var declared = declare(newStaff(), gift("5000.00", "KEPT", Map.of()));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        long pending = metrics.current(AGENCY).get(0);
        assertThat(pending).isPositive();
        // Gone without a change event here (as when another replica's change reaches only its own gauges).
        mongo.remove(Query.query(Criteria.where("_id").is(body(declared).path("id").asString())), Declaration.class);

        mongo.remove(new Query(), SweepLocks.COLLECTION);
        Instant taken = Instant.now();
        assertThat(locks.lock(new LockConfiguration(taken, "gift-decision-metrics", Duration.ofSeconds(2),
                Duration.ZERO))).isPresent();
        metrics.scheduledRefresh();
        assertThat(metrics.current(AGENCY).get(0)).as("the recount waited for the lock").isEqualTo(pending);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), taken.plusMillis(2_100)).toMillis()));
        metrics.scheduledRefresh();
        assertThat(metrics.current(AGENCY).get(0)).as("recounted once the lock expired").isEqualTo(pending - 1);
    }
}
