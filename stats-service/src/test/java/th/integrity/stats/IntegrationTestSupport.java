package th.integrity.stats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;

/**
 * The running service against the real Kafka broker and the embedded MongoDB server (or the real ones named by
 * KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI). Every integration test extends this class, so they share one Spring
 * context; each test uses an agency code of its own, so their data never mix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTestSupport.Spans.class)
public abstract class IntegrationTestSupport {

    /** The spans as they would leave for the trace backend (through the platform's allowlist). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    /** The system's public address, as a deployment configures it for DCAT links. */
    protected static final String PUBLIC_URL = "https://integrity.example.go.th";

    protected static final String TOPIC = "complaints.v1";
    protected static final String DEAD_LETTER_TOPIC = "complaints.v1-dlt";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry::add, "stats-it");
        // Short retries keep a failing test fast; the production defaults are in application.yml.
        registry.add("integrity.stats.projection.retry.initial-interval", () -> "100ms");
        registry.add("integrity.stats.projection.retry.max-interval", () -> "200ms");
        registry.add("integrity.stats.projection.state-refresh", () -> "100ms");
        // Spans reach the in-memory exporter within a poll of the tests.
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "200ms");
        // Tiny replay polls: every replay in the suite goes through many batches (folds, reads, bulk writes).
        registry.add("integrity.stats.projection.replay-batch-size", () -> "7");
        // The configured agencies, plus one whose display name is hostile markup (escaping tests).
        registry.add("integrity.stats.dcat.public-url", () -> PUBLIC_URL + "/");
        registry.add("integrity.stats.agencies[0].code", () -> "wangthonglang");
        registry.add("integrity.stats.agencies[0].name-th", () -> "สำนักงานเขตวังทองหลาง");
        registry.add("integrity.stats.agencies[1].code", () -> "huaikhwang");
        registry.add("integrity.stats.agencies[1].name-th", () -> "สำนักงานเขตห้วยขวาง");
        registry.add("integrity.stats.agencies[2].code", () -> HOSTILE_AGENCY);
        registry.add("integrity.stats.agencies[2].name-th", () -> HOSTILE_NAME);
    }

    protected static final String GIFTS_TOPIC = "gifts.v1";
    protected static final String HOSTILE_AGENCY = "hostile-agency";
    protected static final String HOSTILE_NAME = "<script>alert('x')</script> เขต \"ทดสอบ\" & <b>co</b>";

    @LocalServerPort
    protected int port;

    /** The actuator's port (probes, metrics, health details); random here, like the API port. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JsonMapper json;

    @AfterAll
    static void closeProducer() {
        // One producer per test class: closed here so no sender thread outlives the classes that used it.
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    protected static String newAgency() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends a raw record value, as the complaints service's outbox relay would, and waits for the ack. */
    protected static void send(String key, String value) {
        send(TOPIC, key, value);
    }

    protected static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge", e);
        }
    }

    protected void sendComplaintEvent(String type, String agency, String caseId, long version, Instant receivedAt,
            String status) {
        send(agency + ":" + caseId, complaintEvent(type, agency, caseId, version, receivedAt, status));
    }

    /** A full-contract complaint snapshot (docs/events.md); change fields with {@code data.put}. */
    protected static java.util.Map<String, Object> complaint(String agency, String caseId, long version,
            Instant receivedAt, String status) {
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("agency", agency);
        data.put("caseId", caseId);
        data.put("version", version);
        data.put("channel", "WEB");
        data.put("category", "CORRUPTION");
        data.put("subcategory", null);
        data.put("division", "D-1");
        data.put("reporterStanding", "CITIZEN");
        data.put("receivedAt", receivedAt.toString());
        data.put("status", status);
        data.put("statusChangedAt", receivedAt.toString());
        data.put("concludedAt", null);
        data.put("closureReason", null);
        data.put("dueAt", null);
        return data;
    }

    /** Wraps {@code data} in a CloudEvents envelope. */
    protected String envelope(String type, String agency, String subject, java.util.Map<String, Object> data) {
        var event = new java.util.LinkedHashMap<String, Object>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/agencies/" + agency + "/" + (type.startsWith("gift") ? "gifts" : "complaints"));
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return json.writeValueAsString(event);
    }

    /** Sends a full complaint snapshot on the complaint topic, keyed as the producer keys it. */
    protected void sendComplaint(java.util.Map<String, Object> data) {
        String agency = (String) data.get("agency");
        String caseId = (String) data.get("caseId");
        send(agency + ":" + caseId, envelope(((Number) data.get("version")).longValue() == 1
                ? "complaint.submitted.v1" : "complaint.status-changed.v1", agency, caseId, data));
    }

    /** The rows of the all-categories block of a table. */
    protected static JsonNode allRows(JsonNode table) {
        return table.path("blocks").get(3).path("rows");
    }

    protected String complaintEvent(String type, String agency, String caseId, long version, Instant receivedAt,
            String status) {
        var data = new java.util.LinkedHashMap<String, Object>();
        data.put("agency", agency);
        data.put("caseId", caseId);
        data.put("channel", "WEB");
        data.put("category", "CORRUPTION");
        data.put("division", null);
        data.put("receivedAt", receivedAt.toString());
        data.put("status", status);
        data.put("version", version);
        var event = new java.util.LinkedHashMap<String, Object>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/agencies/" + agency + "/complaints");
        event.put("type", type);
        event.put("subject", caseId);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return json.writeValueAsString(event);
    }

    /** {@code body} is the parsed JSON when the response is JSON, else {@code null}. */
    protected record Response(int status, String contentType, String text, JsonNode body) {
    }

    /** GET as an OFFICER of the agency named in {@code /api/stats/complaints/{agency}/...}. */
    protected Response asOfficer(String path) {
        String agency = path.split("[/?]")[4];
        return get(path, TestIssuer.shared().token("officer@" + agency, agency, "OFFICER"));
    }

    protected Response get(String path) {
        return get(path, null);
    }

    protected Response get(String path, String bearerToken) {
        return get(path, bearerToken, null);
    }

    /** A GET on the management port, without a token. */
    protected Response management(String path) {
        return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    protected Response get(String path, String bearerToken, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        if (accept != null) {
            builder.header("Accept", accept);
        }
        return exchange(builder.build());
    }

    /** A GET with one header of the caller's choosing (Accept-Language, …), without a token. */
    protected Response getWithHeader(String path, String name, String value) {
        return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).header(name, value).GET().build());
    }

    protected Response post(String path, Object body, String bearerToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body)));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        return exchange(builder.build());
    }

    protected static String token(String agency, String role) {
        return TestIssuer.shared().builder(role.toLowerCase() + "@" + agency).agency(agency).roles(role)
                .claim("name", "ผู้ทดสอบ " + role).sign();
    }

    /** Raw bytes of a GET (BOM checks). */
    protected byte[] bytes(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Response(response.statusCode(), contentType, response.body(),
                    contentType.contains("json") ? json.readTree(response.body()) : null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        return producer;
    }
}
