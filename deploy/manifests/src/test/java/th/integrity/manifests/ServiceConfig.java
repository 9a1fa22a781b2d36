package th.integrity.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service's {@code src/main/resources/application.yml} says a deployment must provide: read, never
 * hard-coded here, so that a new variable, port or topic in the code fails the manifests tests until the
 * compose stack and the Kubernetes manifests provide it.
 */
record ServiceConfig(String name, Path dir, Map<String, Object> yaml, List<Placeholder> placeholders) {

    /** A {@code ${NAME:default}} placeholder of an environment variable (upper-case name). */
    record Placeholder(String name, String defaultValue, String property) {
        boolean hasDefault() {
            return defaultValue != null;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::((?:[^{}]|\\{[^{}]*})*))?}");

    /** The services: root-pom modules outside deploy/ and platform that have an application.yml. */
    static List<ServiceConfig> all() {
        List<ServiceConfig> services = new ArrayList<>();
        for (String module : Repo.modules()) {
            Path yml = Repo.ROOT.resolve(module).resolve("src/main/resources/application.yml");
            if (module.startsWith("deploy/") || module.equals("platform") || !Files.isRegularFile(yml)) {
                continue;
            }
            services.add(load(module, yml));
        }
        if (services.isEmpty()) {
            throw new AssertionError("no service module with src/main/resources/application.yml in the root pom");
        }
        return services;
    }

    static ServiceConfig named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name));
    }

    static ServiceConfig load(String module, Path yml) {
        Map<String, Object> tree = Repo.yamlMap(yml);
        List<Placeholder> placeholders = new ArrayList<>();
        Repo.leaves(tree).forEach((property, value) -> {
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                placeholders.add(new Placeholder(m.group(1), m.group(2), property));
            }
        });
        return new ServiceConfig(Path.of(module).getFileName().toString(), Repo.ROOT.resolve(module), tree,
                List.copyOf(placeholders));
    }

    String yamlFile() {
        return Repo.rel(dir.resolve("src/main/resources/application.yml"));
    }

    /** server.port's default (the port the image listens on unless SERVER_PORT says otherwise). */
    int port() {
        String raw = Repo.str(Repo.at(yaml, "server", "port"));
        if (raw == null) {
            throw new AssertionError(yamlFile() + " sets no server.port");
        }
        Matcher m = PLACEHOLDER.matcher(raw);
        return Integer.parseInt(m.matches() ? m.group(2) : raw);
    }

    /**
     * management.server.port's default: where the actuator (probes, metrics, health details) listens, apart from
     * the API port. Every service must set one.
     */
    int managementPort() {
        String raw = Repo.str(Repo.at(yaml, "management", "server", "port"));
        if (raw == null) {
            throw new AssertionError(yamlFile() + " sets no management.server.port: the actuator would be on the API port");
        }
        Matcher m = PLACEHOLDER.matcher(raw);
        return Integer.parseInt(m.matches() ? m.group(2) : raw);
    }

    String image() {
        return "integrity/" + name;
    }

    boolean probesEnabled() {
        return Boolean.parseBoolean(Repo.str(Repo.at(yaml, "management", "endpoint", "health", "probes", "enabled")));
    }

    List<String> exposedEndpoints() {
        String include = Repo.str(Repo.at(yaml, "management", "endpoints", "web", "exposure", "include"));
        return include == null ? List.of() : List.of(include.split("\\s*,\\s*"));
    }

    /**
     * Topic names the service names in its {@code integrity.*} settings: {@code ...topic.name} and every
     * {@code ...-topic} / {@code ...topic} key with a text value.
     */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        Repo.leaves(Repo.at(yaml, "integrity")).forEach((path, value) -> {
            String[] keys = path.split("\\.");
            String last = keys[keys.length - 1];
            boolean topicName = last.equals("name") && keys.length > 1 && keys[keys.length - 2].endsWith("topic");
            if (topicName || last.endsWith("-topic") || last.equals("topic")) {
                topics.add(resolved(value));
            }
        });
        return topics;
    }

    /** The value with each placeholder replaced by its default. */
    static String resolved(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The claim the service reads for {@code what} ("roles" or "agency"): a property {@code <what>-claim}
     * or {@code claims.<what>} anywhere in the file, as (environment variable or null, default).
     */
    List<Placeholder> claimSettings(String what) {
        List<Placeholder> found = new ArrayList<>();
        Repo.leaves(yaml).forEach((path, value) -> {
            if (path.endsWith("." + what + "-claim") || path.endsWith("claims." + what)) {
                Matcher m = PLACEHOLDER.matcher(value);
                found.add(m.matches() ? new Placeholder(m.group(1), m.group(2), path) : new Placeholder(null, value, path));
            }
        });
        return found;
    }

    /**
     * The environment variables a deployment must set for this service, each with why:
     * no default (required), a secret (name has SECRET or KEY: the development default must never run in
     * production), an endpoint whose default is localhost (wrong in any container), or a replication
     * setting (production replicates 3 times).
     */
    Map<String, String> mustSet() {
        Map<String, String> out = new TreeMap<>();
        for (Placeholder p : placeholders) {
            String reason = null;
            if (isSecret(p.name())) {
                reason = "secret";
            } else if (!p.hasDefault()) {
                reason = "required (no default)";
            } else if (p.defaultValue().contains("localhost") || p.defaultValue().contains("127.0.0.1")) {
                reason = "endpoint (default " + p.defaultValue() + ")";
            } else if (isReplication(p.name())) {
                reason = "replication (production: 3)";
            }
            if (reason != null) {
                out.merge(p.name(), reason + " for " + p.property(), (a, b) -> a);
            }
        }
        return out;
    }

    Map<String, String> secrets() {
        Map<String, String> out = new LinkedHashMap<>();
        mustSet().forEach((k, v) -> {
            if (isSecret(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    static boolean isSecret(String variable) {
        String upper = variable.toUpperCase(Locale.ROOT);
        return upper.contains("SECRET") || upper.contains("KEY") || upper.contains("PASSWORD");
    }

    static boolean isReplication(String variable) {
        return variable.contains("REPLICA");
    }

    @Override
    public String toString() {
        return name;
    }
}
