package th.integrity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Probes, metrics and health details (disk paths, the Kafka cluster, MongoDB) are on the management port only; the
 * API port, the one the gateway routes to, serves none of the actuator.
 */
class ManagementPortTest extends IntegrationTestSupport {

    @Test
    void readyOnTheManagementPortWhenMongoAnswersAndKafkaIsNotPartOfReadiness() {
        Response readiness = management("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        // Kafka is watched by the overall health and metrics, not readiness: its outage is the outbox's to absorb.
        assertThat(readiness.body().path("components").has("kafka")).isFalse();
        assertThat(management("/actuator/health").body().path("components").path("kafka").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void healthDetailsAreOnTheManagementPortAndNotOnTheApiPort() {
        Response health = management("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).contains("\"diskSpace\"", "\"path\"", "clusterId");

        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness",
                "/actuator/health/diskSpace", "/actuator/health/kafka", "/actuator/prometheus", "/actuator/info",
                "/actuator", "/actuator/", "/actuator/health/", "/Actuator/health", "/actuator/prometheus/",
                "/api/stats/../actuator/health", "/api/stats/publications/../../../actuator/health")) {
            Response response = get(path);
            assertThat(response.status()).as(path).isBetween(400, 499);
            // Quoted keys: a 404's detail may repeat the path asked for, never a health document.
            assertThat(response.text()).as(path)
                    .doesNotContain("\"diskSpace\"", "clusterId", "\"path\"", "jvm_", "# HELP", "\"components\"",
                            "\"status\":\"UP\"");
        }
    }

    @Test
    void exposesTheProjectionMetricsToPrometheusOnTheManagementPort() {
        Response prometheus = management("/actuator/prometheus");

        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.text()).contains("integrity_dead_letter_records_total")
                .contains("integrity_stats_publications_total")
                // Consumer lag, from the Kafka client metrics Boot binds to the listener containers' consumers.
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }
}
