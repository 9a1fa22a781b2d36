package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml against each service's application.yml, the Dockerfile and the realm. */
class ComposeDriftTest {

    private final Compose compose = new Compose();
    private final List<ServiceConfig> services = ServiceConfig.all();

    @Test
    void everyVariableAServiceNeedsIsSet() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : services) {
            Map<String, Compose.Env> env = compose.env(service.name());
            service.mustSet().forEach((variable, why) -> {
                Compose.Env value = env.get(variable);
                if (value == null || value.value() == null || value.value().isBlank()) {
                    problems.add(service + ": " + variable + " is not set in deploy/compose/compose.yaml (" + why
                            + ", " + service.yamlFile() + ")");
                } else if (ServiceConfig.isReplication(variable) && !value.value().equals("3")) {
                    problems.add(service + ": " + variable + " must be 3 in compose, is " + value.value());
                }
            });
        }
        assertThat(problems).as("compose drifted from the services' configuration").isEmpty();
    }

    @Test
    void secretsComeFromUncommittedEnvFilesNeverFromTheComposeFile() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : services) {
            Map<String, Compose.Env> env = compose.env(service.name());
            service.secrets().forEach((variable, why) -> {
                Compose.Env value = env.get(variable);
                if (value != null && value.envFile() == null) {
                    problems.add(service + ": secret " + variable + " is written into compose.yaml; put it in an env_file");
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(Repo.read(Repo.COMPOSE.resolve(".gitignore"))).as("deploy/compose/.gitignore").contains("secrets/*.env");
        try (var files = Files.list(Repo.COMPOSE.resolve("secrets"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".env.example")))
                    .as("committed secret examples").isNotEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eachServiceIsBuiltFromTheDockerfileWithItsModuleAndPortAndNamedConsistently() {
        for (ServiceConfig service : services) {
            Map<String, Object> s = compose.service(service.name());
            assertThat(Repo.str(s.get("image"))).as(service + " image").startsWith(service.image() + ":");
            Map<String, Object> build = Repo.map(s.get("build"));
            assertThat(Repo.str(build.get("dockerfile"))).as(service + " build.dockerfile").isEqualTo("deploy/docker/Dockerfile");
            assertThat(Repo.COMPOSE.resolve(Repo.str(build.get("context"))).normalize()).as(service + " build.context")
                    .isEqualTo(Repo.ROOT);
            Map<String, Object> args = Repo.map(build.get("args"));
            assertThat(Repo.str(args.get("SERVICE"))).as(service + " build arg SERVICE").isEqualTo(service.name());
            assertThat(Repo.str(args.get("PORT"))).as(service + " build arg PORT = server.port of " + service.yamlFile())
                    .isEqualTo(String.valueOf(service.port()));
            assertThat(Repo.str(args.get("MANAGEMENT_PORT")))
                    .as(service + " build arg MANAGEMENT_PORT = management.server.port of " + service.yamlFile())
                    .isEqualTo(String.valueOf(service.managementPort()));
            // The management port is for Prometheus and the health check, inside the compose network only.
            assertThat(String.valueOf(s.get("ports"))).as(service + " publishes no management port")
                    .doesNotContain(String.valueOf(service.managementPort()));
        }
    }

    @Test
    void servicesAreHealthCheckedOnReadinessAndStartInHealthOrder() {
        for (ServiceConfig service : services) {
            assertThat(service.probesEnabled()).as(service.yamlFile() + ": management.endpoint.health.probes.enabled").isTrue();
            Map<String, Object> s = compose.service(service.name());
            assertThat(String.valueOf(Repo.at(s, "healthcheck", "test"))).as(service + " healthcheck")
                    .contains("/usr/local/bin/readiness");
            assertThat(s.get("depends_on")).as(service + " depends_on").isNotNull();
        }
        compose.services().forEach((name, value) -> {
            Object dependsOn = Repo.map(value).get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as(name + ": depends_on must name conditions, not just order").isInstanceOf(Map.class);
            Repo.map(dependsOn).forEach((dependency, condition) -> {
                assertThat(compose.services()).as(name + " depends on an unknown service").containsKey(dependency);
                String wanted = Repo.str(Repo.map(condition).get("condition"));
                assertThat(wanted).as(name + " -> " + dependency)
                        .isIn("service_healthy", "service_completed_successfully");
                if ("service_healthy".equals(wanted)) {
                    assertThat(Repo.map(compose.services().get(dependency))).as(dependency + " has a healthcheck")
                            .containsKey("healthcheck");
                }
            });
        });
    }

    @Test
    void complaintsAndGatewayRunTwiceBehindOneEdge() {
        for (String name : List.of("complaints-service", "gateway")) {
            assertThat(Repo.str(Repo.at(compose.service(name), "deploy", "replicas"))).as(name + " deploy.replicas").isEqualTo("2");
            assertThat(compose.service(name)).as(name + ": replicas cannot publish one host port").doesNotContainKey("ports");
        }
        String nginx = Repo.read(Repo.COMPOSE.resolve("edge/nginx.conf"));
        int gatewayPort = ServiceConfig.named("gateway").port();
        assertThat(nginx).contains("server gateway:" + gatewayPort).contains("location /actuator/");
        // Sessions are in MongoDB, shared by the replicas: the edge spreads requests and pins no browser to one.
        String directives = nginx.replaceAll("(?m)#.*$", "");
        assertThat(directives).doesNotContain("hash ").doesNotContain("sticky").doesNotContain("ip_hash")
                .doesNotContain("$cookie_").doesNotContain("Set-Cookie");
        Map<String, Compose.Env> gateway = compose.env("gateway");
        assertThat(gateway.get("MONGODB_URI")).as("gateway MONGODB_URI (sessions)").isNotNull();
        assertThat(gateway.get("MONGODB_DATABASE").value()).isEqualTo("gateway");
    }

    @Test
    void kafkaIsAThreeNodeKraftClusterAndTheServicesKnowAllOfIt() {
        List<String> brokers = compose.servicesWithImage("apache/kafka:").stream()
                .filter(n -> Repo.str(Repo.at(compose.service(n), "environment", "KAFKA_PROCESS_ROLES")) != null).toList();
        assertThat(brokers).hasSize(3);
        for (String broker : brokers) {
            Map<String, Compose.Env> env = compose.env(broker);
            assertThat(env.get("KAFKA_PROCESS_ROLES").value()).contains("controller").contains("broker");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").value().split(",")).hasSize(3);
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS").value()).isEqualTo("2");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR").value()).isEqualTo("3");
        }
        for (ServiceConfig service : services) {
            Compose.Env bootstrap = compose.env(service.name()).get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null) {
                continue;
            }
            for (String broker : brokers) {
                assertThat(bootstrap.value()).as(service + " KAFKA_BOOTSTRAP_SERVERS").contains(broker + ":9092");
            }
        }
    }

    @Test
    void kafkaInitCreatesEveryTopicTheCodeNamesWithReplicationThreeAndMinInsyncTwo() {
        Map<String, Compose.Env> init = compose.env("kafka-init");
        Set<String> created = new TreeSet<>(Arrays.asList(init.get("INTEGRITY_TOPICS").value().trim().split("\\s+")));
        Set<String> named = new TreeSet<>();
        services.forEach(s -> named.addAll(s.topics()));
        assertThat(named).as("topics named in the services' application.yml").isNotEmpty();
        assertThat(created).as("INTEGRITY_TOPICS of compose service kafka-init").containsAll(named);
        assertThat(named).as("kafka-init creates a topic no service names").containsAll(created);
        assertThat(init.get("TOPIC_REPLICATION_FACTOR").value()).isEqualTo("3");
        assertThat(init.get("TOPIC_MIN_INSYNC_REPLICAS").value()).isEqualTo("2");
        assertThat(String.valueOf(Repo.at(compose.service("kafka-init"), "volumes"))).contains("./kafka/create-topics.sh");
        for (ServiceConfig service : services) {
            if (!service.topics().isEmpty()) {
                assertThat(compose.service(service.name()).get("depends_on")).as(service + " waits for kafka-init")
                        .asString().contains("kafka-init");
            }
        }
    }

    @Test
    void mongoIsAThreeMemberReplicaSetInitiatedByAOneShotAndWrittenWithMajority() {
        List<String> members = compose.servicesWithImage("mongo:").stream()
                .filter(n -> String.valueOf(compose.service(n).get("command")).contains("--replSet")).toList();
        assertThat(members).hasSize(3);
        members.forEach(m -> assertThat(String.valueOf(compose.service(m).get("command"))).contains("rs0"));
        String rsMembers = compose.env("mongo-init").get("RS_MEMBERS").value();
        members.forEach(m -> assertThat(rsMembers).contains(m + ":27017"));
        for (ServiceConfig service : services) {
            Compose.Env uri = compose.env(service.name()).get("MONGODB_URI");
            if (uri == null) {
                continue;
            }
            assertThat(uri.value()).as(service + " MONGODB_URI").contains("replicaSet=rs0").contains("w=majority");
            members.forEach(m -> assertThat(uri.value()).contains(m + ":27017"));
            assertThat(Repo.str(Repo.at(compose.service(service.name()), "depends_on", "mongo-init", "condition")))
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void servicesTrustTheKeycloakIssuerAndTheGatewayFindsTheServices() {
        Map<String, Compose.Env> keycloak = compose.env("keycloak");
        String realm = Repo.str(Repo.yamlMap(Repo.COMPOSE.resolve("keycloak/integrity-realm.json")).get("realm"));
        String issuer = keycloak.get("KC_HOSTNAME").value() + "/realms/" + realm;
        for (ServiceConfig service : services) {
            Compose.Env value = compose.env(service.name()).get("OIDC_ISSUER_URI");
            assertThat(value).as(service + " OIDC_ISSUER_URI").isNotNull();
            assertThat(value.value()).as(service + " OIDC_ISSUER_URI").isEqualTo(issuer);
        }
        ServiceConfig gateway = ServiceConfig.named("gateway");
        Map<String, Compose.Env> env = compose.env("gateway");
        for (ServiceConfig.Placeholder p : gateway.placeholders()) {
            if (!p.name().endsWith("_SERVICE_URL")) {
                continue;
            }
            URI uri = URI.create(env.get(p.name()).value());
            ServiceConfig target = ServiceConfig.named(uri.getHost());
            assertThat(uri.getPort()).as("gateway " + p.name() + " port = server.port of " + target).isEqualTo(target.port());
        }
    }
}
