package th.integrity.complaints;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.complaint.Complaint;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;
import th.integrity.testkit.TopicReader;

/**
 * The service against the real Kafka broker and MongoDB-wire server of this test JVM (or the real ones named
 * by KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI). Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "integrity.outbox.max-backoff=1s", "integrity.outbox.poll-interval=500ms",
                "integrity.complaints.tracking.max-failures-per-minute=40",
                // No notices consumer here (it runs in the notices tests' own context): it would write notices behind
                // the tests that count every document, and a paused and resumed test context starts every
                // listener whatever its auto-startup.
                "integrity.notices.consume=false",
                "integrity.complaints.reporter-notices.poll-interval=200ms",
                "integrity.complaints.reporter-notices.retry-interval=1s",
                // Spans reach the in-memory exporter below within a poll of the tests.
                "management.opentelemetry.tracing.export.schedule-delay=200ms" })
@Import(IntegrationTestSupport.Clocks.class)
public abstract class IntegrationTestSupport {

    /** One movable clock for every bean of the shared context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        /** The spans as they would leave for the trace backend (through the platform's allowlist). */
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    protected static final String TOPIC = "complaints.v1";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry::add, "complaints-it");
        TestInfrastructure.registerMail(registry::add);
    }

    @LocalServerPort
    protected int port;

    /** The actuator's port (probes, metrics, health details); random here, like the API port. */
    @LocalManagementPort
    protected int managementPort;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected ComplaintsProperties properties;
    @Autowired
    protected MovableClock clock;

    protected static String token(String subject, String agency, String... roles) {
        return TestIssuer.shared().token(subject, agency, roles);
    }

    /**
     * An officer of {@code agency}, with a display name (stored with notes and moves, never shown publicly), signed in
     * with a second factor, so that the reveal path is open to them (SecondFactorTest proves it closed without).
     */
    protected static String officer(String agency) {
        return TestIssuer.shared().builder("officer-" + agency).agency(agency).roles("OFFICER")
                .claim("name", "สมศรี เจ้าหน้าที่").secondFactor().sign();
    }

    protected HttpResponse<String> call(String method, String path, Object body, String token, String... headers) {
        return TestHttp.request(port, method, path, body == null ? null : "application/json",
                body == null ? null : json.writeValueAsString(body), token, headers);
    }

    /**
     * The two-person rule walked through the API: {@code officerToken} asks to see the reporter's identity of
     * {@code caseId}, a head of {@code agency} (another person, signed in with a second factor) approves; the officer's
     * token must show a second factor too ({@code TestIssuer.Builder.secondFactor()}). @return the request's id
     */
    protected String approvedIdentityRequest(String agency, String caseId, String officerToken) {
        HttpResponse<String> asked = call("POST", "/api/complaints/cases/" + caseId + "/identity-requests",
                Map.of("reason", "ต้องติดต่อผู้ร้องเพื่อสอบข้อเท็จจริงเพิ่มเติม"), officerToken);
        if (asked.statusCode() != 202) {
            throw new IllegalStateException(asked.statusCode() + " " + asked.body());
        }
        String id = body(asked).get("id").asString();
        HttpResponse<String> approved = call("POST", "/api/complaints/identity-requests/" + id + "/approve",
                Map.of("note", "อนุมัติเพื่อการสอบข้อเท็จจริง"),
                TestIssuer.shared().builder("head-" + agency).agency(agency).roles("HEAD").secondFactor().sign());
        if (approved.statusCode() != 200) {
            throw new IllegalStateException(approved.statusCode() + " " + approved.body());
        }
        return id;
    }

    /** Files a web complaint with these fields and returns its tracking code. */
    protected String file(Map<String, Object> complaint) {
        HttpResponse<String> response = post("/api/complaints", "application/json", json.writeValueAsString(complaint));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return body(response).get("trackingCode").asString();
    }

    /** The {@code field} of each entry of a problem's {@code errors}. */
    protected static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    protected String caseIdOf(String trackingCode) {
        return storedByCode(trackingCode).getString("_id");
    }

    /** Every record of case {@code caseId} on the topic, in order, once at least {@code count} are there. */
    protected List<JsonNode> eventsOf(String agency, String caseId, int count) {
        String key = agency + ":" + caseId;
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> readAll(TOPIC).stream().filter(r -> key.equals(r.key()))
                        .map(r -> json.readTree(r.value())).toList(), events -> events.size() >= count);
    }

    protected HttpResponse<String> post(String path, String contentType, String body) {
        return TestHttp.post(port, path, contentType, body);
    }

    protected HttpResponse<String> postComplaint(String agency, String category, String details) {
        return post("/api/complaints", "application/json", json.writeValueAsString(
                Map.of("agency", agency, "category", category, "details", details)));
    }

    protected HttpResponse<String> get(String path) {
        return TestHttp.get(port, path);
    }

    /** A GET on the management port. */
    protected HttpResponse<String> management(String path) {
        return TestHttp.get(managementPort, path);
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected long storedComplaints() {
        return mongo.count(new Query(), Complaint.COLLECTION);
    }

    /** The stored complaint whose tracking hash is the HMAC of {@code trackingCode}, computed here independently. */
    protected Document storedByCode(String trackingCode) {
        return mongo.findOne(new Query(Criteria.where("trackingHash").is(hmac(trackingCode.replace(" ", "")))),
                Document.class, Complaint.COLLECTION);
    }

    protected String hmac(String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.trackingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record on {@code topic} from the beginning, read with a plain consumer. */
    protected static List<ConsumerRecord<String, String>> readAll(String topic) {
        return TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(), topic);
    }
}
