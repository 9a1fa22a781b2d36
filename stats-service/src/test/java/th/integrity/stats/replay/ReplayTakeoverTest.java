package th.integrity.stats.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;
import th.integrity.platform.web.ProblemException;
import th.integrity.stats.StatsApplication;
import th.integrity.stats.projection.ProjectionStore;

/**
 * A replay whose process is killed mid-way (its MongoDB connections cut, so none of its failure handling arrives;
 * then its instance shut down) leaves {@code building} set; once it has not advanced for {@code replay-stale-after} (3 s here) it is abandoned: a new
 * replay starts (not 409) into a new generation, the abandoned copy gets no more events, and the tables equal
 * the live ones. A replay that keeps advancing longer than the stale time is never taken from (409 throughout).
 * Two instances of the service (two application contexts) share their own database and topics.
 */
class ReplayTakeoverTest {

    private static final String DATABASE = "stats-takeover";
    private static final String TOPIC = "takeover-complaints.v1";
    private static final Duration STALE_AFTER = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext survivor;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
        survivor = instance(TestInfrastructure.mongoUri(DATABASE));
    }

    @AfterAll
    static void stop() {
        if (survivor != null) {
            survivor.close();
        }
        producer.close(Duration.ofSeconds(2));
    }

    @Test
    void aReplayKilledMidWayIsAbandonedAfterTheStaleTimeAndANewOneRebuildsTheTables() throws Exception {
        String agency = "takeover-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> highest = sendCases(agency, 300, 5);
        ProjectionStore store = survivor.getBean(ProjectionStore.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> versions(agency, store.active()).equals(highest));
        int live = store.active();

        // The other instance, whose MongoDB connections run through a relay that can be cut, starts a replay.
        var direct = new com.mongodb.ConnectionString(TestInfrastructure.mongoUri(DATABASE));
        String[] hostPort = direct.getHosts().get(0).split(":");
        CuttableProxy link = new CuttableProxy(hostPort[0], Integer.parseInt(hostPort[1]));
        ConfigurableApplicationContext doomed = instance("mongodb://127.0.0.1:" + link.port() + "/" + DATABASE
                + "?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000");
        Replay killed = doomed.getBean(ReplayService.class).start("admin-b");
        MongoTemplate mongo = survivor.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(killed.id(), Replay.class).recordsRead() > 0);
        // While it builds, the live projection writes to the building copy too.
        send(agency + ":C-early", complaint(agency, "C-early", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(agency + ":C-early")), ProjectionStore.cases(killed.generation())));

        // Killed mid-way: from the database's side its process is gone, and none of its clean-up arrives.
        link.cut();
        Replay left = mongo.findById(killed.id(), Replay.class);
        assertThat(left.state()).as("killed mid-way: nothing cleaned up").isEqualTo(Replay.RUNNING);
        assertThat(left.partitions()).anySatisfy(p -> assertThat(p.position()).isLessThan(p.endOffset()));
        assertThat(store.reload().building()).isEqualTo(killed.generation());
        ReplayService replays = survivor.getBean(ReplayService.class);
        assertThatThrownBy(() -> replays.start("admin-a")).as("not yet stale: one replay at a time")
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
        doomed.close();
        assertThat(mongo.findById(killed.id(), Replay.class).state()).as("its failure handling never arrived")
                .isEqualTo(Replay.RUNNING);

        Instant lastBeat = left.heartbeatAt();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastBeat.plus(STALE_AFTER).plusMillis(500))
                .toMillis()));
        Replay next = replays.start("admin-a");
        assertThat(next.generation()).as("a new generation, never the abandoned one")
                .isGreaterThan(killed.generation());
        assertThat(mongo.collectionExists(ProjectionStore.cases(killed.generation())))
                .as("the half-built copy is dropped").isFalse();
        assertThat(replays.find(killed.id()).orElseThrow().state()).isEqualTo(Replay.FAILED);

        await().atMost(Duration.ofSeconds(90)).until(() -> !replays.find(next.id()).orElseThrow().state()
                .equals(Replay.RUNNING));
        assertThat(replays.find(next.id()).orElseThrow().state()).isEqualTo(Replay.SWITCHED);
        assertThat(store.reload().active()).isEqualTo(next.generation());
        assertThat(strip(cases(agency, next.generation()))).as("the tables equal the live projection's")
                .isEqualTo(strip(cases(agency, live))).hasSize(301);

        // A new event reaches the active generation, and the abandoned copy gets nothing.
        send(agency + ":C-new", complaint(agency, "C-new", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases(agency, next.generation()).size() == 302);
        assertThat(mongo.count(new Query(), ProjectionStore.cases(killed.generation()))).isZero();
    }

    @Test
    void aReplayThatKeepsAdvancingLongerThanTheStaleTimeIsNeverTakenFrom() throws Exception {
        String agency = "advancing-" + UUID.randomUUID().toString().substring(0, 8);
        // Enough records that the replay, a record per poll, runs well past the stale time (the live projection
        // works through them meanwhile).
        Map<String, Long> highest = sendCases(agency, 1_500, 3);
        ProjectionStore store = survivor.getBean(ProjectionStore.class);

        ReplayService replays = survivor.getBean(ReplayService.class);
        Replay running = replays.start("admin-a");
        long started = System.nanoTime();
        int refused = 0;
        while (replays.find(running.id()).orElseThrow().state().equals(Replay.RUNNING)) {
            assertThatThrownBy(() -> replays.start("admin-b")).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
            refused++;
            Thread.sleep(250);
        }
        Duration ran = Duration.ofNanos(System.nanoTime() - started);
        assertThat(replays.find(running.id()).orElseThrow().state()).isEqualTo(Replay.SWITCHED);
        assertThat(ran).as("the replay must outlast the stale time for this test to prove anything")
                .isGreaterThan(STALE_AFTER.plusSeconds(1));
        assertThat(refused).isPositive();
        await().atMost(Duration.ofSeconds(120)).until(() -> versions(agency, store.active()).equals(highest));
    }

    /** The service, against this test's database and topics; stale after 3 s, one record per poll (a slow replay). */
    private static ConfigurableApplicationContext instance(String mongoUri) {
        Map<String, Object> properties = new LinkedHashMap<>();
        TestInfrastructure.register((key, value) -> properties.put(key, value.get()), DATABASE);
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("server.port", "0");
        properties.put("management.server.port", "0"); // two instances, each with its own management port
        properties.put("spring.kafka.consumer.group-id", "stats-takeover");
        properties.put("integrity.stats.projection.complaints-topic", TOPIC);
        properties.put("integrity.stats.projection.dead-letter-topic", TOPIC + "-dlt");
        properties.put("integrity.stats.projection.gifts-topic", "takeover-gifts.v1");
        properties.put("integrity.stats.projection.gifts-dead-letter-topic", "takeover-gifts.v1-dlt");
        properties.put("integrity.stats.projection.state-refresh", "100ms");
        properties.put("integrity.stats.projection.replay-batch-size", "1");
        properties.put("integrity.stats.projection.replay-stale-after", STALE_AFTER.toMillis() + "ms");
        properties.put("integrity.stats.projection.retry.initial-interval", "100ms");
        properties.put("integrity.stats.projection.retry.max-interval", "200ms");
        TestIssuer.shared();
        // As command-line arguments: they outrank application.yml (default properties would not).
        return new SpringApplicationBuilder(StatsApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private Map<String, Long> sendCases(String agency, int cases, int versions) throws Exception {
        Map<String, Long> highest = new LinkedHashMap<>();
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            for (int c = 0; c < cases; c++) {
                String caseId = "C-" + c;
                acks.add(producer.send(new ProducerRecord<>(TOPIC, agency + ":" + caseId,
                        complaint(agency, caseId, v, v == versions))));
                highest.put(agency + ":" + caseId, (long) v);
            }
        }
        for (var ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        return highest;
    }

    private static void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get(10, TimeUnit.SECONDS);
    }

    private static String complaint(String agency, String caseId, long version) {
        return complaint(agency, caseId, version, false);
    }

    private static String complaint(String agency, String caseId, long version, boolean concluded) {
        Instant received = Instant.parse("2025-01-06T03:00:00Z");
        var data = new LinkedHashMap<String, Object>();
        data.put("agency", agency);
        data.put("caseId", caseId);
        data.put("version", version);
        data.put("channel", "WEB");
        data.put("category", "CORRUPTION");
        data.put("subcategory", null);
        data.put("division", "D-1");
        data.put("reporterStanding", "CITIZEN");
        data.put("receivedAt", received.toString());
        data.put("status", concluded ? "CONCLUDED_WITH_CAUSE" : "UNDER_INVESTIGATION");
        data.put("statusChangedAt", received.toString());
        data.put("concludedAt", concluded ? "2025-02-03T03:00:00Z" : null);
        data.put("closureReason", null);
        data.put("dueAt", null);
        var event = new LinkedHashMap<String, Object>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/agencies/" + agency + "/complaints");
        event.put("type", version == 1 ? "complaint.submitted.v1" : "complaint.status-changed.v1");
        event.put("subject", caseId);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return JSON.writeValueAsString(event);
    }

    private static List<Document> cases(String agency, int generation) {
        return survivor.getBean(MongoTemplate.class).find(Query.query(Criteria.where("agency").is(agency))
                .with(Sort.by("_id")), Document.class, ProjectionStore.cases(generation));
    }

    private static Map<String, Long> versions(String agency, int generation) {
        Map<String, Long> versions = new LinkedHashMap<>();
        cases(agency, generation).stream().sorted(java.util.Comparator.comparing(d -> d.getString("_id")))
                .forEach(d -> versions.put(d.getString("_id"), ((Number) d.get("version")).longValue()));
        return new java.util.TreeMap<>(versions);
    }

    private static List<Document> strip(List<Document> documents) {
        documents.forEach(d -> {
            d.remove("projectedAt");
            d.remove("lastEventId");
        });
        return documents;
    }
}
