package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import th.integrity.embedded.Ports;

/**
 * The launcher's life cycle with {@link FakeService stand-in services}: start, readiness, the environment each
 * service gets, a service dying while running, failures during start-up, shutdown, and data surviving a restart.
 */
class LocalSystemTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);

    @Test
    void startsEverythingPassesTheEnvironmentReportsADeathAndStopsEverything() throws Exception {
        FakeServices.install(home, Map.of("stats-service", "die-on-request"));
        LauncherConfig config = config().withServiceEnvironment("OIDC_ISSUER_URI", "http://localhost:1/issuer");
        List<ProcessHandle> processes;
        try (LocalSystem system = LocalSystem.start(config, console)) {
            processes = system.servicePids().values().stream().map(pid -> ProcessHandle.of(pid).orElseThrow())
                    .toList();
            assertThat(processes).hasSize(Components.SERVICES.size()).allMatch(ProcessHandle::isAlive);
            assertThat(system.gatewayUrl()).isEqualTo("http://localhost:" + config.port("gateway"));
            assertThat(system.serviceUrl("gifts-service")).isEqualTo("http://localhost:" + config.port("gifts"));
            assertThat(system.kafka().isRunning()).isTrue();
            assertThat(system.mongoUri()).isEqualTo("mongodb://localhost:" + config.port("mongodb"));
            assertThat(get(system.managementUrl("gateway") + "/actuator/health/readiness")).isEqualTo(200);
            assertThat(system.summary()).contains("http://127.0.0.1:" + config.port("stats-management"));
            assertThat(system.summary()).contains("gateway", system.gatewayUrl(), "localhost:" + config.port("kafka"),
                    system.mongoUri());
            assertThat(console()).contains("complaints-service", "ready");

            String gatewayLog = Files.readString(config.logsDir().resolve("gateway.log"));
            assertThat(gatewayLog)
                    .contains("==== integrity-local: starting gateway at ")
                    .contains("env SERVER_PORT=" + config.port("gateway"))
                    .contains("env SERVER_ADDRESS=null")
                    .contains("env MANAGEMENT_PORT=" + config.port("gateway-management"))
                    .contains("env MANAGEMENT_SERVER_ADDRESS=127.0.0.1")
                    .contains("env MONGODB_URI=mongodb://localhost:" + config.port("mongodb"))
                    .contains("env KAFKA_BOOTSTRAP_SERVERS=localhost:" + config.port("kafka"))
                    .contains("env INTEGRITY_PARENT_PID=" + ProcessHandle.current().pid())
                    .contains("watchdog watching " + ProcessHandle.current().pid())
                    .contains("env COMPLAINTS_SERVICE_URL=http://localhost:" + config.port("complaints"))
                    .contains("env GIFTS_SERVICE_URL=http://localhost:" + config.port("gifts"))
                    .contains("env STATS_SERVICE_URL=http://localhost:" + config.port("stats"))
                    .contains("env OIDC_ISSUER_URI=http://localhost:1/issuer")
                    .contains("-Xmx24m");
            assertThat(Files.readString(config.logsDir().resolve("complaints-service.log")))
                    .contains("env SERVER_PORT=" + config.port("complaints"))
                    .contains("env SERVER_ADDRESS=127.0.0.1")
                    .contains("env MANAGEMENT_PORT=" + config.port("complaints-management"))
                    .contains("env COMPLAINTS_SERVICE_URL=null")
                    .contains("env MAIL_HOST=localhost")
                    .contains("env MAIL_PORT=" + config.port("mail"))
                    .contains("env INTEGRITY_NOTICES_SITEURL=" + system.gatewayUrl());
            assertThat(Files.readString(config.logsDir().resolve("gifts-service.log")))
                    .contains("env MAIL_PORT=" + config.port("mail"))
                    .contains("env INTEGRITY_NOTICES_SITEURL=" + system.gatewayUrl());
            assertThat(system.mail().isRunning()).isTrue();
            assertThat(system.mail().port()).isEqualTo(config.port("mail"));
            assertThat(system.summary()).contains("smtp://localhost:" + config.port("mail"));

            Files.createFile(config.dataDir().resolve("die-stats-service"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(console())
                    .contains("stats-service stopped unexpectedly (exit code 3); its log is ")
                    .contains("The other components keep running"));
            assertThat(processes.get(0).isAlive()).isTrue();
            assertThat(get(system.managementUrl("gateway") + "/actuator/health/readiness")).isEqualTo(200);
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(config.ports().values()).noneMatch(Ports::isTaken);
        assertThat(console()).doesNotContain("did not stop");
    }

    /**
     * The services' own ports would skip the gateway's body limits, rate limits and header rules, and Kafka and
     * MongoDB have no users: from the network only the gateway and the sign-in provider answer.
     */
    @Test
    void onlyTheGatewayAndTheSignInProviderAreReachableFromTheNetwork() throws Exception {
        FakeServices.install(home, Map.of());
        try (LocalSystem system = LocalSystem.start(config(), console)) {
            Exposure.assertOnlyTheDoorsAreOpen(system.config());
        }
    }

    @Test
    void oneServiceIsKilledAndRestartedWhileTheOthersKeepRunning() throws Exception {
        FakeServices.install(home, Map.of());
        LauncherConfig config = config().withServiceEnvironment("OIDC_ISSUER_URI", "http://localhost:1/again");
        ProcessHandle restarted;
        try (LocalSystem system = LocalSystem.start(config, console)) {
            Map<String, Long> before = system.servicePids();
            ProcessHandle killed = ProcessHandle.of(before.get("stats-service")).orElseThrow();
            assertThatThrownBy(() -> system.restart("stats-service")).isInstanceOf(LaunchException.class)
                    .hasMessageContaining("stats-service is still running");

            system.kill("stats-service");

            assertThat(killed.isAlive()).isFalse();
            assertThat(Ports.isTaken(config.port("stats"))).isFalse();
            assertThat(get(system.managementUrl("gateway") + "/actuator/health/readiness")).isEqualTo(200);

            system.restart("stats-service");

            Map<String, Long> after = system.servicePids();
            assertThat(after.get("stats-service")).isNotEqualTo(before.get("stats-service"));
            assertThat(after).containsAllEntriesOf(Map.of("gateway", before.get("gateway"),
                    "complaints-service", before.get("complaints-service")));
            restarted = ProcessHandle.of(after.get("stats-service")).orElseThrow();
            assertThat(get(system.managementUrl("stats-service") + "/actuator/health/readiness")).isEqualTo(200);
            String log = Files.readString(config.logsDir().resolve("stats-service.log"));
            // The second run gets the same environment as the first.
            assertThat(log).containsPattern("(?s)starting stats-service.*stopped \\(exit code 137\\).*"
                    + "starting stats-service.*env OIDC_ISSUER_URI=http://localhost:1/again");
            assertThat(console()).contains("stats-service killed").doesNotContain("stopped unexpectedly");
            assertThatThrownBy(() -> system.kill("nope-service")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(restarted.isAlive()).isFalse();
        assertThat(config.ports().values()).noneMatch(Ports::isTaken);
    }

    @Test
    void aServiceThatExitsDuringStartUpStopsEverythingAndShowsItsLog() throws Exception {
        FakeServices.install(home, Map.of("complaints-service", "crash"));
        LauncherConfig config = config();

        assertThatThrownBy(() -> LocalSystem.start(config, console))
                .isInstanceOf(LaunchException.class)
                .satisfies(e -> assertThat(((LaunchException) e).exitCode()).isEqualTo(1))
                .hasMessageContaining("complaints-service failed to start (exit code 1); its log is "
                        + config.logsDir().resolve("complaints-service.log"))
                .hasMessageContaining("Application run failed: could not reach the moon")
                .hasMessageNotContaining("==== integrity-local");

        assertThat(javaChildren()).isEmpty();
        assertThat(config.ports().values()).noneMatch(Ports::isTaken);
    }

    @Test
    void aServiceNeverReadyTimesOutInsteadOfHanging() throws Exception {
        FakeServices.install(home, Map.of("gifts-service", "unready"));
        LauncherConfig config = config().withStartupTimeout(Duration.ofSeconds(6));

        assertThatThrownBy(() -> LocalSystem.start(config, console))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("gifts-service did not become ready within 6 s; its log is ")
                .hasMessageContaining("fake gifts-service behaving unready")
                .hasMessageNotContaining("complaints-service did not");

        assertThat(javaChildren()).isEmpty();
        assertThat(config.ports().values()).noneMatch(Ports::isTaken);
    }

    @Test
    void kafkaAndMongoDataSurviveARestart() throws Exception {
        FakeServices.install(home, Map.of());
        LauncherConfig config = config();
        try (LocalSystem system = LocalSystem.start(config, console)) {
            try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
                mongo.getDatabase("survival").getCollection("notes").insertOne(new Document("_id", "kept"));
            }
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("survival", "key", "kept")).get();
            }
        }

        try (LocalSystem system = LocalSystem.start(config, console)) {
            try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
                assertThat(mongo.getDatabase("survival").getCollection("notes").find().first())
                        .isEqualTo(new Document("_id", "kept"));
            }
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "survival-check");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("survival"));
                List<String> values = new java.util.ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                    return !values.isEmpty();
                });
                assertThat(values).containsExactly("kept");
            }
        }
        assertThat(Files.readString(config.logsDir().resolve("gateway.log")))
                .containsPattern("(?s)starting gateway.*starting gateway");
    }

    private LauncherConfig config() {
        return LauncherConfig.defaults(home, home.resolve("data")).withFreePorts()
                .withServiceJavaOptions(FakeServices.JVM_OPTIONS);
    }

    private String console() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }

    /** Java processes this test JVM started and that still run. */
    private static Collection<ProcessHandle> javaChildren() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("java")).orElse(false))
                .toList();
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

}
