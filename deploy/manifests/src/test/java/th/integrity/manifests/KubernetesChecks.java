package th.integrity.manifests;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The drift checks on a set of Kubernetes resources (the base as written, or an overlay as built): each
 * returns human-readable problems naming the service and what diverged; none means in step with the code.
 */
final class KubernetesChecks {

    /** An environment variable of a container and where its value comes from. */
    record Env(String value, String fromKind) {
    }

    private final List<Map<String, Object>> resources;
    private final String where;
    private final List<String> problems = new ArrayList<>();

    private KubernetesChecks(List<Map<String, Object>> resources, String where) {
        this.resources = resources;
        this.where = where;
    }

    static List<String> problems(List<Map<String, Object>> resources, String where) {
        KubernetesChecks checks = new KubernetesChecks(resources, where);
        checks.run();
        return checks.problems;
    }

    private void problem(String text) {
        problems.add(where + ": " + text);
    }

    private void run() {
        List<ServiceConfig> services = ServiceConfig.all();
        for (ServiceConfig service : services) {
            Map<String, Object> deployment = Kustomize.find(resources, "Deployment", service.name()).orElse(null);
            if (deployment == null) {
                problem("no Deployment " + service.name());
                continue;
            }
            Map<String, Object> pod = Repo.map(Repo.at(deployment, "spec", "template"));
            List<Map<String, Object>> containers = Repo.maps(Repo.at(pod, "spec", "containers"));
            Map<String, Object> container = containers.stream().filter(c -> service.name().equals(c.get("name")))
                    .findFirst().orElse(containers.isEmpty() ? Map.of() : containers.get(0));
            image(service, container);
            ports(service, container, pod);
            env(service, container);
            hardening(service, container, pod);
            scaling(service, pod);
        }
        networkPolicies(services);
        ingress();
        topics(services);
    }

    private void image(ServiceConfig service, Map<String, Object> container) {
        String image = Repo.str(container.get("image"));
        String withoutTag = image == null ? "" : image.replaceFirst(":[^/:]+$", "");
        if (!(withoutTag.equals(service.image()) || withoutTag.endsWith("/" + service.image()))) {
            problem(service + ": image " + image + " is not " + service.image() + " (the name compose and the Dockerfile docs use)");
        }
    }

    private void ports(ServiceConfig service, Map<String, Object> container, Map<String, Object> pod) {
        int port = service.port();
        Map<String, Integer> named = new LinkedHashMap<>();
        Repo.maps(container.get("ports")).forEach(p -> named.put(Repo.str(p.get("name")), Integer.valueOf(Repo.str(p.get("containerPort")))));
        if (!named.containsValue(port)) {
            problem(service + ": containerPort " + named.values() + " is not server.port " + port + " of " + service.yamlFile());
        }
        int management = service.managementPort();
        if (!Objects.equals(named.get("management"), management)) {
            problem(service + ": container port named management is " + named.get("management")
                    + ", not management.server.port " + management + " of " + service.yamlFile());
        }
        Map<String, Object> annotations = Repo.map(Repo.at(pod, "metadata", "annotations"));
        if (!"true".equals(Repo.str(annotations.get("prometheus.io/scrape")))
                || !String.valueOf(management).equals(Repo.str(annotations.get("prometheus.io/port")))
                || !"/actuator/prometheus".equals(Repo.str(annotations.get("prometheus.io/path")))) {
            problem(service + ": pod annotations must point Prometheus at /actuator/prometheus on the management port "
                    + management + ", are " + annotations);
        }
        Map<String, String> probes = Map.of("livenessProbe", "/actuator/health/liveness",
                "readinessProbe", "/actuator/health/readiness", "startupProbe", "/actuator/health/liveness");
        probes.forEach((probe, path) -> {
            Map<String, Object> get = Repo.map(Repo.at(container, probe, "httpGet"));
            if (get.isEmpty()) {
                if (!probe.equals("startupProbe")) {
                    problem(service + ": no " + probe + " httpGet");
                }
                return;
            }
            if (!path.equals(Repo.str(get.get("path")))) {
                problem(service + ": " + probe + " path " + get.get("path") + " is not " + path);
            }
            if (!Objects.equals(resolvePort(get.get("port"), named), management)) {
                problem(service + ": " + probe + " port " + get.get("port") + " is not the management port " + management
                        + " (the API port serves no actuator)");
            }
        });
        if (!service.probesEnabled()) {
            problem(service + ": " + service.yamlFile() + " does not enable management.endpoint.health.probes");
        }
        Map<String, Object> svc = Kustomize.find(resources, "Service", service.name()).orElse(null);
        if (svc == null) {
            problem(service + ": no Service " + service.name());
            return;
        }
        if (!matches(Repo.map(Repo.at(svc, "spec", "selector")), Repo.map(Repo.at(pod, "metadata", "labels")))) {
            problem(service + ": Service selector does not select the Deployment's pods");
        }
        for (Map<String, Object> p : Repo.maps(Repo.at(svc, "spec", "ports"))) {
            Object target = p.getOrDefault("targetPort", p.get("port"));
            if (!Objects.equals(resolvePort(target, named), port)) {
                problem(service + ": Service targetPort " + target + " is not server.port " + port);
            }
            if (!Objects.equals(Integer.valueOf(Repo.str(p.get("port"))), port)) {
                problem(service + ": Service port " + p.get("port") + " differs from server.port " + port
                        + " (the gateway's *_SERVICE_URL and compose use the server port)");
            }
        }
    }

    private static Integer resolvePort(Object port, Map<String, Integer> named) {
        if (port == null) {
            return null;
        }
        String text = String.valueOf(port);
        return text.matches("\\d+") ? Integer.valueOf(text) : named.get(text);
    }

    /** The container's environment: env entries, then envFrom ConfigMaps and Secrets. */
    Map<String, Env> containerEnv(Map<String, Object> container) {
        Map<String, Env> env = new LinkedHashMap<>();
        for (Map<String, Object> from : Repo.maps(container.get("envFrom"))) {
            for (String kind : List.of("ConfigMap", "Secret")) {
                String ref = Repo.str(Repo.at(from, kind.equals("ConfigMap") ? "configMapRef" : "secretRef", "name"));
                if (ref == null) {
                    continue;
                }
                Map<String, Object> source = Kustomize.findGenerated(resources, kind, ref).orElse(null);
                if (source == null) {
                    problem("envFrom refers to a missing " + kind + " " + ref);
                    continue;
                }
                data(source).forEach((k, v) -> env.put(k, new Env(v, kind)));
            }
        }
        for (Map<String, Object> e : Repo.maps(container.get("env"))) {
            String name = Repo.str(e.get("name"));
            if (e.containsKey("value")) {
                env.put(name, new Env(Repo.str(e.get("value")), "value"));
                continue;
            }
            for (String kind : List.of("ConfigMap", "Secret")) {
                Map<String, Object> ref = Repo.map(Repo.at(e, "valueFrom", kind.equals("ConfigMap") ? "configMapKeyRef" : "secretKeyRef"));
                if (ref.isEmpty()) {
                    continue;
                }
                Map<String, Object> source = Kustomize.findGenerated(resources, kind, Repo.str(ref.get("name"))).orElse(null);
                String value = source == null ? null : data(source).get(Repo.str(ref.get("key")));
                if (value == null) {
                    problem(name + " refers to " + kind + " " + ref.get("name") + " key " + ref.get("key") + ", which does not exist");
                }
                env.put(name, new Env(value, kind));
            }
        }
        return env;
    }

    private static Map<String, String> data(Map<String, Object> configMapOrSecret) {
        Map<String, String> out = new LinkedHashMap<>();
        Repo.map(configMapOrSecret.get("data")).forEach((k, v) -> {
            String value = String.valueOf(v);
            if ("Secret".equals(Kustomize.kind(configMapOrSecret))) {
                try {
                    value = new String(java.util.Base64.getMimeDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    // left as it is; the value is only compared for a few settings
                }
            }
            out.put(k, value);
        });
        Repo.map(configMapOrSecret.get("stringData")).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private void env(ServiceConfig service, Map<String, Object> container) {
        Map<String, Env> env = containerEnv(container);
        service.mustSet().forEach((variable, why) -> {
            Env value = env.get(variable);
            if (value == null || value.value() == null || value.value().isBlank()) {
                problem(service + ": " + variable + " is not set in the Deployment (" + why + ", " + service.yamlFile() + ")");
                return;
            }
            if (ServiceConfig.isSecret(variable) && !"Secret".equals(value.fromKind())) {
                problem(service + ": secret " + variable + " comes from " + value.fromKind() + ", not from a Secret");
            }
            if (ServiceConfig.isReplication(variable) && !"3".equals(value.value())) {
                problem(service + ": " + variable + " is " + value.value() + ", production replicates 3 times");
            }
        });
        Env mongo = env.get("MONGODB_URI");
        if (mongo != null && mongo.value() != null && !(mongo.value().contains("w=majority") && mongo.value().contains("replicaSet="))) {
            problem(service + ": MONGODB_URI must name a replica set and w=majority: " + mongo.value());
        }
        if (mongo != null && !"Secret".equals(mongo.fromKind())) {
            problem(service + ": MONGODB_URI carries credentials in production: take it from a Secret");
        }
        if (mongo != null && !egressAllows(podLabels(service.name()), 27017)) {
            problem(service + ": has MONGODB_URI but no egress NetworkPolicy rule allows MongoDB (27017)");
        }
        for (ServiceConfig.Placeholder p : service.placeholders()) {
            if (!p.name().endsWith("_SERVICE_URL") || env.get(p.name()) == null || env.get(p.name()).value() == null) {
                continue;
            }
            URI uri = URI.create(env.get(p.name()).value());
            Map<String, Object> target = Kustomize.find(resources, "Service", uri.getHost()).orElse(null);
            if (target == null) {
                problem(service + ": " + p.name() + " names host " + uri.getHost() + ", which is no Service");
            } else if (Repo.maps(Repo.at(target, "spec", "ports")).stream()
                    .noneMatch(port -> String.valueOf(uri.getPort()).equals(Repo.str(port.get("port"))))) {
                problem(service + ": " + p.name() + " port " + uri.getPort() + " is not a port of Service " + uri.getHost());
            }
        }
    }

    private void hardening(ServiceConfig service, Map<String, Object> container, Map<String, Object> pod) {
        Map<String, Object> podSecurity = Repo.map(Repo.at(pod, "spec", "securityContext"));
        if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))) {
            problem(service + ": pod securityContext.runAsNonRoot must be true");
        }
        Map<String, Object> security = Repo.map(container.get("securityContext"));
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
            problem(service + ": container securityContext.readOnlyRootFilesystem must be true");
        }
        if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
            problem(service + ": allowPrivilegeEscalation must be false");
        }
        boolean tmp = Repo.maps(container.get("volumeMounts")).stream().anyMatch(m -> "/tmp".equals(m.get("mountPath"))
                && Repo.maps(Repo.at(pod, "spec", "volumes")).stream()
                        .anyMatch(v -> Objects.equals(v.get("name"), m.get("name")) && v.containsKey("emptyDir")));
        if (!tmp) {
            problem(service + ": /tmp must be an emptyDir (the root file system is read-only)");
        }
        for (String kind : List.of("requests", "limits")) {
            Map<String, Object> r = Repo.map(Repo.at(container, "resources", kind));
            if (!r.containsKey("cpu") || !r.containsKey("memory")) {
                problem(service + ": resources." + kind + " must set cpu and memory");
            }
        }
    }

    private void scaling(ServiceConfig service, Map<String, Object> pod) {
        Map<String, Object> labels = Repo.map(Repo.at(pod, "metadata", "labels"));
        Map<String, Object> hpa = Kustomize.find(resources, "HorizontalPodAutoscaler", service.name()).orElse(null);
        if (hpa == null) {
            problem(service + ": no HorizontalPodAutoscaler");
        } else {
            if (!service.name().equals(Repo.str(Repo.at(hpa, "spec", "scaleTargetRef", "name")))
                    || !"Deployment".equals(Repo.str(Repo.at(hpa, "spec", "scaleTargetRef", "kind")))) {
                problem(service + ": the HPA does not scale Deployment " + service.name());
            }
            boolean cpu = Repo.maps(Repo.at(hpa, "spec", "metrics")).stream()
                    .anyMatch(m -> "cpu".equals(Repo.str(Repo.at(m, "resource", "name"))));
            if (!cpu) {
                problem(service + ": the HPA has no cpu metric");
            }
            int min = Integer.parseInt(Repo.str(Repo.at(hpa, "spec", "minReplicas")));
            int max = Integer.parseInt(Repo.str(Repo.at(hpa, "spec", "maxReplicas")));
            if (min > max) {
                problem(service + ": HPA minReplicas " + min + " > maxReplicas " + max);
            }
            // An HPA owns the scale: a replicas field in the Deployment would reset it on every apply.
            Kustomize.find(resources, "Deployment", service.name())
                    .filter(deployment -> Repo.at(deployment, "spec", "replicas") != null)
                    .ifPresent(deployment -> problem(service + ": the HPA scales it, so the Deployment must not set replicas"));
        }
        Map<String, Object> pdb = Kustomize.find(resources, "PodDisruptionBudget", service.name()).orElse(null);
        if (pdb == null) {
            problem(service + ": no PodDisruptionBudget");
        } else if (!selects(Repo.map(Repo.at(pdb, "spec", "selector")), labels)) {
            problem(service + ": the PodDisruptionBudget does not select the Deployment's pods");
        }
    }

    private void networkPolicies(List<ServiceConfig> services) {
        List<Map<String, Object>> policies = resources.stream().filter(r -> "NetworkPolicy".equals(Kustomize.kind(r))).toList();
        boolean defaultDeny = policies.stream().anyMatch(p -> Repo.map(Repo.at(p, "spec", "podSelector")).isEmpty()
                && Repo.list(Repo.at(p, "spec", "policyTypes")).contains("Ingress") && Repo.at(p, "spec", "ingress") == null);
        if (!defaultDeny) {
            problem("no default-deny ingress NetworkPolicy (podSelector {} without ingress rules)");
        }
        Map<String, Object> gatewayLabels = podLabels("gateway");
        for (ServiceConfig service : services) {
            Map<String, Object> labels = podLabels(service.name());
            String api = String.valueOf(service.port());
            String management = String.valueOf(service.managementPort());
            List<Map<String, Object>> selecting = policies.stream()
                    .filter(p -> Repo.list(Repo.at(p, "spec", "policyTypes")).contains("Ingress"))
                    .filter(p -> !Repo.map(Repo.at(p, "spec", "podSelector")).isEmpty())
                    .filter(p -> selects(Repo.map(Repo.at(p, "spec", "podSelector")), labels)).toList();
            boolean apiReachable = false;
            boolean managementReachable = false;
            for (Map<String, Object> policy : selecting) {
                for (Map<String, Object> rule : Repo.maps(Repo.at(policy, "spec", "ingress"))) {
                    // A rule without ports opens every port of the pod.
                    List<Map<String, Object>> ports = Repo.maps(rule.get("ports"));
                    boolean opensApi = ports.isEmpty() || ports.stream()
                            .anyMatch(p -> api.equals(Repo.str(p.get("port"))) || "http".equals(p.get("port")));
                    boolean opensManagement = ports.isEmpty() || ports.stream()
                            .anyMatch(p -> management.equals(Repo.str(p.get("port"))) || "management".equals(p.get("port")));
                    if (!opensApi && !opensManagement) {
                        continue;
                    }
                    List<Map<String, Object>> peers = Repo.maps(rule.get("from"));
                    if (peers.isEmpty()) {
                        problem(service + ": NetworkPolicy " + Kustomize.name(policy) + " lets everyone in");
                        continue;
                    }
                    for (Map<String, Object> peer : peers) {
                        boolean hasNamespace = peer.containsKey("namespaceSelector");
                        boolean hasPod = peer.containsKey("podSelector") && !Repo.map(peer.get("podSelector")).isEmpty();
                        boolean fromIngress = hasNamespace && !peer.containsKey("podSelector")
                                && String.valueOf(peer.get("namespaceSelector")).contains("ingress");
                        boolean fromGateway = hasPod && !hasNamespace
                                && selects(Repo.map(peer.get("podSelector")), gatewayLabels);
                        boolean fromPrometheus = hasNamespace && hasPod
                                && String.valueOf(peer.get("namespaceSelector")).contains("monitoring")
                                && String.valueOf(peer.get("podSelector")).contains("prometheus");
                        if (opensApi) {
                            boolean allowed = service.name().equals("gateway") ? fromIngress : fromGateway;
                            if (!allowed) {
                                problem(service + ": NetworkPolicy " + Kustomize.name(policy) + " lets " + peer
                                        + " reach the API port " + api + "; only "
                                        + (service.name().equals("gateway") ? "the ingress controller" : "the gateway")
                                        + " may");
                            }
                        }
                        if (opensManagement && !fromPrometheus) {
                            problem(service + ": NetworkPolicy " + Kustomize.name(policy) + " lets " + peer
                                    + " reach the management port " + management + "; only Prometheus may");
                        }
                    }
                    apiReachable |= opensApi;
                    managementReachable |= opensManagement;
                }
            }
            if (!apiReachable) {
                problem(service + ": no NetworkPolicy lets traffic in on port " + api);
            }
            if (!managementReachable) {
                problem(service + ": no NetworkPolicy lets Prometheus in on the management port " + management);
            }
        }
    }

    /** Whether pods with {@code labels} may open connections to {@code port}: no Egress policy selects them, or one allows it. */
    private boolean egressAllows(Map<String, Object> labels, int port) {
        List<Map<String, Object>> selecting = resources.stream().filter(r -> "NetworkPolicy".equals(Kustomize.kind(r)))
                .filter(p -> Repo.list(Repo.at(p, "spec", "policyTypes")).contains("Egress"))
                .filter(p -> selects(Repo.map(Repo.at(p, "spec", "podSelector")), labels)).toList();
        return selecting.isEmpty() || selecting.stream().flatMap(p -> Repo.maps(Repo.at(p, "spec", "egress")).stream())
                .anyMatch(rule -> rule.get("ports") == null || Repo.maps(rule.get("ports")).stream()
                        .anyMatch(p -> String.valueOf(port).equals(Repo.str(p.get("port")))));
    }

    private Map<String, Object> podLabels(String deployment) {
        return Kustomize.find(resources, "Deployment", deployment)
                .map(d -> Repo.map(Repo.at(d, "spec", "template", "metadata", "labels"))).orElse(Map.of());
    }

    private void ingress() {
        List<Map<String, Object>> ingresses = resources.stream().filter(r -> "Ingress".equals(Kustomize.kind(r))).toList();
        if (ingresses.isEmpty()) {
            problem("no Ingress for the gateway");
        }
        int gatewayPort = ServiceConfig.named("gateway").port();
        for (Map<String, Object> ingress : ingresses) {
            // Browser sessions are in MongoDB, shared by every gateway replica: pinning a browser to one would only
            // unbalance the load and hide a session store that does not work.
            Repo.map(Repo.at(ingress, "metadata", "annotations")).keySet().stream()
                    .filter(annotation -> annotation.contains("affinity") || annotation.contains("session-cookie"))
                    .forEach(annotation -> problem("Ingress " + Kustomize.name(ingress) + " pins browsers to a replica ("
                            + annotation + "); the gateway's sessions are shared"));
            Repo.leaves(ingress.get("spec")).forEach((path, value) -> {
                if (path.endsWith("backend.service.name") && !value.equals("gateway")) {
                    problem("Ingress " + Kustomize.name(ingress) + " exposes " + value + "; only the gateway is public");
                }
                if (path.endsWith("backend.service.port.number") && !value.equals(String.valueOf(gatewayPort))) {
                    problem("Ingress " + Kustomize.name(ingress) + " uses port " + value + ", the gateway's is " + gatewayPort);
                }
                if (path.endsWith("backend.service.port.name") && !value.equals("http")) {
                    problem("Ingress " + Kustomize.name(ingress) + " uses port " + value + "; only the gateway's http port is public");
                }
            });
        }
    }

    private void topics(List<ServiceConfig> services) {
        Map<String, Object> job = Kustomize.find(resources, "Job", "kafka-topics").orElse(null);
        if (job == null) {
            problem("no Job kafka-topics");
            return;
        }
        Map<String, Object> container = Repo.maps(Repo.at(job, "spec", "template", "spec", "containers")).get(0);
        Map<String, Env> env = containerEnv(container);
        Set<String> created = new HashSet<>(Arrays.asList(env.get("INTEGRITY_TOPICS").value().trim().split("\\s+")));
        Set<String> named = new HashSet<>();
        services.forEach(s -> named.addAll(s.topics()));
        for (String topic : named) {
            if (!created.contains(topic)) {
                problem("Job kafka-topics does not create topic " + topic + " that the code names");
            }
        }
        for (String topic : created) {
            if (!named.contains(topic)) {
                problem("Job kafka-topics creates " + topic + ", which no service names");
            }
        }
        if (!"3".equals(env.get("TOPIC_REPLICATION_FACTOR").value()) || !"2".equals(env.get("TOPIC_MIN_INSYNC_REPLICAS").value())) {
            problem("Job kafka-topics must create topics with replication factor 3 and min.insync.replicas 2");
        }
        int partitions = Integer.parseInt(env.get("TOPIC_PARTITIONS").value());
        // The producers declare the same topics: with the same partitions, whichever comes first.
        Kustomize.findGenerated(resources, "ConfigMap", "integrity-config").ifPresent(config -> {
            String declared = data(config).get("KAFKA_TOPIC_PARTITIONS");
            if (!String.valueOf(partitions).equals(declared)) {
                problem("integrity-config KAFKA_TOPIC_PARTITIONS " + declared + " differs from the kafka-topics Job's " + partitions);
            }
        });
        for (ServiceConfig service : services) {
            if (Repo.at(service.yaml(), "spring", "kafka", "consumer") == null) {
                continue;
            }
            Kustomize.find(resources, "HorizontalPodAutoscaler", service.name()).ifPresent(hpa -> {
                int max = Integer.parseInt(Repo.str(Repo.at(hpa, "spec", "maxReplicas")));
                if (max > partitions) {
                    problem(service + " consumes Kafka: maxReplicas " + max + " > " + partitions + " partitions (extra pods would idle)");
                }
            });
        }
    }

    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector.isEmpty()) {
            return true;
        }
        if (!matches(Repo.map(selector.get("matchLabels")), labels)) {
            return false;
        }
        for (Map<String, Object> e : Repo.maps(selector.get("matchExpressions"))) {
            Object value = labels.get(Repo.str(e.get("key")));
            List<Object> values = Repo.list(e.get("values"));
            boolean ok = switch (Repo.str(e.get("operator"))) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Map<String, Object> wanted, Map<String, Object> labels) {
        return wanted.entrySet().stream().allMatch(e -> Objects.equals(String.valueOf(e.getValue()), Repo.str(labels.get(e.getKey()))));
    }
}
