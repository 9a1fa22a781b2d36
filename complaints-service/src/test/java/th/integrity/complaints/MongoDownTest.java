package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.embedded.MongoWireServer;
import th.integrity.testkit.TestInfrastructure;

/**
 * A MongoDB outage: the service answers 503 problem details with Retry-After within seconds (the client's
 * server selection timeout), and readiness turns DOWN. Uses a MongoDB server of its own, which it stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "integrity.outbox.max-backoff=1s", "integrity.problems.retry-after=7s" })
@DirtiesContext
class MongoDownTest {

    private static final MongoWireServer MONGO = MongoWireServer.inMemory(0);

    @DynamicPropertySource
    static void ownMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("complaints-down"));
        registry.add("spring.mongodb.database", () -> "complaints-down");
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    JsonMapper json;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void answers503WithRetryAfterWhileMongoIsDown() {
        assertThat(TestHttp.get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        MONGO.close();

        // The client gives up after 20 s; the driver's default 30 s server selection would fail this.
        HttpResponse<String> response = TestHttp.post(port, "/api/complaints", "application/json",
                json.writeValueAsString(Map.of("agency", "wang-thonglang", "category", "OTHER",
                        "details", "ไฟส่องสว่างในซอยดับมาสองสัปดาห์แล้ว แจ้งแล้วไม่มีผู้ใดมาแก้ไข")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("mongo").doesNotContain("\tat ");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:integrity:problem:unavailable");
        assertThat(problem.get("title_th").asString()).isNotBlank();
        assertThat(problem.get("detail_th").asString()).isNotBlank();

        HttpResponse<String> readiness = TestHttp.get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(json.readTree(readiness.body()).at("/components/mongo/status").asString()).isEqualTo("DOWN");
    }
}
