package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The alert rules: one set, provisioned in compose and Kubernetes alike, each rule tested by promtool with a
 * case that fires and one that does not, each reading metrics the code registers and jobs Prometheus scrapes,
 * each explained in docs/operations.md.
 */
class AlertRulesTest {

    private static final Path RULES = Repo.COMPOSE.resolve("prometheus/rules/integrity-alerts.yml");
    private static final Path TESTS = Repo.COMPOSE.resolve("prometheus/tests/integrity-alerts.test.yml");
    private static final Path K8S_RULES = Repo.K8S.resolve("base/prometheus-rules.yaml");

    private static List<Map<String, Object>> rules() {
        List<Map<String, Object>> out = new ArrayList<>();
        Repo.maps(Repo.yamlMap(RULES).get("groups")).forEach(g -> out.addAll(Repo.maps(g.get("rules"))));
        return out;
    }

    @Test
    void kubernetesHasExactlyTheComposeRules() {
        Map<String, Object> rule = Repo.yamlMap(K8S_RULES);
        assertThat(rule.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.get("kind")).isEqualTo("PrometheusRule");
        assertThat(Repo.at(rule, "spec", "groups")).as(Repo.rel(K8S_RULES) + " spec.groups = " + Repo.rel(RULES) + " groups")
                .isEqualTo(Repo.yamlMap(RULES).get("groups"));
        assertThat(Repo.list(Repo.yamlMap(Repo.K8S.resolve("base/kustomization.yaml")).get("resources")))
                .contains(K8S_RULES.getFileName().toString());
    }

    @Test
    void composePrometheusLoadsTheRules() {
        Map<String, Object> prometheus = Repo.yamlMap(Repo.COMPOSE.resolve("prometheus/prometheus.yml"));
        assertThat(Repo.list(prometheus.get("rule_files"))).contains("/etc/prometheus/rules/*.yml");
        Object volumes = Repo.at(Repo.yamlMap(Repo.COMPOSE.resolve("compose.yaml")), "services", "prometheus", "volumes");
        assertThat(Repo.list(volumes)).contains("./prometheus/rules:/etc/prometheus/rules:ro");
    }

    @Test
    void everyAlertIsLabelledInThaiAndEnglishAndExplainedInTheOperationsGuide() {
        String guide = Repo.read(Repo.ROOT.resolve("docs/operations.md"));
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> rule : rules()) {
            String alert = Repo.str(rule.get("alert"));
            assertThat(names.add(alert)).as("alert names are unique: " + alert).isTrue();
            assertThat(Repo.str(Repo.at(rule, "labels", "severity"))).as(alert + " severity").isIn("critical", "warning", "info");
            assertThat(Repo.str(Repo.at(rule, "annotations", "summary"))).as(alert + " summary").isNotBlank();
            assertThat(Repo.str(Repo.at(rule, "annotations", "summary_th"))).as(alert + " summary_th").matches("(?s).*[\\u0E00-\\u0E7F].*");
            String runbook = Repo.str(Repo.at(rule, "annotations", "runbook"));
            assertThat(runbook).as(alert + " runbook").startsWith("docs/operations.md#");
            String anchor = runbook.substring(runbook.indexOf('#') + 1);
            assertThat(guide.lines().filter(l -> l.startsWith("#")).map(AlertRulesTest::anchorOf))
                    .as(alert + ": a heading in docs/operations.md for " + runbook).contains(anchor);
        }
        assertThat(names).as("the alerts operations asked for").contains("IntegrityServiceDown", "IntegrityHttp5xxRate",
                "IntegrityOutboxBacklogGrowing", "IntegrityDeadLetters", "IntegrityConsumerLagHigh",
                "IntegrityCasesOverdue", "IntegrityIdentityRevealsUnusual");
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    private static String anchorOf(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    @Test
    void everyAlertHasATestThatFiresAndOneThatDoesNot() {
        Set<String> fires = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        Map<String, Object> tests = Repo.yamlMap(TESTS);
        assertThat(Repo.list(tests.get("rule_files"))).containsExactly("../rules/integrity-alerts.yml");
        for (Map<String, Object> test : Repo.maps(tests.get("tests"))) {
            for (Map<String, Object> check : Repo.maps(test.get("alert_rule_test"))) {
                String alert = Repo.str(check.get("alertname"));
                (Repo.list(check.get("exp_alerts")).isEmpty() ? silent : fires).add(alert);
            }
        }
        Set<String> alerts = new TreeSet<>(rules().stream().map(r -> Repo.str(r.get("alert"))).toList());
        assertThat(fires).as("alerts with a firing case in " + Repo.rel(TESTS)).containsAll(alerts);
        assertThat(silent).as("alerts with a case that does not fire in " + Repo.rel(TESTS)).containsAll(alerts);
    }

    @Test
    void rulesReadMetricsTheCodeRegistersAndJobsPrometheusScrapes() {
        Set<String> registered = ObservabilityTest.registeredMetrics();
        Set<String> jobs = new TreeSet<>();
        Repo.maps(Repo.yamlMap(Repo.COMPOSE.resolve("prometheus/prometheus.yml")).get("scrape_configs"))
                .forEach(j -> jobs.add(Repo.str(j.get("job_name"))));
        List<String> unknown = new ArrayList<>();
        for (Map<String, Object> rule : rules()) {
            String expr = Repo.str(rule.get("expr"));
            Matcher metric = Pattern.compile("integrity_[a-z0-9_]+").matcher(expr);
            while (metric.find()) {
                if (!registered.contains(metric.group().replaceFirst("_total$", ""))) {
                    unknown.add(rule.get("alert") + ": metric " + metric.group());
                }
            }
            Matcher job = Pattern.compile("job=~?\"([^\"]+)\"").matcher(expr);
            while (job.find()) {
                for (String name : job.group(1).split("\\|")) {
                    if (!jobs.contains(name)) {
                        unknown.add(rule.get("alert") + ": job " + name);
                    }
                }
            }
        }
        assertThat(unknown).as("registered: " + registered + "; scraped jobs: " + jobs).isEmpty();
    }

    @Test
    void promtoolChecksAndTestsTheRules() throws Exception {
        Path promtool = onPath("promtool");
        Assumptions.assumeTrue(promtool != null, "promtool not installed (Debian package prometheus; .ci/run installs"
                + " it): the rules' unit tests in " + Repo.rel(TESTS) + " did not run");
        assertThat(run(promtool.toString(), "check", "rules", RULES.toString())).contains("SUCCESS");
        assertThat(run(promtool.toString(), "test", "rules", TESTS.toString())).contains("SUCCESS");
    }

    private static Path onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, command)).filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }
}
