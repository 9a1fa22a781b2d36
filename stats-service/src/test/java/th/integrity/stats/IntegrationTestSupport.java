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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.embedded.TestInfrastructure;
import th.integrity.embedded.TestIssuer;

/**
 * The running service against the real Kafka broker and the embedded MongoDB server (or the real ones named by
 * KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI). Every integration test extends this class, so they share one Spring
 * context; each test uses an agency code of its own, so their data never mix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestSupport {

    protected static final String TOPIC = "complaints.v1";
    protected static final String DEAD_LETTER_TOPIC = "complaints.v1-dlt";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuerUri());
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("stats-it"));
        registry.add("spring.mongodb.database", () -> "stats-it");
        // Short retries keep a failing test fast; the production defaults are in application.yml.
        registry.add("integrity.stats.projection.retry.initial-interval", () -> "100ms");
        registry.add("integrity.stats.projection.retry.max-interval", () -> "200ms");
    }

    @LocalServerPort
    protected int port;

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
        try {
            producer().send(new ProducerRecord<>(TOPIC, key, value)).get(10, TimeUnit.SECONDS);
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
        event.put("source", "/agencies/" + agency + "/complaints-service");
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        HttpRequest request = builder.build();
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
