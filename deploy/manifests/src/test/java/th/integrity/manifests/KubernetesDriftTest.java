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
    void baseIsInStepWithTheCodeGivenTheOperatorsSecrets() {
        List<Map<String, Object>> base = new ArrayList<>(Kustomize.resources(Repo.K8S.resolve("base")));
        assertThat(base.stream().map(Kustomize::kind)).as("the base makes no Secret").doesNotContain("Secret");
        base.addAll(Kustomize.operatorSecrets());
        assertThat(KubernetesChecks.problems(base, "deploy/k8s/base")).isEmpty();
    }

    @Test
    void devOverlayAsBuiltIsInStepWithTheCode() {
        Optional<List<Map<String, Object>>> dev = Kustomize.buildDevWithGeneratedSecrets();
        assumeTrue(dev.isPresent(), "kubectl is not installed: overlay dev not built");
        assertThat(KubernetesChecks.problems(dev.get(), "deploy/k8s/overlays/dev")).isEmpty();
        // Generated, not placeholders: nothing in a dev Secret is CHANGE-ME, and the identity key is AES-256.
        List<Map<String, Object>> secrets = dev.get().stream().filter(r -> "Secret".equals(Kustomize.kind(r))).toList();
        assertThat(secrets).hasSize(5).allSatisfy(secret -> assertThat(String.valueOf(secret.get("data"))).doesNotContain(
                java.util.Base64.getEncoder().encodeToString("CHANGE-ME".getBytes())));
    }

    @Test
    void prodRendersNoSecretSoApplyingItNeverReplacesTheOperatorsOwn() {
        Optional<List<Map<String, Object>>> prod = Kustomize.build(Repo.K8S.resolve("overlays/prod"));
        assumeTrue(prod.isPresent(), "kubectl is not installed: overlay prod not built");
        assertThat(prod.get().stream().map(Kustomize::kind)).doesNotContain("Secret");
        assertThat(prod.get().toString()).doesNotContain("CHANGE-ME");
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

    /** The prod overlay as built, with the Secrets its operator creates out of band. */
    private static List<Map<String, Object>> built(String overlay) {
        Optional<List<Map<String, Object>>> built = Kustomize.build(Repo.K8S.resolve("overlays/" + overlay));
        assumeTrue(built.isPresent(), "kubectl is not installed: overlay " + overlay + " not built");
        List<Map<String, Object>> resources = new ArrayList<>(built.get());
        resources.addAll(Kustomize.operatorSecrets());
        assertThat(KubernetesChecks.problems(resources, "deploy/k8s/overlays/" + overlay)).isEmpty();
        return resources;
    }
}
