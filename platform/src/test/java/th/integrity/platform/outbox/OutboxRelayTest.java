package th.integrity.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.testkit.TestInfrastructure;
import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.sweep.SweepLocks;

/**
 * The relay against a real broker and the embedded MongoDB-wire server: reported documents are fetched by
 * {@code _id} and go out without waiting for a full scan; unreported ones (a crash after the write, another
 * instance) go out on the periodic full scan.
 */
class OutboxRelayTest {

    private static final String COLLECTION = "things";
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static DefaultKafkaProducerFactory<String, String> producers;
    private static KafkaTemplate<String, String> kafka;

    private final List<OutboxRelay> started = new ArrayList<>();
    private final String topic = "outbox-relay-test-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri("outbox-relay-test"));
        mongo = new MongoTemplate(client, "outbox-relay-test");
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
        kafka = new KafkaTemplate<>(producers);
    }

    @AfterAll
    static void close() {
        producers.destroy();
        client.close();
    }

    @AfterEach
    void stopRelays() {
        started.forEach(OutboxRelay::stop);
    }

    @Test
    void aReportedDocumentIsFetchedByIdAndAnUnreportedOneOnlyByTheFullScan() {
        OutboxRelay relay = relay(Duration.ofHours(1));
        Outbox outbox = new Outbox(JsonMapper.builder().build(), relay);
        String reported = insertWithMessage(outbox);
        String unreported = insertWithMessage(outbox);
        outbox.written(COLLECTION, reported);

        assertThat(relay.relayReported()).isEqualTo(1);
        assertThat(pending(reported)).isEmpty();
        assertThat(pending(unreported)).as("not reported: left for the full scan").hasSize(1);
        assertThat(relay.relayReported()).isZero();

        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(pending(unreported)).isEmpty();
        assertThat(consumedKeys(2)).containsExactlyInAnyOrder(reported, unreported);
    }

    @Test
    void theRunningRelayPublishesAReportedDocumentWithoutWaitingForTheNextScan() {
        OutboxRelay relay = relay(Duration.ofHours(1));
        Outbox outbox = new Outbox(JsonMapper.builder().build(), relay);
        String beforeStart = insertWithMessage(outbox);
        start(relay);
        awaitTrue("the start-up scan publishes what was left before", () -> pending(beforeStart).isEmpty());

        String reported = insertWithMessage(outbox);
        outbox.written(COLLECTION, reported);
        // The next full scan is an hour away: only the report can have sent it.
        awaitTrue("the reported document is published", () -> pending(reported).isEmpty());
        assertThat(consumedKeys(2)).containsExactlyInAnyOrder(beforeStart, reported);
    }

    @Test
    void theRunningRelayPublishesAnUnreportedDocumentOnItsPeriodicScan() {
        OutboxRelay relay = relay(Duration.ofSeconds(2));
        Outbox outbox = new Outbox(JsonMapper.builder().build(), relay);
        start(relay);
        // Written without a report: a crash right after the write, or a document of another instance.
        String unreported = insertWithMessage(outbox);

        awaitTrue("the periodic scan publishes it", () -> pending(unreported).isEmpty());
        assertThat(consumedKeys(1)).containsExactly(unreported);
    }

    @Test
    void whileAnotherReplicaHoldsTheScanLockTheScanWaitsAndTakesItWhenTheLockExpires() throws Exception {
        OutboxRelay relay = relay(Duration.ofMillis(300));
        Outbox outbox = new Outbox(JsonMapper.builder().build(), relay);
        // Another replica took the scan lock and died mid-scan: it is held until its lockAtMostFor (3 s) passes.
        Instant taken = Instant.now();
        assertThat(lockProvider().lock(new LockConfiguration(taken, OutboxRelay.SCAN_LOCK, Duration.ofSeconds(3),
                Duration.ZERO))).isPresent();
        String unreported = insertWithMessage(outbox);
        start(relay);

        Thread.sleep(1_500);
        assertThat(pending(unreported)).as("no scan while the other replica holds the lock").hasSize(1);
        awaitTrue("scanned once the lock expired", () -> pending(unreported).isEmpty());
        assertThat(Duration.between(taken, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
        assertThat(consumedKeys(1)).containsExactly(unreported);
    }

    @Test
    void theScanDeclaresItsPartialIndex() {
        OutboxRelay relay = relay(Duration.ofHours(1));
        relay.relayOnce();
        assertThat(mongo.indexOps(COLLECTION).getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo(OutboxRelay.SCAN_INDEX);
            assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("outbox.eventId");
            assertThat(index.getPartialFilterExpression()).contains("outbox.eventId").contains("$exists");
        });
    }

    private OutboxRelay relay(Duration fullScanInterval) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), COLLECTION);
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SweepLocks.COLLECTION);
        return new OutboxRelay(mongo, kafka, new OutboxProperties(List.of(COLLECTION), Duration.ofMillis(200), 50,
                Duration.ofSeconds(15), Duration.ofSeconds(1), fullScanInterval, Duration.ofSeconds(30), Duration.ofHours(1)),
                new SimpleMeterRegistry(), locks().lock(OutboxRelay.SCAN_LOCK, Duration.ofSeconds(10), Duration.ZERO));
    }

    private static SweepLocks locks() {
        return new SweepLocks(lockProvider());
    }

    private static LockProvider lockProvider() {
        return new MongoLockProvider(mongo.getCollection(SweepLocks.COLLECTION));
    }

    private void start(OutboxRelay relay) {
        relay.start();
        started.add(relay);
    }

    private String insertWithMessage(Outbox outbox) {
        String id = UUID.randomUUID().toString();
        OutboxMessage message = outbox.message(topic, id, CloudEvent.of("/agencies/test/things", "thing.made.v1", id,
                Instant.now(), JsonMapper.builder().build().createObjectNode().put("id", id)));
        Document document = new Document("_id", id).append(Outbox.FIELD, List.of(new Document()
                .append("eventId", message.eventId()).append("topic", message.topic()).append("key", message.key())
                .append("payload", message.payload()).append("createdAt", java.util.Date.from(message.createdAt()))));
        mongo.getCollection(COLLECTION).insertOne(document);
        return id;
    }

    private List<?> pending(String id) {
        Document document = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        return document.getList(Outbox.FIELD, Document.class);
    }

    private List<String> consumedKeys(int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (keys.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }

    /** A poll loop (the platform module has no Awaitility). */
    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
