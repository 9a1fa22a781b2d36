package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Prometheus scrapes every service where it listens; the Grafana dashboard shows what the brief asks for. */
class ObservabilityTest {

    /**
     * Metrics the dashboard may show before any code registers them (none now). Add a name here only while
     * its service is being written; the test fails once the code registers it, so the entry cannot linger.
     */
    private static final Set<String> PENDING = Set.of();

    private final Map<String, Object> dashboard = Repo.yamlMap(Repo.COMPOSE.resolve("grafana/dashboards/integrity.json"));

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        Map<String, Object> prometheus = Repo.yamlMap(Repo.COMPOSE.resolve("prometheus/prometheus.yml"));
        List<Map<String, Object>> jobs = Repo.maps(prometheus.get("scrape_configs"));
        for (ServiceConfig service : ServiceConfig.all()) {
            assertThat(service.exposedEndpoints()).as(service.yamlFile() + " exposes prometheus").contains("prometheus");
            Map<String, Object> job = jobs.stream().filter(j -> service.name().equals(j.get("job_name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("prometheus.yml has no job " + service.name()));
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            String targets = String.valueOf(job.get("dns_sd_configs")) + job.get("static_configs");
            assertThat(targets).as(service + " target port = management.server.port of " + service.yamlFile())
                    .contains("port=" + service.managementPort());
            assertThat(targets).contains(service.name());
        }
    }

    private List<String> expressions() {
        List<String> out = new ArrayList<>();
        Repo.maps(dashboard.get("panels")).forEach(p -> Repo.maps(p.get("targets")).forEach(t -> out.add(Repo.str(t.get("expr")))));
        return out;
    }

    @Test
    void dashboardHasThePanelsOperatorsNeed() {
        String all = String.join("\n", expressions());
        for (String metric : List.of("integrity_complaints_received_total", "integrity_complaints_cases", "integrity_complaints_overdue",
                "integrity_outbox_backlog", "kafka_consumer_fetch_manager_records_lag_max", "integrity_dead_letter_records_total",
                "http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "spring_cloud_gateway_requests_seconds", "jvm_memory_used_bytes")) {
            assertThat(all).as("dashboard panel on " + metric).contains(metric);
        }
        assertThat(all).contains("by (channel)").contains("by (status)").contains("histogram_quantile(0.99");
        // The datasource the panels use is the one provisioned.
        String datasource = Repo.read(Repo.COMPOSE.resolve("grafana/provisioning/datasources/prometheus.yml"));
        Repo.maps(dashboard.get("panels")).forEach(p -> assertThat(datasource)
                .contains("uid: " + Repo.str(Repo.at(p, "datasource", "uid"))));
    }

    /** Metric names registered in the code (Micrometer names with dots, as Prometheus shows them). */
    static Set<String> registeredMetrics() {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(integrity\\.[a-z0-9_.]+)\"");
        for (String module : Repo.modules()) {
            Path src = Repo.ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher m = literal.matcher(Repo.read(f));
                    while (m.find()) {
                        names.add(m.group(1).replace('.', '_'));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    @Test
    void everyIntegrityMetricOnTheDashboardIsRegisteredByTheCode() {
        Set<String> registered = registeredMetrics();
        Matcher m = Pattern.compile("integrity_[a-z0-9_]+").matcher(String.join("\n", expressions()));
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            String metric = m.group().replaceFirst("_(total|count|sum|bucket|max|seconds)$", "");
            if (!registered.contains(metric) && !PENDING.contains(metric)) {
                unknown.add(m.group());
            }
        }
        assertThat(unknown).as("dashboard metrics that no code registers (registered: " + registered + ")").isEmpty();
        assertThat(PENDING).as("pending metrics now registered: remove them from PENDING").doesNotContainAnyElementsOf(registered);
    }
}
