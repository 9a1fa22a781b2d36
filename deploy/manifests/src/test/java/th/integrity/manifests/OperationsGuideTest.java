package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/operations.md names what the manifests use, so the guide cannot silently fall behind them. */
class OperationsGuideTest {

    private final String guide = Repo.read(Repo.ROOT.resolve("docs/operations.md"));

    @Test
    void namesEveryImageAndHowToBuildIt() {
        for (ServiceConfig service : ServiceConfig.all()) {
            assertThat(guide).as("docs/operations.md names image " + service.image()).contains(service.image());
            assertThat(guide).as("docs/operations.md gives the build of " + service).contains("SERVICE=" + service.name() + " ");
        }
        assertThat(guide).contains("docker build -f deploy/docker/Dockerfile");
    }

    @Test
    void namesEveryTopicAndTheProductionSettings() {
        ServiceConfig.all().forEach(s -> s.topics().forEach(t -> assertThat(guide).as("topic " + t).contains("`" + t + "`")));
        assertThat(guide).contains("min.insync.replicas=2").contains("acks=all").contains("w=majority");
    }

    @Test
    void coversTheOperatorsQuestions() {
        for (String section : List.of("## Container images", "## Compose stack", "## Kubernetes", "## How it scales",
                "## Backup and restore", "## Key rotation", "## Retention and deletion", "## Upgrade order",
                "## Running the test suite against real Kafka and MongoDB")) {
            assertThat(guide).as("section " + section).contains(section);
        }
        assertThat(guide).contains("KAFKA_BOOTSTRAP_SERVERS=").contains("MONGODB_URI=").contains("./mvnw -B verify");
    }
}
