package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static th.integrity.local.BrowserRequests.browse;
import static th.integrity.local.BrowserRequests.fetch;
import static th.integrity.local.BrowserRequests.location;
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

    private static final String AGENCY = GatewayClient.AGENCY;
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private GatewayClient client;
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
                .withStartupTimeout(Duration.ofMinutes(5));
        System.out.println("End-to-end data and logs: " + data);
        system = LocalSystem.start(config);
        client = new GatewayClient(system);
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
        assertThat(monthsOf(draft)).as("every month of the fiscal year so far, in order, through the running one")
                .isEqualTo(fiscalYearMonthsSoFar());
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

    @Test
    @Order(4)
    void anOfficerSignsInAtTheGatewayAndTheGatewayRelaysTheirToken() throws Exception {
        HttpClient browser = signIn("officer");

        JsonNode me = json.readTree(fetch(browser, system.gatewayUrl() + "/api/me").body());
        assertThat(me.path("authenticated").asBoolean()).isTrue();
        assertThat(me.path("agency").asString()).isEqualTo(AGENCY);
        assertThat(me.path("roles").toString()).contains("OFFICER");

        // The browser sends only its session cookie; the gateway relays the officer's token to stats-service.
        HttpResponse<String> draft = fetch(browser, system.gatewayUrl() + "/api/stats/complaints/" + AGENCY + "/"
                + GatewayClient.fiscalYear() + "/draft");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(json.readTree(draft.body()).path("totalReceived").asInt(-1)).isEqualTo(2);
    }

    /** A browser that signed in as {@code username} (password "demo") through the gateway, every hop checked. */
    private HttpClient signIn(String username) throws Exception {
        // A browser: keeps cookies, follows no redirect by itself so every hop is checked.
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String oidc = system.serviceUrl("oidc-dev");

        HttpResponse<String> start = browse(browser, system.gatewayUrl() + "/oauth2/authorization/integrity");
        String authorize = location(start);
        assertThat(authorize).startsWith(oidc + "/oauth2/authorize").contains("code_challenge=")
                .contains("code_challenge_method=S256");
        String loginPage = location(browse(browser, authorize));
        HttpResponse<String> form = browse(browser, loginPage);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(oidc + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        // Back to the authorization endpoint, then to the gateway's callback with a code, then home.
        String next = location(signedIn);
        for (int hop = 0; hop < 5 && !next.startsWith(system.gatewayUrl() + "/login/oauth2/code/"); hop++) {
            next = location(browse(browser, next));
        }
        assertThat(next).startsWith(system.gatewayUrl() + "/login/oauth2/code/integrity?code=");
        HttpResponse<String> callback = browse(browser, next);
        assertThat(callback.statusCode()).isBetween(300, 399);
        // The browser holds a session cookie only; the tokens stay in the gateway.
        assertThat(callback.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("INTEGRITY_SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(String.join("\n", callback.headers().allValues("Set-Cookie"))).doesNotContain("eyJ");
        return browser;
    }

    @Test
    @Order(5)
    void eachServiceDescribesItsApiThroughTheGateway() throws Exception {
        for (String service : List.of("complaints", "gifts", "stats")) {
            HttpResponse<String> docs = http.send(HttpRequest.newBuilder(
                    URI.create(system.gatewayUrl() + "/api/" + service + "/api-docs")).timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).as(service + ": " + docs.body()).isEqualTo(200);
            JsonNode openApi = json.readTree(docs.body());
            assertThat(openApi.path("openapi").asString()).as(service).startsWith("3.");
            assertThat(openApi.path("paths").propertyNames()).as(service).anySatisfy(
                    path -> assertThat(path).startsWith("/api/" + service));
        }
    }

    /**
     * The real services listen where the launcher tells them: only the gateway and the sign-in provider beyond this
     * machine; the actuator on loopback management ports, none of it on an API port or the gateway's public port.
     */
    @Test
    @Order(6)
    void onlyTheDoorsAreOpenAndTheActuatorIsOnTheManagementPorts() throws Exception {
        Exposure.assertOnlyTheDoorsAreOpen(system.config());

        assertThat(status(system.gatewayUrl() + "/actuator/prometheus")).isEqualTo(404);
        assertThat(status(system.gatewayUrl() + "/actuator/info")).isEqualTo(404);
        HttpResponse<String> publicHealth = get(system.gatewayUrl() + "/actuator/health");
        assertThat(publicHealth.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(system.managementUrl("gateway") + "/actuator/prometheus").body())
                .contains("spring_cloud_gateway_requests_seconds_count{");
        for (String service : List.of("complaints-service", "gifts-service", "stats-service")) {
            assertThat(status(system.serviceUrl(service) + "/actuator/health")).as(service).isEqualTo(404);
            assertThat(status(system.serviceUrl(service) + "/actuator/prometheus")).as(service).isEqualTo(404);
            HttpResponse<String> health = get(system.managementUrl(service) + "/actuator/health/readiness");
            assertThat(health.statusCode()).as(service).isEqualTo(200);
            // Readiness is MongoDB's; Kafka shows in the overall health (the outbox absorbs its outages).
            assertThat(health.body()).as(service).contains("\"mongo\"").doesNotContain("\"kafka\"");
            assertThat(get(system.managementUrl(service) + "/actuator/health").body()).as(service).contains("\"kafka\"");
            assertThat(get(system.managementUrl(service) + "/actuator/prometheus").body()).as(service)
                    .contains("application=\"" + service + "\"");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int status(String url) throws Exception {
        return get(url).statusCode();
    }

    @Test
    @Order(7)
    void oneFilingIsFollowedByItsTraceIdFromTheEventToTheStatisticsLog() throws Exception {
        int before = complaintEvents().size();
        HttpResponse<String> filed = fileComplaint();
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);

        JsonNode event = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(
                () -> complaintEvents().stream().skip(before).map(r -> json.readTree(r.value()))
                        .filter(e -> e.path("type").asString("").equals("complaint.submitted.v1")).findFirst()
                        .orElse(null), found -> found != null);

        String traceparent = event.path("traceparent").asString("");
        assertThat(traceparent).as("the event's traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.substring(3, 35);
        Path statsLog = data.resolve("logs").resolve("stats-service.log");
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                Files.readAllLines(statsLog).stream()
                        .filter(line -> line.contains("\"trace.id\":\"" + traceId + "\""))
                        .filter(line -> line.contains("Projected complaint.submitted.v1")))
                .as("stats-service's projection log line with the filing's trace id").isNotEmpty());
    }

    /**
     * The launched system delivers a reporter's notice to the development mail server: filed with a notice-only
     * address through the gateway, an officer writes to the reporter, and the mail arrives (and is written to the
     * data directory) saying only that there is news, with the gateway's address.
     */
    @Test
    @Order(8)
    void aReportersNoticeReachesTheDevelopmentMailServer() throws Exception {
        String address = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> filed = http.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/complaints"))
                .timeout(Duration.ofSeconds(40)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("agency", AGENCY,
                        "category", "CORRUPTION", "details", "เจ้าหน้าที่เรียกรับเงินค่าตรวจแบบบ้านนอกระบบ",
                        "noticeEmail", address)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseNumber = json.readTree(filed.body()).path("caseNumber").asString();
        String code = json.readTree(filed.body()).path("trackingCode").asString().replace(" ", "");

        String officer = "Bearer " + client.officerToken();
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl()
                + "/api/complaints/cases?q=" + java.net.URLEncoder.encode(caseNumber, java.nio.charset.StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(20)).header("Authorization", officer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        String caseId = json.readTree(found.body()).path("items").get(0).path("id").asString();
        HttpResponse<String> wrote = http.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl()
                + "/api/complaints/cases/" + caseId + "/messages")).timeout(Duration.ofSeconds(20))
                .header("Authorization", officer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"ขอสำเนาใบเสร็จเพิ่มเติม\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrote.statusCode()).as(wrote.body()).isEqualTo(201);

        var mail = system.mail().await(m -> m.to().equals(address), EVENTUALLY);
        assertThat(mail).as("a notice in the development mail server").isNotNull();
        assertThat(mail.text()).contains(system.gatewayUrl()).doesNotContain(caseNumber).doesNotContain(code)
                .doesNotContain("ใบเสร็จ").doesNotContain("ตรวจแบบบ้าน");
        assertThat(mail.file()).as("written where the README says").startsWith(data.resolve("mail")).exists();
    }

    @Test
    @Order(9)
    void anOfficerWhoSignedInHearsOfANewComplaintByMailAndInTheApp() throws Exception {
        HttpClient browser = signIn("officer");
        // The first answered request through the gateway makes the officer a recipient (address from the token).
        HttpResponse<String> before = fetch(browser, system.gatewayUrl() + "/api/complaints/notices");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        int unreadBefore = json.readTree(before.body()).path("unread").asInt(-1);

        String details = "ผู้อำนวยการกองช่างรับเงินผู้รับเหมา notice-e2e-" + UUID.randomUUID();
        java.time.Instant filing = java.time.Instant.now().minusSeconds(1);
        HttpResponse<String> filed = client.fileComplaint(details);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String code = json.readTree(filed.body()).path("trackingCode").asString().replace(" ", "");

        var mail = system.mail().await(m -> m.to().equals("officer@" + AGENCY + ".example")
                && m.at().isAfter(filing), EVENTUALLY);
        assertThat(mail).as("the officer's notice in the development mail server").isNotNull();
        assertThat(mail.text()).contains(system.gatewayUrl()).doesNotContain("ผู้อำนวยการกองช่าง")
                .doesNotContain("notice-e2e").doesNotContain(code);
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode notices = json.readTree(fetch(browser, system.gatewayUrl() + "/api/complaints/notices").body());
            assertThat(notices.path("unread").asInt(-1)).isGreaterThan(unreadBefore);
            assertThat(notices.path("items").get(0).path("kind").asString()).isEqualTo("complaint-new");
            assertThat(notices.path("items").get(0).path("link").asString()).startsWith("#/officer/case/");
        });
    }

    private HttpResponse<String> fileComplaint() throws Exception {
        return client.fileComplaint(
                "เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาต (an officer asked for money to speed up a permit)");
    }

    private JsonNode draft() throws Exception {
        return client.draft();
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
     * Complaints received per month ({@code YYYY-MM}), all categories and channels: the rows of the table's
     * {@code ALL} block, without its totals row.
     */
    private static Map<String, Integer> receivedPerMonth(JsonNode draft) {
        Map<String, Integer> months = new LinkedHashMap<>();
        for (JsonNode block : draft.path("blocks")) {
            if ("ALL".equals(block.path("category").asString(""))) {
                block.path("rows").forEach(row -> months.put(row.path("month").asString(""), row.path("total").asInt(-1)));
            }
        }
        months.remove("TOTAL");
        return months;
    }

    /** October of the current fiscal year through this month (Bangkok): a draft never shows a month to come. */
    private static List<String> fiscalYearMonthsSoFar() {
        YearMonth month = YearMonth.of(GatewayClient.fiscalYear() - 543 - 1, 10);
        YearMonth now = YearMonth.now(BANGKOK);
        List<String> months = new ArrayList<>();
        for (; !month.isAfter(now); month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        return months;
    }

    /** Every record on complaints.v1 so far, as text, in partition and offset order. */
    private List<ConsumerRecord<String, String>> complaintEvents() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-trace-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            var partitions = consumer.partitionsFor("complaints.v1").stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(EVENTUALLY).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            records.sort(java.util.Comparator.comparing((ConsumerRecord<String, String> r) -> r.timestamp())
                    .thenComparing(ConsumerRecord::partition).thenComparing(ConsumerRecord::offset));
            return records;
        }
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
