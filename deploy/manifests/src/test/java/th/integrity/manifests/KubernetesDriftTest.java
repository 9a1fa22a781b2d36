package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * deploy/k8s against the services' configuration: env, ports, probes, hardening, scaling, network policies,
 * the Ingress and the topic Job. The base is read as written; the overlays are built with
 * {@code kubectl kustomize} when kubectl is installed (skipped otherwise; the structure test still runs).
 */
class KubernetesDriftTest {

    @Test
    void baseIsInStepWithTheCode() {
        List<Map<String, Object>> base = Kustomize.resources(Repo.K8S.resolve("base"));
        assertThat(KubernetesChecks.problems(base, "deploy/k8s/base")).isEmpty();
    }

    @Test
    void devOverlayAsBuiltIsInStepWithTheCode() {
        built("dev");
    }

    @Test
    void prodOverlayAsBuiltIsInStepWithTheCode() {
        List<Map<String, Object>> prod = built("prod");
        // Production points at external clusters, not at the dev overlay's in-cluster ones.
        Map<String, Object> config = Kustomize.get(prod, "ConfigMap", "integrity-config", "prod");
        assertThat(Repo.str(Repo.at(config, "data", "KAFKA_BOOTSTRAP_SERVERS"))).doesNotContain(".kafka:");
        assertThat(Repo.str(Repo.at(config, "data", "OIDC_ISSUER_URI"))).startsWith("https://");
        assertThat(prod.stream().map(Kustomize::kind)).doesNotContain("StatefulSet");
    }

    private static List<Map<String, Object>> built(String overlay) {
        Optional<List<Map<String, Object>>> resources = Kustomize.build(Repo.K8S.resolve("overlays/" + overlay));
        assumeTrue(resources.isPresent(), "kubectl is not installed: overlay " + overlay + " not built");
        assertThat(KubernetesChecks.problems(resources.get(), "deploy/k8s/overlays/" + overlay)).isEmpty();
        return resources.get();
    }
}
