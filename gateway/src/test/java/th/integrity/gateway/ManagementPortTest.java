package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The public port answers {@code /actuator/health} with the status alone and nothing else of the actuator; metrics,
 * info, probes and health details are on the management port only, which nothing public routes to.
 */
class ManagementPortTest extends IntegrationTestSupport {

    /** Actuator paths as a curious or hostile client spells them on the public port. */
    private static final List<String> ACTUATOR_ON_THE_PUBLIC_PORT = List.of(
            "/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/", "/actuator/health/liveness",
            "/actuator/health/readiness", "/actuator/health/diskSpace", "/actuator/health/ping", "/actuator/env",
            "/actuator/metrics", "/actuator/gateway/routes", "/actuator/prometheus/", "/actuator/prometheus?format=txt",
            "/actuator/prometheus.txt", "/Actuator/prometheus", "/ACTUATOR/INFO", "/actuator/%70rometheus",
            "/actuator/health/../prometheus", "/actuator//prometheus", "/actuator/prometheus;x=1",
            "/api/../actuator/prometheus", "/actuator/health/", "/actuator/health.json");

    @Test
    void metricsAndInfoAreNotFoundOnThePublicPort() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/info")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url(path)).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void noSpellingOfAnActuatorPathReachesTheActuatorOnThePublicPort() throws Exception {
        for (String path : ACTUATOR_ON_THE_PUBLIC_PORT) {
            for (String method : List.of("GET", "HEAD", "POST")) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .method(method, method.equals("POST") ? BodyPublishers.ofString("{}") : BodyPublishers.noBody()));
                assertThat(response.statusCode()).as(method + " " + path).isBetween(400, 499);
                // The problem's "instance" repeats the path asked for; the rest must say nothing of the actuator.
                assertThat(response.body().replaceAll("\"instance\":\"[^\"]*\"", "")).as(method + " " + path)
                        .doesNotContain("jvm_", "# HELP", "diskSpace", "readinessState", "livenessState", "components",
                                "\"status\":\"UP\"");
            }
        }
    }

    @Test
    void thePublicHealthSaysTheStatusAndNothingElse() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(url("/actuator/health")).GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
    }

    @Test
    void theManagementPortServesMetricsInfoAndDetailedHealth() throws Exception {
        HttpResponse<String> scrape = send(HttpRequest.newBuilder(management("/actuator/prometheus")).GET());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes{");

        assertThat(send(HttpRequest.newBuilder(management("/actuator/info")).GET()).statusCode()).isEqualTo(200);

        HttpResponse<String> health = send(HttpRequest.newBuilder(management("/actuator/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("diskSpace").contains("components");
    }
}
