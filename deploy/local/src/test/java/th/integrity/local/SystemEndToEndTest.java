package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import th.integrity.embedded.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system exactly as the launcher runs it (real Kafka broker, file-backed MongoDB-wire server, the four
 * service jars as processes of their own), on free ports and a fresh data directory so it never collides with a
 * development system already running. Everything goes through the gateway, as a citizen's browser would; only
 * the fault injection (a duplicated event, Kafka stopped) reaches behind it.
 *
 * <p>Skipped when the service jars are not built; {@code ./mvnw verify} from the root builds them first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemEndToEndTest {

    private static final String AGENCY = "wangthonglang";
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final TestIssuer issuer = TestIssuer.shared();
    /** Kept when a test fails: the services' logs are in its logs directory. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;
    private LocalSystem system;
    private String notBuilt;

    @BeforeAll
    void startTheSystem() throws Exception {
        Path home = Path.of("../..").toAbsolutePath().normalize();
        List<String> missing = Components.SERVICES.stream()
                .map(spec -> spec.jar(home))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            notBuilt = "Skipping the end-to-end test: service jars not built " + missing
                    + ". Build them from the repository root with ./mvnw -q install -DskipTests";
            return;
        }
        LauncherConfig config = LauncherConfig.defaults(home, data)
                .withFreePorts()
                .withStartupTimeout(Duration.ofMinutes(5))
                // Drafts are for officers: the services trust this issuer, whose tokens the test signs.
                .withServiceEnvironment("OIDC_ISSUER_URI", issuer.issuerUri());
        System.out.println("End-to-end data and logs: " + data);
        system = LocalSystem.start(config);
    }

    /** Per test rather than in {@link #startTheSystem()}, so that the report lists every skipped test and why. */
    @BeforeEach
    void requireBuiltServices() {
        Assumptions.assumeTrue(notBuilt == null, notBuilt);
    }

    @AfterAll
    void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void aComplaintFiledThroughTheGatewayIsCountedInTheDraftStatistics() throws Exception {
        HttpResponse<String> filed = fileComplaint();

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(json.readTree(filed.body()).path("trackingCode").asString("")).isNotBlank();

        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(receivedThisMonth()).isEqualTo(1));
        JsonNode draft = draft();
        assertThat(monthsOf(draft)).as("every month of the fiscal year, in order").isEqualTo(fiscalYearMonths());
        assertThat(draft.path("totalReceived").asInt(-1)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theSameEventDeliveredTwiceIsCountedOnce() throws Exception {
        ConsumerRecord<byte[], byte[]> event = firstComplaintEvent();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(event.topic(), event.partition(), event.key(), event.value(),
                    event.headers())).get();
        }

        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(receivedThisMonth()).isEqualTo(1));
    }

    @Test
    @Order(3)
    void aComplaintFiledWhileKafkaIsDownIsAcceptedAndCountedOnceKafkaIsBack() throws Exception {
        system.kafka().stop();
        try {
            HttpResponse<String> filed = fileComplaint();
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        } finally {
            system.kafka().start();
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(receivedThisMonth()).isEqualTo(2));
        assertThat(draft().path("totalReceived").asInt(-1)).isEqualTo(2);
    }

    private HttpResponse<String> fileComplaint() throws Exception {
        String body = """
                {"agency":"%s","category":"CORRUPTION",
                 "details":"เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาต (an officer asked for money to speed up a permit)"}
                """.formatted(AGENCY);
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/complaints"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode draft() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/stats/complaints/"
                + AGENCY + "/" + fiscalYear() + "/draft"))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + issuer.token("officer-e2e", AGENCY, "OFFICER"))
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400 && response.statusCode() < 500) {
            // Not an assertion error, so that waiting stops at once: asking again will not help.
            throw new IllegalStateException("The draft answered " + response.statusCode() + ": " + response.body());
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private int receivedThisMonth() throws Exception {
        String month = YearMonth.now(BANGKOK).toString();
        Integer received = receivedPerMonth(draft()).get(month);
        if (received == null) {
            throw new AssertionError("No month " + month + " in the draft");
        }
        return received;
    }

    private static List<String> monthsOf(JsonNode draft) {
        return List.copyOf(receivedPerMonth(draft).keySet());
    }

    /**
     * Complaints received per month ({@code YYYY-MM}), all categories and channels. The table has one block per
     * category and a last one, {@code ALL}, whose rows hold each month's {@code total}; a plain {@code months}
     * list with {@code received} counts is read as well.
     */
    private static Map<String, Integer> receivedPerMonth(JsonNode draft) {
        Map<String, Integer> months = new LinkedHashMap<>();
        JsonNode all = null;
        for (JsonNode block : draft.path("blocks")) {
            if ("ALL".equals(block.path("category").asString(""))) {
                all = block;
            }
        }
        if (all != null) {
            all.path("rows").forEach(row -> months.put(row.path("month").asString(""), row.path("total").asInt(-1)));
        } else {
            draft.path("months").forEach(
                    entry -> months.put(entry.path("month").asString(""), entry.path("received").asInt(-1)));
        }
        return months;
    }

    /** The Thai fiscal year (Buddhist Era) of today in Bangkok: October to December belong to the next one. */
    private static int fiscalYear() {
        YearMonth now = YearMonth.now(BANGKOK);
        return now.getYear() + 543 + (now.getMonthValue() >= 10 ? 1 : 0);
    }

    private static List<String> fiscalYearMonths() {
        YearMonth month = YearMonth.of(fiscalYear() - 543 - 1, 10);
        List<String> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(month.plusMonths(i).toString());
        }
        return months;
    }

    private ConsumerRecord<byte[], byte[]> firstComplaintEvent() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-duplicate-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("complaints.v1"));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(EVENTUALLY).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.get(0);
        }
    }
}
