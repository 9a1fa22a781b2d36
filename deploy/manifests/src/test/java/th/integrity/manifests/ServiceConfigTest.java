package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules that decide what a deployment must set, on a made-up application.yml. */
class ServiceConfigTest {

    @Test
    void findsRequiredSecretEndpointAndReplicationVariablesAndTopics(@TempDir Path dir) throws IOException {
        Path yml = dir.resolve("application.yml");
        Files.writeString(yml, """
                server:
                  port: ${SERVER_PORT:8085}
                spring:
                  application:
                    name: demo
                  mongodb:
                    uri: ${MONGODB_URI:mongodb://localhost:27017}
                    database: ${MONGODB_DATABASE:demo}
                integrity:
                  demo:
                    must-have: ${NO_DEFAULT}
                    hmac: ${DEMO_SECRET:dev-only}
                    key: ${SIGNING_KEY:abc}
                    redirect: ${PUBLIC_URL:http://localhost:8080}/login
                    topic:
                      name: demo.v1
                      replicas: ${KAFKA_TOPIC_REPLICAS:1}
                    dead-letter-topic: demo.v1-dlt
                  security:
                    roles-claim: ${OIDC_ROLES_CLAIM:roles}
                logging:
                  structured:
                    format:
                      console: ${LOG_FORMAT:ecs}
                """);
        ServiceConfig config = ServiceConfig.load("demo", yml);
        assertThat(config.port()).isEqualTo(8085);
        assertThat(config.mustSet()).containsOnlyKeys("MONGODB_URI", "NO_DEFAULT", "DEMO_SECRET", "SIGNING_KEY",
                "PUBLIC_URL", "KAFKA_TOPIC_REPLICAS");
        assertThat(config.mustSet().get("NO_DEFAULT")).contains("required").contains("integrity.demo.must-have");
        assertThat(config.secrets()).containsOnlyKeys("DEMO_SECRET", "SIGNING_KEY");
        assertThat(config.topics()).containsExactly("demo.v1", "demo.v1-dlt");
        assertThat(config.claimSettings("roles")).singleElement()
                .satisfies(p -> assertThat(p.name() + "=" + p.defaultValue()).isEqualTo("OIDC_ROLES_CLAIM=roles"));
    }

    @Test
    void theRealServicesAreFoundFromTheRootPom() {
        assertThat(ServiceConfig.all()).extracting(ServiceConfig::name)
                .contains("gateway", "complaints-service", "gifts-service", "stats-service");
    }

    /**
     * The actuator of every service is on a management port of its own, distinct from every API port and from
     * every other service's management port (so that one machine, the development launcher, can run them all).
     */
    @Test
    void everyServiceHasItsOwnManagementPortApartFromTheApiPorts() {
        java.util.Map<Integer, String> taken = new java.util.HashMap<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            for (int port : new int[] { service.port(), service.managementPort() }) {
                String other = taken.putIfAbsent(port, service.name());
                assertThat(other).as("port " + port + " of " + service + " is also used by " + other).isNull();
            }
        }
    }
}
