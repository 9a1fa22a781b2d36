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
        // Other tests of the shared context file complaints too: the counter must grow by exactly this one.
        double before = receivedCount("WEB", "OTHER");
        double otherCategoryBefore = receivedCount("WEB", "CORRUPTION");

        assertThat(postComplaint("wang-thonglang", "OTHER", "ถนนหน้าสำนักงานเขตชำรุดมานานแล้วไม่มีผู้ใดมาซ่อม")
                .statusCode()).isEqualTo(201);

        assertThat(receivedCount("WEB", "OTHER")).isEqualTo(before + 1);
        assertThat(receivedCount("WEB", "CORRUPTION")).isEqualTo(otherCategoryBefore);
    }

    /** {@code integrity_complaints_received_total} of one channel and category as scraped; 0 before the first. */
    private double receivedCount(String channel, String category) {
        HttpResponse<String> response = management("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().filter(line -> line.startsWith("integrity_complaints_received_total{"))
                .filter(line -> line.contains("category=\"" + category + "\"")
                        && line.contains("channel=\"" + channel + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
