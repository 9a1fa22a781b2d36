package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

import tools.jackson.databind.json.JsonMapper;

import th.integrity.embedded.KafkaBroker;
import th.integrity.embedded.Ports;
import th.integrity.testkit.TestInfrastructure;

/**
 * A Kafka outage: the pod stays ready (Kubernetes keeps it in its Service) and filings are answered 201, because
 * the outbox keeps each event until Kafka is back. Kafka's state shows in the overall health and in metrics,
 * not in readiness. Uses a broker of its own, which it stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "integrity.outbox.max-backoff=1s" })
@DirtiesContext
class KafkaDownTest {

    private static final KafkaBroker KAFKA = startBroker();

    private static KafkaBroker startBroker() {
        try {
            return KafkaBroker.start(Files.createTempDirectory("kafka-down"), Ports.free(), Ports.free());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void ownKafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("complaints-kafka-down"));
        registry.add("spring.mongodb.database", () -> "complaints-kafka-down");
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    JsonMapper json;

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    @Test
    void staysReadyAndTakesFilingsWhileKafkaIsDown() {
        assertThat(TestHttp.get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        KAFKA.stop();

        HttpResponse<String> filed = TestHttp.post(port, "/api/complaints", "application/json",
                json.writeValueAsString(Map.of("agency", "wang-thonglang", "category", "OTHER",
                        "details", "ทางเท้าหน้าตลาดชำรุดเป็นหลุมลึก มีผู้สูงอายุหกล้มแล้วสองราย")));
        assertThat(filed.statusCode()).isEqualTo(201);

        HttpResponse<String> readiness = TestHttp.get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).path("components").has("kafka")).isFalse();
    }
}
