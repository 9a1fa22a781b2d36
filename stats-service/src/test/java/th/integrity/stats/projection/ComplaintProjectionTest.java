package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import th.integrity.testkit.TestInfrastructure;
import th.integrity.stats.IntegrationTestSupport;

/** Complaint events through the real broker into the projection, read back through the draft table. */
class ComplaintProjectionTest extends IntegrationTestSupport {

    private static final String SUBMITTED = "complaint.submitted.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ComplaintCaseProjection projection;

    @Autowired
    ProjectionStore store;

    @Test
    void aSubmittedComplaintCountsInItsBangkokMonthAndEveryOtherMonthIsZero() {
        String agency = newAgency();
        // 20:00 UTC on 31 March is 03:00 on 1 April in Bangkok: เมษายน 2568.
        sendComplaintEvent(SUBMITTED, agency, "C-1", 1, Instant.parse("2025-03-31T20:00:00Z"), "RECEIVED");

        JsonNode table = awaitTotal(agency, 2568, 1);

        JsonNode months = allRows(table);
        assertThat(months).hasSize(12);
        for (JsonNode month : months) {
            boolean april = month.path("month").asString().equals("2025-04");
            assertThat(month.path("total").asLong()).as(month.path("month").asString()).isEqualTo(april ? 1 : 0);
            assertThat(month.path("empty").asBoolean()).isEqualTo(!april);
            assertThat(month.path("remark_th").asString()).isEqualTo(april ? "" : "ไม่มีเรื่องร้องเรียน");
        }
        assertThat(table.path("blocks").get(0).path("rows").get(6).path("total").asLong())
                .as("the CORRUPTION block").isEqualTo(1);
        assertThat(table.path("blocks").get(1).path("rows").get(6).path("total").asLong())
                .as("the MISCONDUCT block").isZero();
        JsonNode april = months.get(6);
        assertThat(april.path("label_th").asString()).isEqualTo("เมษายน 2568");
        assertThat(april.path("label_en").asString()).isEqualTo("April 2568 BE");

        ComplaintCase stored = stored(agency, "C-1");
        assertThat(stored).isNotNull();
        assertThat(stored.receivedMonth()).isEqualTo("2025-04");
        assertThat(stored.fiscalYear()).isEqualTo(2568);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.lastEventType()).isEqualTo(SUBMITTED);
        assertThat(meters.find("integrity.stats.events_consumed").tag("type", SUBMITTED).tag("outcome", "created")
                .counter().count()).isPositive();
    }

    @Test
    void theSameEventTwiceCountsOnce() {
        String agency = newAgency();
        String event = complaintEvent(SUBMITTED, agency, "C-1", 1, Instant.parse("2024-10-15T03:00:00Z"), "RECEIVED");
        send(agency + ":C-1", event);
        send(agency + ":C-1", event);
        awaitConsumed(agency, agency + ":C-1");

        JsonNode table = asOfficer("/api/stats/complaints/" + agency + "/2568/draft").body();
        assertThat(table.path("totalReceived").asLong()).isEqualTo(1);
        assertThat(allRows(table).get(0).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aLateOlderVersionDoesNotOverwriteANewerOne() {
        String agency = newAgency();
        Instant received = Instant.parse("2024-12-01T03:00:00Z");
        sendComplaintEvent("complaint.status-changed.v1", agency, "C-1", 2, received, "UNDER_REVIEW");
        sendComplaintEvent(SUBMITTED, agency, "C-1", 1, received, "RECEIVED");
        awaitConsumed(agency, agency + ":C-1");

        ComplaintCase stored = stored(agency, "C-1");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.status()).isEqualTo("UNDER_REVIEW");
        assertThat(asOfficer("/api/stats/complaints/" + agency + "/2568/draft").body().path("totalReceived").asLong())
                .isEqualTo(1);
    }

    @Test
    void theProjectionKeepsTheHighestVersionWhateverTheOrder() {
        String agency = newAgency();
        Instant received = Instant.parse("2025-01-10T03:00:00Z");
        var v1 = event(agency, 1, "RECEIVED");
        var v2 = event(agency, 2, "UNDER_REVIEW");
        var v3 = event(agency, 3, "FORWARDED");

        assertThat(projection.apply(v2)).isEqualTo(ProjectionOutcome.CREATED);
        assertThat(projection.apply(v1)).isEqualTo(ProjectionOutcome.STALE);
        assertThat(projection.apply(v2)).isEqualTo(ProjectionOutcome.STALE);
        assertThat(projection.apply(v3)).isEqualTo(ProjectionOutcome.UPDATED);
        assertThat(projection.apply(v1)).isEqualTo(ProjectionOutcome.STALE);

        ComplaintCase stored = stored(agency, "C-1");
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.status()).isEqualTo("FORWARDED");
        assertThat(stored.lastEventId()).isEqualTo(v3.id());
        assertThat(stored.receivedAt()).isEqualTo(received);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextEventIsStillCounted() {
        String agency = newAgency();
        String key = agency + ":C-1";
        double deadLetteredBefore = deadLettered();
        String poison = "{not json " + UUID.randomUUID();
        String missingVersion = complaintEvent(SUBMITTED, agency, "C-0", 1, Instant.parse("2025-02-01T03:00:00Z"),
                "RECEIVED").replace("\"version\":1", "\"revision\":1");

        send(key, poison);
        send(key, missingVersion);
        sendComplaintEvent(SUBMITTED, agency, "C-1", 1, Instant.parse("2025-02-01T03:00:00Z"), "RECEIVED");

        JsonNode table = awaitTotal(agency, 2568, 1);
        assertThat(allRows(table).get(4).path("total").asLong()).isEqualTo(1);
        List<ConsumerRecord<String, String>> deadLetters = awaitDeadLetters(key, 2);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(poison, missingVersion);
        assertThat(deadLetters.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        await().atMost(WAIT).untilAsserted(() -> assertThat(deadLettered()).isEqualTo(deadLetteredBefore + 2));
    }

    private ComplaintEvent event(String agency, long version, String status) {
        return new ComplaintEvent(UUID.randomUUID().toString(), "complaint.status-changed.v1", Instant.now(),
                new ComplaintEvent.Snapshot(agency, "C-1", "WEB", "CORRUPTION", "D-1",
                        Instant.parse("2025-01-10T03:00:00Z"), status, version));
    }

    private JsonNode awaitTotal(String agency, int fiscalYear, long total) {
        String path = "/api/stats/complaints/" + agency + "/" + fiscalYear + "/draft";
        await().atMost(WAIT).until(() -> asOfficer(path).body().path("totalReceived").asLong() == total);
        return asOfficer(path).body();
    }

    /**
     * Waits until every record sent so far with {@code key} has been handled: a marker case sent with the same
     * key lands in the same partition, whose records the listener handles in order. The marker is then removed.
     */
    private void awaitConsumed(String agency, String key) {
        String marker = "marker-" + UUID.randomUUID();
        send(key, complaintEvent(SUBMITTED, agency, marker, 1, Instant.parse("2024-10-02T03:00:00Z"), "RECEIVED"));
        await().atMost(WAIT).until(() -> stored(agency, marker) != null);
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(ComplaintCase.id(agency, marker))),
                ProjectionStore.cases(store.active()));
    }

    private ComplaintCase stored(String agency, String caseId) {
        return mongo.findById(ComplaintCase.id(agency, caseId), ComplaintCase.class,
                ProjectionStore.cases(store.active()));
    }

    private double deadLettered() {
        var counter = meters.find(ProjectionConfiguration.DEAD_LETTERED).tag("topic", DEAD_LETTER_TOPIC)
                .tag("source", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<ConsumerRecord<String, String>> awaitDeadLetters(String key, int count) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTER_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
            return found;
        }
    }
}
