package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherConfigTest {

    @TempDir
    Path cwd;

    @Test
    void defaultsMatchTheDocumentedPortsAndDirectories() {
        LauncherConfig config = parse(List.of(), Map.of());

        assertThat(config.home()).isEqualTo(cwd);
        assertThat(config.dataDir()).isEqualTo(cwd.resolve("data"));
        assertThat(config.ports()).containsExactly(Map.entry("gateway", 8080), Map.entry("complaints", 8081),
                Map.entry("gifts", 8082), Map.entry("stats", 8083), Map.entry("oidc", 9000), Map.entry("kafka", 9092),
                Map.entry("kafka-controller", 9093), Map.entry("mongodb", 27017), Map.entry("mail", 1025), Map.entry("gateway-management", 9080),
                Map.entry("complaints-management", 9081), Map.entry("gifts-management", 9082),
                Map.entry("stats-management", 9083));
        assertThat(config.serviceJavaOptions()).isEqualTo(JvmOptions.DEVELOPMENT_DEFAULTS);
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(config.mongoUri()).isEqualTo("mongodb://localhost:27017");
        assertThat(config.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.logsDir()).isEqualTo(cwd.resolve("data/logs"));
        assertThat(config.mailDir()).isEqualTo(cwd.resolve("data/mail"));
        assertThat(config.store()).isEqualTo(LauncherConfig.Store.FILE);
    }

    @Test
    void storeCanBeKeptInMemoryAndRejectsAnythingElse() {
        assertThat(parse(List.of(), Map.of("INTEGRITY_STORE", "Memory")).store())
                .isEqualTo(LauncherConfig.Store.MEMORY);
        assertThat(parse(List.of("--store=file"), Map.of("INTEGRITY_STORE", "memory")).store())
                .isEqualTo(LauncherConfig.Store.FILE);
        assertThatThrownBy(() -> parse(List.of("--store=disk"), Map.of()))
                .isInstanceOf(LauncherConfig.ConfigException.class)
                .hasMessageContaining("INTEGRITY_STORE must be file or memory, not 'disk'");
    }

    @Test
    void environmentSetsPortsDirectoriesFlagsAndTimeout() throws Exception {
        Path home = Files.createDirectories(cwd.resolve("repo"));
        LauncherConfig config = parse(List.of(), Map.of(
                "GATEWAY_PORT", "18080", "KAFKA_CONTROLLER_PORT", "19093", "MONGODB_PORT", "37017",
                "INTEGRITY_HOME", home.toString(), "INTEGRITY_DATA", "elsewhere",
                "SERVICE_JAVA_OPTS", " -Xmx512m  -Dfoo=bar ", "STARTUP_TIMEOUT", "5m"));

        assertThat(config.port("gateway")).isEqualTo(18080);
        assertThat(config.port("kafka-controller")).isEqualTo(19093);
        assertThat(config.mongoUri()).isEqualTo("mongodb://localhost:37017");
        assertThat(config.home()).isEqualTo(home);
        assertThat(config.dataDir()).isEqualTo(cwd.resolve("elsewhere"));
        assertThat(config.serviceJavaOptions()).contains("-Xmx512m", "-Dfoo=bar", "-XX:+UseSerialGC")
                .doesNotContain("-Xmx256m");
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        LauncherConfig config = parse(List.of("--gateway-port=28080", "--stats-port=28083", "--startup-timeout=30"),
                Map.of("GATEWAY_PORT", "18080", "COMPLAINTS_PORT", "18081"));

        assertThat(config.port("gateway")).isEqualTo(28080);
        assertThat(config.port("complaints")).isEqualTo(18081);
        assertThat(config.port("stats")).isEqualTo(28083);
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void homeIsFoundFromTheLauncherJar() throws Exception {
        Path home = Files.createDirectories(cwd.resolve("checkout"));
        Path jar = home.resolve("deploy/local/target/integrity-local.jar");

        assertThat(LauncherConfig.parse(List.of(), Map.of(), cwd, Optional.of(jar)).home()).isEqualTo(home);
        assertThat(LauncherConfig.homeOf(cwd.resolve("somewhere/integrity-local.jar"))).isEmpty();
        // The environment still wins over the jar's location.
        assertThat(LauncherConfig.parse(List.of(), Map.of("INTEGRITY_HOME", cwd.toString()), cwd, Optional.of(jar))
                .home()).isEqualTo(cwd);
    }

    @Test
    void badPortNamesTheSetting() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("GATEWAY_PORT", "eighty")))
                .isInstanceOf(LauncherConfig.ConfigException.class)
                .hasMessage("GATEWAY_PORT must be a port number from 1 to 65535, not 'eighty'.");
        assertThatThrownBy(() -> parse(List.of("--mongodb-port=70000"), Map.of()))
                .hasMessage("--mongodb-port must be a port number from 1 to 65535, not '70000'.");
    }

    @Test
    void twoComponentsOnOnePortAreRefused() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("GIFTS_PORT", "8081")))
                .isInstanceOf(LauncherConfig.ConfigException.class)
                .hasMessageContaining("Port 8081 is set for both complaints-service (COMPLAINTS_PORT) and "
                        + "gifts-service (GIFTS_PORT)");
    }

    @Test
    void managementPortsAreSetLikeTheOthersAndMayNotCollide() {
        LauncherConfig config = parse(List.of("--stats-management-port=29083"),
                Map.of("GATEWAY_MANAGEMENT_PORT", "29080", "STATS_MANAGEMENT_PORT", "1"));

        assertThat(config.port("gateway-management")).isEqualTo(29080);
        assertThat(config.port("stats-management")).isEqualTo(29083);
        assertThat(LauncherConfig.usage()).contains("--complaints-management-port=PORT", "COMPLAINTS_MANAGEMENT_PORT");
        assertThatThrownBy(() -> parse(List.of(), Map.of("COMPLAINTS_MANAGEMENT_PORT", "8080")))
                .isInstanceOf(LauncherConfig.ConfigException.class)
                .hasMessageContaining("Port 8080 is set for both gateway (GATEWAY_PORT) and "
                        + "complaints-service management (COMPLAINTS_MANAGEMENT_PORT)");
        assertThatThrownBy(() -> config.withServiceEnvironment("MANAGEMENT_PORT", "1"))
                .hasMessageContaining("MANAGEMENT_PORT is set by the launcher for each service");
        assertThatThrownBy(() -> config.withServiceEnvironment("SERVER_ADDRESS", "0.0.0.0"))
                .hasMessageContaining("SERVER_ADDRESS is set by the launcher for each service");
    }

    @Test
    void unknownArgumentShowsTheUsage() {
        assertThatThrownBy(() -> parse(List.of("--gatway-port=1"), Map.of()))
                .hasMessageStartingWith("Unknown argument --gatway-port=1.")
                .hasMessageContaining("--gateway-port=PORT")
                .hasMessageContaining("GATEWAY_PORT");
    }

    @Test
    void badTimeoutAndMissingHomeAreExplained() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("STARTUP_TIMEOUT", "soon")))
                .hasMessageContaining("STARTUP_TIMEOUT must be a positive number of seconds");
        assertThatThrownBy(() -> parse(List.of(), Map.of("STARTUP_TIMEOUT", "0")))
                .hasMessageContaining("STARTUP_TIMEOUT must be a positive number of seconds");
        assertThatThrownBy(() -> parse(List.of("--home=" + cwd.resolve("nowhere")), Map.of()))
                .hasMessageContaining("is not a directory")
                .hasMessageContaining("INTEGRITY_HOME");
    }

    @Test
    void theLauncherAloneSetsEachServicesPortAndParent() {
        LauncherConfig config = LauncherConfig.defaults(cwd, cwd.resolve("data"));

        assertThat(config.withServiceEnvironment("OIDC_ISSUER_URI", "http://localhost:9000").serviceEnvironment())
                .containsExactly(Map.entry("OIDC_ISSUER_URI", "http://localhost:9000"));
        assertThatThrownBy(() -> config.withServiceEnvironment("SERVER_PORT", "1"))
                .hasMessageContaining("SERVER_PORT is set by the launcher for each service");
    }

    @Test
    void freePortsAreDistinct() {
        LauncherConfig config = LauncherConfig.defaults(cwd, cwd.resolve("data")).withFreePorts();

        assertThat(config.ports().values()).doesNotHaveDuplicates().doesNotContain(8080, 9092, 27017);
    }

    private LauncherConfig parse(List<String> args, Map<String, String> env) {
        return LauncherConfig.parse(args, env, cwd, Optional.empty());
    }
}
