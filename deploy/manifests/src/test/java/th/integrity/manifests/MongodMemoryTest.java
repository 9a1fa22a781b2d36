package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every mongod that compose or the Kubernetes dev overlay runs has a memory cap: a container limit, and a WiredTiger
 * cache set well inside it (by default the cache takes half of what the process believes the machine has).
 */
class MongodMemoryTest {

    @Test
    void composeCapsEveryMongod() {
        Compose compose = new Compose();
        for (String member : List.of("mongo-1", "mongo-2", "mongo-3")) {
            Map<String, Object> service = compose.service(member);
            assertThat(String.valueOf(service.get("command"))).as(member).contains("--wiredTigerCacheSizeGB");
            assertThat(Repo.str(Repo.at(service, "deploy", "resources", "limits", "memory"))).as(member).isNotBlank();
        }
    }

    @Test
    void theKubernetesDevOverlayCapsItsMongod() {
        List<Map<String, Object>> resources = Kustomize.resources(Repo.K8S.resolve("overlays/dev"));
        Map<String, Object> set = Kustomize.get(resources, "StatefulSet", "mongo", "overlays/dev");
        Map<String, Object> container = Repo.maps(Repo.at(set, "spec", "template", "spec", "containers")).get(0);
        assertThat(String.valueOf(container.get("args"))).contains("--wiredTigerCacheSizeGB");
        assertThat(Repo.str(Repo.at(container, "resources", "limits", "memory"))).isNotBlank();
    }
}
