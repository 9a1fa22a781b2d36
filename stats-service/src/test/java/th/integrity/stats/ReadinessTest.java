package th.integrity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadinessTest extends IntegrationTestSupport {

    @Test
    void readyWhenMongoAnswersAndKafkaIsNotPartOfReadiness() {
        Response readiness = get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().path("components").has("kafka")).isFalse();
        assertThat(get("/actuator/health").body().path("components").path("kafka").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void exposesTheProjectionMetricsToPrometheus() {
        Response prometheus = get("/actuator/prometheus");

        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.text()).contains("integrity_dead_letter_records_total")
                .contains("integrity_stats_publications_total")
                // Consumer lag, from the Kafka client metrics Boot binds to the listener containers' consumers.
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }
}
