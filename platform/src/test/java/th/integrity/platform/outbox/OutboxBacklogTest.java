package th.integrity.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;

import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.embedded.KafkaBroker;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.platform.events.CloudEvent;

import th.integrity.platform.sweep.SweepLocks;

/**
 * The backlog gauge is what an operator watches during a Kafka outage: it must count every waiting document
 * (not one batch) and keep counting while publishing fails. A broker of its own, stopped and started again,
 * so the shared test broker stays up for the other tests.
 */
class OutboxBacklogTest {

    private static final String COLLECTION = "backlog_things";
    private static final int WAITING = 1_000;

    @TempDir
    Path kafkaLogs;

    private KafkaBroker broker;
    private MongoClient client;
    private MongoTemplate mongo;
    private DefaultKafkaProducerFactory<String, String> producers;
    private OutboxRelay relay;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final String topic = "outbox-backlog-test-" + UUID.randomUUID();

    @BeforeEach
    void startBrokerAndStore() throws Exception {
        broker = KafkaBroker.start(kafkaLogs, 0, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        client = MongoClients.create(TestInfrastructure.mongoUri("outbox-backlog-test"));
        mongo = new MongoTemplate(client, "outbox-backlog-test");
        mongo.dropCollection(COLLECTION);
        // Short producer timeouts: a pass against the stopped broker fails in about a second, not minutes.
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1_500,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        // Batch of 50: the old count honoured the batch's limit and never showed more than 50.
        relay = new OutboxRelay(mongo, new KafkaTemplate<>(producers), new OutboxProperties(List.of(COLLECTION),
                Duration.ofMillis(200), 50, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofMillis(200), Duration.ofHours(1)), meters, new SweepLocks(new MongoLockProvider(mongo.getCollection(SweepLocks.COLLECTION)))
                .lock(OutboxRelay.SCAN_LOCK, Duration.ofSeconds(10), Duration.ZERO));
    }

    @AfterEach
    void stopEverything() {
        if (relay != null) {
            relay.stop();
        }
        producers.destroy();
        client.close();
        broker.close();
    }

    @Test
    void theGaugeCountsEveryWaitingDocumentWhileKafkaIsDownAndFallsToZeroOnceItIsBack() {
        Outbox outbox = new Outbox(JsonMapper.builder().build(), relay);
        // Documents that hold nothing to publish are not backlog: published ones ([]), and ones without an outbox.
        for (int i = 0; i < 100; i++) {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", "sent-" + i).append(Outbox.FIELD, List.of()));
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", "plain-" + i).append("name", "x"));
        }
        broker.stop();
        relay.start();
        for (int i = 0; i < WAITING; i++) {
            write(outbox, "waiting-" + i);
        }
        // A document with two messages is one document of backlog.
        write(outbox, "waiting-0");

        awaitTrue("the gauge shows all " + WAITING + " waiting documents while Kafka is down",
                () -> backlog() == WAITING, () -> "gauge " + backlog());
        assertThat(meters.get("integrity.outbox.failures").counter().count())
                .as("the relay did try and fail meanwhile").isPositive();

        broker.start();

        awaitTrue("the gauge falls to 0 once Kafka is back", () -> backlog() == 0, () -> "gauge " + backlog());
        assertThat(mongo.count(new Query(Criteria.where(Outbox.FIELD + ".0").exists(true)), COLLECTION))
                .as("and nothing is left to publish").isZero();
        assertThat(meters.get("integrity.outbox.published").counter().count()).isEqualTo(WAITING + 1);
    }

    /** As a service writes: the message pushed onto the document's outbox, then reported to the relay. */
    private void write(Outbox outbox, String id) {
        OutboxMessage message = outbox.message(topic, id, CloudEvent.of("/agencies/test/things", "thing.made.v1",
                UUID.randomUUID().toString(), Instant.now(), JsonMapper.builder().build().createObjectNode().put("id", id)));
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().push(Outbox.FIELD, message), COLLECTION);
        outbox.written(COLLECTION, id);
    }

    private double backlog() {
        return meters.get("integrity.outbox.backlog").gauge().value();
    }

    private static void awaitTrue(String what, BooleanSupplier condition, java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what + " (" + state.get() + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
