package th.integrity.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** deploy/compose/compose.yaml, with each service's environment resolved from `environment` and `env_file`. */
final class Compose {

    static final Path FILE = Repo.COMPOSE.resolve("compose.yaml");

    /** A variable's value and where it comes from: the env file (secrets) or null for `environment`. */
    record Env(String value, String envFile) {
    }

    private final Map<String, Object> root = Repo.yamlMap(FILE);

    Map<String, Object> services() {
        return Repo.map(root.get("services"));
    }

    Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (service == null) {
            throw new AssertionError("deploy/compose/compose.yaml has no service '" + name + "'");
        }
        return Repo.map(service);
    }

    /**
     * The service's environment. An env file is not committed (it holds secrets): its keys are read from
     * the committed {@code <file>.example} beside it.
     */
    Map<String, Env> env(String name) {
        Map<String, Object> service = service(name);
        Map<String, Env> env = new LinkedHashMap<>();
        Object envFiles = service.get("env_file");
        for (Object entry : envFiles instanceof String single ? List.<Object>of(single) : Repo.list(envFiles)) {
            String path = entry instanceof String s ? s : Repo.str(Repo.map(entry).get("path"));
            Path example = Repo.COMPOSE.resolve(path + ".example").normalize();
            if (!Files.isRegularFile(example)) {
                throw new AssertionError("compose service " + name + " reads env_file " + path + " but "
                        + Repo.rel(example) + " (its committed example) does not exist");
            }
            Repo.envFile(example).forEach((k, v) -> env.put(k, new Env(v, path)));
        }
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), new Env(v == null ? null : String.valueOf(v), null)));
        } else {
            for (Object item : Repo.list(environment)) {
                String line = String.valueOf(item);
                int eq = line.indexOf('=');
                env.put(eq < 0 ? line : line.substring(0, eq), new Env(eq < 0 ? null : line.substring(eq + 1), null));
            }
        }
        return env;
    }

    /** Services whose image is {@code image} (any tag). */
    List<String> servicesWithImage(String imagePrefix) {
        return services().entrySet().stream()
                .filter(e -> String.valueOf(Repo.map(e.getValue()).get("image")).startsWith(imagePrefix))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
