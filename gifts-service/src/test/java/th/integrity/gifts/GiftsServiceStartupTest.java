package th.integrity.gifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import th.integrity.testkit.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/** The skeleton against the real Kafka broker and the embedded MongoDB server: probes, metrics, its topic. */
class GiftsServiceStartupTest extends IntegrationTestSupport {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessIsUpAndCoversMongoButNotKafka() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        // Kafka is not part of readiness: while it is down the outbox keeps events and the pod keeps serving.
        assertThat(health.path("components").propertyNames()).contains("readinessState", "mongo")
                .doesNotContain("kafka");
        assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        JsonNode overall = json.readTree(get("/actuator/health").body());
        assertThat(overall.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusScrapeHasJvmMetricsTaggedWithTheApplication() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern("jvm_memory_used_bytes\\{[^}]*application=\"gifts-service\"");
    }

    @Test
    void declarationTopicExistsWithThreePartitions() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("gifts.v1")).allTopicNames()
                    .get(10, TimeUnit.SECONDS);

            assertThat(topics.get("gifts.v1").partitions()).hasSize(3);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        // No token: probes and metrics are open on the management port.
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
