package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.integrity.stats.IntegrationTestSupport;

/**
 * A partition rebalance can briefly let two consumers apply the same partition, each in offset order. The
 * projection reads by {@code _id} and writes by {@code _id} without a version condition, so a write of one can
 * land between the other's read and write; this checks the documents still end at the highest version.
 */
class ConcurrentProjectionTest extends IntegrationTestSupport {

    private static final int CASES = 5;
    private static final int VERSIONS = 60;

    @Autowired
    ComplaintCaseProjection projection;

    @Autowired
    MongoTemplate mongo;

    @Test
    void twoConsumersApplyingTheSameEventsInOrderLeaveTheHighestVersion() throws Exception {
        String agency = newAgency();
        CyclicBarrier start = new CyclicBarrier(2);
        Runnable consumer = () -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (long version = 1; version <= VERSIONS; version++) {
                for (int c = 0; c < CASES; c++) {
                    projection.apply(event(agency, "C-" + c, version));
                }
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(consumer), CompletableFuture.runAsync(consumer)).get();

        for (int c = 0; c < CASES; c++) {
            ComplaintCase stored = mongo.findById(ComplaintCase.id(agency, "C-" + c), ComplaintCase.class);
            assertThat(stored).isNotNull();
            assertThat(stored.version()).isEqualTo(VERSIONS);
            assertThat(stored.status()).isEqualTo("S" + VERSIONS);
        }
    }

    private static ComplaintEvent event(String agency, String caseId, long version) {
        return new ComplaintEvent(UUID.randomUUID().toString(), "complaint.status-changed.v1", Instant.now(),
                new ComplaintEvent.Snapshot(agency, caseId, "WEB", "CORRUPTION", "D-1",
                        Instant.parse("2025-01-10T03:00:00Z"), "S" + version, version));
    }
}
