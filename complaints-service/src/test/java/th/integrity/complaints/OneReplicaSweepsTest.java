package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

import th.integrity.complaints.attachments.AttachmentStore;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.intake.IntakeService;
import th.integrity.complaints.metrics.CaseMetrics;
import th.integrity.complaints.retention.RetentionPurge;
import th.integrity.platform.sweep.SweepLocks;

/**
 * The periodic sweeps run on one replica at a time: while another replica holds a sweep's lock (it took the lock
 * and died or hangs), the scheduled sweep here does nothing; once that replica's lockAtMostFor has passed, it
 * runs. And each sweep's read has its index.
 */
class OneReplicaSweepsTest extends IntegrationTestSupport {

    private static final String AGENCY = "sweeps-a";
    private static final List<String> LOCKS = List.of("retention-purge", "case-metrics", "attachment-orphans",
            "idempotency-keys");

    @Autowired
    RetentionPurge purge;
    @Autowired
    CaseMetrics metrics;
    @Autowired
    AttachmentStore attachments;
    @Autowired
    IntakeService intake;
    @Autowired
    GridFsTemplate gridFs;
    @Autowired
    LockProvider locks;
    @Autowired
    MeterRegistry meters;

    @Test
    void whileAnotherReplicaHoldsASweepsLockTheSweepWaitsAndRunsOnceTheLockHasExpired() throws Exception {
        metrics.refresh();
        long countedBefore = receivedGauge();
        // What each sweep would change: a concluded case, an orphaned file, a replay record.
        String concluded = caseIdOf(body(call("POST", "/api/complaints", Map.of("agency", AGENCY,
                "category", "CORRUPTION", "subcategory", "MISUSE_OF_PROPERTY", "details",
                "ใช้รถราชการไปธุระส่วนตัว " + UUID.randomUUID()), null)).get("trackingCode").asString());
        call("POST", "/api/complaints/cases/" + concluded + "/transitions", Map.of("to", "CLOSED_WITHOUT_INQUIRY",
                "reason", "เรื่องซ้ำ", "closureReason", "DUPLICATE"), officer(AGENCY));
        ObjectId orphan = gridFs.store(new ByteArrayInputStream("%PDF-1.4\n%%EOF\n".getBytes()), "attachment-1.pdf",
                "application/pdf", new Document("caseId", "never-written").append("storedAt",
                        java.util.Date.from(clock.instant())));
        String replayed = caseIdOf(body(call("POST", "/api/complaints", Map.of("agency", AGENCY,
                "category", "MISCONDUCT", "subcategory", "UNFAIR_SERVICE", "details",
                "ให้บริการคนรู้จักก่อน " + UUID.randomUUID()), null, "Idempotency-Key", UUID.randomUUID().toString()))
                .get("trackingCode").asString());
        assertThat(stored(replayed).get("idempotency")).isNotNull();

        clock.advance(Duration.ofDays(2 * 366 + 1)); // everything is due
        try {
            // Another replica took every sweep's lock and then hung: held for its lockAtMostFor, 3 s.
            mongo.remove(new Query(), SweepLocks.COLLECTION);
            Instant taken = Instant.now();
            for (String name : LOCKS) {
                assertThat(locks.lock(new LockConfiguration(taken, name, Duration.ofSeconds(3), Duration.ZERO)))
                        .as(name).isPresent();
            }
            runScheduledSweeps();
            assertThat(stored(concluded).get("purgedAt")).as("retention purge waited").isNull();
            assertThat(gridFs.findOne(new Query(Criteria.where("_id").is(orphan)))).as("orphan sweep waited")
                    .isNotNull();
            assertThat(stored(replayed).get("idempotency")).as("idempotency sweep waited").isNotNull();
            assertThat(receivedGauge()).as("case gauges waited").isEqualTo(countedBefore);

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), taken.plusMillis(3_100)).toMillis()));
            runScheduledSweeps();
            assertThat(stored(concluded).get("purgedAt")).as("retention purge ran").isNotNull();
            assertThat(gridFs.findOne(new Query(Criteria.where("_id").is(orphan)))).as("orphan sweep ran").isNull();
            assertThat(stored(replayed).get("idempotency")).as("idempotency sweep ran").isNull();
            assertThat(receivedGauge()).as("case gauges recounted").isEqualTo(mongo.count(
                    new Query(Criteria.where("status").is("RECEIVED")), Complaint.class));
            assertThat(receivedGauge()).isNotEqualTo(countedBefore);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theRetentionAndIdempotencySweepsReadPartialIndexes() {
        var indexes = mongo.indexOps(Complaint.class).getIndexInfo();
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("retention_due");
            assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("purgedAt", "concludedAt");
            assertThat(index.getPartialFilterExpression()).contains("concludedAt").contains("$exists");
        });
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("idempotency_expiresAt");
            assertThat(index.getPartialFilterExpression()).contains("idempotency.expiresAt").contains("$exists");
        });
    }

    private void runScheduledSweeps() {
        purge.scheduled();
        metrics.scheduledRefresh();
        attachments.scheduledSweep();
        intake.scheduledForget();
    }

    private long receivedGauge() {
        return (long) meters.get("integrity.complaints.cases").tag("status", "RECEIVED").gauge().value();
    }

    private Document stored(String caseId) {
        return mongo.findById(caseId, Document.class, Complaint.COLLECTION);
    }
}
