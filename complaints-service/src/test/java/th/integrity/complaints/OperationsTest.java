package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OperationsTest extends IntegrationTestSupport {

    @Test
    void isReadyWhenMongoIsAndShowsKafkaInOverallHealth() {
        HttpResponse<String> response = management("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = body(response);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/readinessState/status").asString()).isEqualTo("UP");
        // Kafka is watched by the overall health and metrics, not readiness (KafkaDownTest).
        assertThat(health.at("/components/kafka").isMissingNode()).isTrue();
        assertThat(body(management("/actuator/health")).at("/components/kafka/status").asString()).isEqualTo("UP");
    }

    @Test
    void countsReceivedComplaintsByChannelAndCategory() {
        assertThat(postComplaint("wang-thonglang", "OTHER", "ถนนหน้าสำนักงานเขตชำรุดมานานแล้วไม่มีผู้ใดมาซ่อม")
                .statusCode()).isEqualTo(201);

        HttpResponse<String> response = management("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().lines().filter(line -> line.startsWith("integrity_complaints_received_total{"))
                .filter(line -> line.contains("category=\"OTHER\"") && line.contains("channel=\"WEB\"")))
                .singleElement().satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isGreaterThanOrEqualTo(1.0));
    }
}
