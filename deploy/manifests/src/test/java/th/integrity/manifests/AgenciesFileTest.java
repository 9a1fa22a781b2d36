package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * deploy/compose/agencies.yml (and its Kubernetes copy): one file names the agencies for every service that
 * keeps a list of them, consistently, and every deployment mounts it where the services import it from.
 */
class AgenciesFileTest {

    private final Map<String, Object> file = Repo.yamlMap(Repo.COMPOSE.resolve("agencies.yml"));

    @Test
    void everyServiceListsTheSameAgencies() {
        Set<String> complaints = new TreeSet<>();
        Repo.list(Repo.at(file, "integrity", "complaints", "agencies")).forEach(code -> complaints.add(String.valueOf(code)));
        Set<String> stats = new TreeSet<>();
        Repo.maps(Repo.at(file, "integrity", "stats", "agencies")).forEach(a -> stats.add(Repo.str(a.get("code"))));
        Set<String> gifts = new TreeSet<>(Repo.map(Repo.at(file, "integrity", "gifts", "agencies")).keySet());

        assertThat(complaints).isNotEmpty().isEqualTo(stats).isEqualTo(gifts);
        Repo.maps(Repo.at(file, "integrity", "stats", "agencies")).forEach(a ->
                assertThat(List.of(a.get("name-th"), a.get("name-en"))).as("names of " + a.get("code")).doesNotContainNull());
    }

    @Test
    void theServicesImportItAndEveryDeploymentMountsIt() {
        for (String service : List.of("complaints-service", "gifts-service", "stats-service")) {
            Map<String, Object> yaml = Repo.yamlMap(Repo.ROOT.resolve(service + "/src/main/resources/application.yml"));
            assertThat(Repo.str(Repo.at(yaml, "spring", "config", "import"))).as(service)
                    .isEqualTo("optional:file:${INTEGRITY_AGENCIES_FILE:/etc/integrity/agencies.yml}");
            assertThat(String.valueOf(Repo.at(new Compose().service(service), "volumes"))).as("compose " + service)
                    .contains("./agencies.yml:/etc/integrity/agencies.yml:ro");
            String deployment = Repo.read(Repo.K8S.resolve("base/" + service + ".yaml"));
            assertThat(deployment).as("k8s " + service).contains("mountPath: /etc/integrity").contains("name: integrity-agencies");
        }
        assertThat(Repo.read(Repo.K8S.resolve("base/kustomization.yaml"))).contains("- agencies.yml");
    }
}
