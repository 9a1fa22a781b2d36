package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
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

    /**
     * The network-policy check catches every way of opening an internal door: a policy that lets the monitoring
     * namespace (any pod) or the ingress controller onto a management port, one that opens every port, Prometheus
     * let onto a service's API port, and probes on the API port.
     */
    @Test
    void anInternalDoorOpenedByAPolicyOrAProbeIsCaught() {
        assertThat(problemsWith("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: { name: hostile }
                spec:
                  podSelector: { matchLabels: { app.kubernetes.io/name: stats-service } }
                  policyTypes: [Ingress]
                  ingress:
                    - from: [ { namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: monitoring } } } ]
                      ports: [ { port: 9083 } ]
                """)).anyMatch(p -> p.contains("reach the management port 9083; only Prometheus may"));
        assertThat(problemsWith("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: { name: hostile }
                spec:
                  podSelector: { matchLabels: { app.kubernetes.io/name: gateway } }
                  policyTypes: [Ingress]
                  ingress:
                    - from: [ { namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } } ]
                """)).anyMatch(p -> p.contains("reach the management port 9080; only Prometheus may"));
        assertThat(problemsWith("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: { name: hostile }
                spec:
                  podSelector: { matchLabels: { app.kubernetes.io/name: gifts-service } }
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: monitoring } }
                          podSelector: { matchLabels: { app.kubernetes.io/name: prometheus } }
                      ports: [ { port: http } ]
                """)).anyMatch(p -> p.contains("reach the API port 8082; only the gateway may"));
        assertThat(problemsWith("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: { name: hostile }
                spec:
                  podSelector: { matchLabels: { app.kubernetes.io/name: complaints-service } }
                  policyTypes: [Ingress]
                  ingress:
                    - ports: [ { port: management } ]
                """)).anyMatch(p -> p.contains("lets everyone in"));

        List<Map<String, Object>> base = Kustomize.resources(Repo.K8S.resolve("base"));
        Map<String, Object> gateway = Kustomize.get(base, "Deployment", "gateway", "base");
        Map<String, Object> container = Repo.maps(Repo.at(gateway, "spec", "template", "spec", "containers")).get(0);
        Repo.map(Repo.at(container, "readinessProbe", "httpGet")).put("port", "http");
        assertThat(KubernetesChecks.problems(base, "hostile"))
                .anyMatch(p -> p.contains("readinessProbe port http is not the management port 9080"));
    }

    private static List<String> problemsWith(String extraResource) {
        List<Map<String, Object>> resources = new ArrayList<>(Kustomize.resources(Repo.K8S.resolve("base")));
        resources.add(Repo.yaml().load(extraResource));
        return KubernetesChecks.problems(resources, "hostile");
    }

    private static List<Map<String, Object>> built(String overlay) {
        Optional<List<Map<String, Object>>> resources = Kustomize.build(Repo.K8S.resolve("overlays/" + overlay));
        assumeTrue(resources.isPresent(), "kubectl is not installed: overlay " + overlay + " not built");
        assertThat(KubernetesChecks.problems(resources.get(), "deploy/k8s/overlays/" + overlay)).isEmpty();
        return resources.get();
    }
}
