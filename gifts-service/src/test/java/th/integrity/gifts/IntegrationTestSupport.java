package th.integrity.gifts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;
import th.integrity.testkit.TopicReader;
import th.integrity.platform.calendar.FiscalCalendar;

/**
 * The service against the real Kafka broker and MongoDB-wire server of this test JVM (or the real ones named by
 * KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI), with signed tokens from the test issuer. Every subclass shares one
 * application context. Agency {@code testdistrict} has a staff directory of three (t-a, t-b, t-c) for the
 * register tests; other tests use fresh random users so they never see each other's declarations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "integrity.outbox.max-backoff=1s", "integrity.outbox.poll-interval=500ms",
        // No notices consumer here (it runs in the notices tests' own context): it would write notices behind
        // the tests that count every document, and a paused and resumed test context starts every
        // listener whatever its auto-startup.
        "integrity.notices.consume=false",
        "integrity.gifts.agencies.testdistrict.name-th=สำนักงานเขตทดสอบ",
        "integrity.gifts.agencies.testdistrict.name-en=Test District Office",
        "integrity.gifts.agencies.testdistrict.staff[0].username=t-a",
        "integrity.gifts.agencies.testdistrict.staff[0].name=นายทดสอบ หนึ่ง",
        "integrity.gifts.agencies.testdistrict.staff[0].position=นักวิชาการ",
        "integrity.gifts.agencies.testdistrict.staff[0].division=FIN",
        "integrity.gifts.agencies.testdistrict.staff[1].username=t-b",
        "integrity.gifts.agencies.testdistrict.staff[1].name=นางทดสอบ สอง",
        "integrity.gifts.agencies.testdistrict.staff[1].position=นายช่าง",
        "integrity.gifts.agencies.testdistrict.staff[1].division=WORKS",
        "integrity.gifts.agencies.testdistrict.staff[2].username=t-c",
        "integrity.gifts.agencies.testdistrict.staff[2].name=นางสาวทดสอบ สาม",
        "integrity.gifts.agencies.testdistrict.staff[2].position=เจ้าพนักงาน",
        "integrity.gifts.agencies.testdistrict.staff[2].division=REG" })
public abstract class IntegrationTestSupport {

    public static final String AGENCY = "wangthonglang";
    public static final String TOPIC = "gifts.v1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry::add, "gifts-it");
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

    protected static LocalDate today() {
        return LocalDate.now(FiscalCalendar.BANGKOK);
    }

    /** A token for a fresh user of {@code agency}, with a Thai name claim. */
    protected static String token(String subject, String agency, String... roles) {
        return TestIssuer.shared().builder(subject).agency(agency).roles(roles).claim("name", "ผู้ทดสอบ " + subject)
                .sign();
    }

    protected static String newStaff() {
        return token("u-" + UUID.randomUUID(), AGENCY, "STAFF");
    }

    /** A declaration body; {@code changes} replace or add fields (a null value removes one). */
    protected Map<String, Object> gift(Object value, String disposition, Map<String, Object> changes) {
        Map<String, Object> giver = new LinkedHashMap<>(Map.of("name", "บริษัท ตัวอย่าง จำกัด", "type", "ORGANISATION",
                "relation", "NOT_RELATIVE", "pendingBusiness", false));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offeredOn", today().minusDays(1).toString());
        body.put("giver", giver);
        body.put("kind", "ITEM");
        body.put("description", "กระเช้าของขวัญปีใหม่");
        body.put("value", value);
        body.put("valuation", "ราคาตามใบเสร็จ");
        body.put("acceptanceReason", "ผู้ให้มอบไว้ที่สำนักงานโดยไม่ได้แจ้งล่วงหน้า");
        body.put("occasion", "NEW_YEAR");
        body.put("disposition", disposition);
        if (!"KEPT".equals(disposition)) {
            body.put("disposedOn", today().toString());
        }
        changes.forEach((k, v) -> {
            if (k.startsWith("giver.")) {
                giver.put(k.substring(6), v);
            } else if (v == null) {
                body.remove(k);
            } else {
                body.put(k, v);
            }
        });
        return body;
    }

    protected HttpResponse<String> declare(String token, Map<String, Object> body) {
        return post("/api/gifts/declarations", json.writeValueAsString(body), token);
    }

    protected HttpResponse<String> post(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(withToken(request, token), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(withToken(HttpRequest.newBuilder(uri(path)).GET(), token),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET on the management port, without a token. */
    protected HttpResponse<String> management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).GET(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<byte[]> getBytes(String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(withToken(request, token), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record on {@code topic} from the beginning, read with a plain consumer. */
    protected static List<ConsumerRecord<String, String>> readAll(String topic) {
        return TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(), topic);
    }
}
