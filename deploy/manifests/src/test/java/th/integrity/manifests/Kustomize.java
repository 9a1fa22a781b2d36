package th.integrity.manifests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads Kustomize directories: their resource files as listed, and (when kubectl is installed) the build. */
final class Kustomize {

    private Kustomize() {
    }

    static Path kustomization(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new AssertionError(Repo.rel(dir) + " has no kustomization.yaml");
    }

    /** Every document of every resource the kustomization lists, recursively, before patches. */
    static List<Map<String, Object>> resources(Path dir) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object entry : Repo.list(Repo.yamlMap(kustomization(dir)).get("resources"))) {
            Path path = dir.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(path)) {
                out.addAll(resources(path));
            } else {
                out.addAll(Repo.yamlDocuments(path));
            }
        }
        return out;
    }

    /** {@code kubectl kustomize dir}, or empty when kubectl is not installed (the structural tests still run). */
    static Optional<List<Map<String, Object>>> build(Path dir) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + Repo.rel(dir) + " took over 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + Repo.rel(dir) + " failed: " + err);
            }
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : Repo.yaml().loadAll(new String(out, StandardCharsets.UTF_8))) {
                if (doc != null) {
                    docs.add(Repo.map(doc));
                }
            }
            return Optional.of(docs);
        } catch (IOException notInstalled) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String kind(Map<String, Object> resource) {
        return Repo.str(resource.get("kind"));
    }

    static String name(Map<String, Object> resource) {
        return Repo.str(Repo.at(resource, "metadata", "name"));
    }

    static Optional<Map<String, Object>> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(kind(r)) && name.equals(name(r))).findFirst();
    }

    static Map<String, Object> get(List<Map<String, Object>> resources, String kind, String name, String where) {
        return find(resources, kind, name).orElseThrow(() -> new AssertionError(where + " has no " + kind + " " + name));
    }

    /** The overlays' Secret files: the development ones' examples, which name every key a Secret must hold. */
    static final Path DEV_SECRETS = Repo.K8S.resolve("overlays/dev/secrets");

    /**
     * The Secrets an operator creates before applying base or prod (which make none): one per
     * {@code overlays/dev/secrets/<name>.env.example}, named {@code <name>-secrets}, with the example's keys.
     */
    static List<Map<String, Object>> operatorSecrets() {
        List<Map<String, Object>> secrets = new ArrayList<>();
        try (var files = Files.list(DEV_SECRETS)) {
            for (Path example : files.filter(f -> f.getFileName().toString().endsWith(".env.example")).sorted().toList()) {
                Map<String, Object> data = new java.util.LinkedHashMap<>();
                for (String line : Files.readAllLines(example)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0) {
                        data.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                String name = example.getFileName().toString().replace(".env.example", "") + "-secrets";
                secrets.add(Map.of("apiVersion", "v1", "kind", "Secret", "metadata", Map.of("name", name), "stringData", data));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return secrets;
    }

    /**
     * {@code kubectl kustomize} of the dev overlay in a copy of deploy/k8s whose development secrets were made
     * by deploy/compose/init-secrets.sh, as a developer makes them; empty when kubectl is not installed.
     */
    static Optional<List<Map<String, Object>>> buildDevWithGeneratedSecrets() {
        try {
            Path copy = Files.createTempDirectory("k8s-dev");
            try (var files = Files.walk(Repo.K8S)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(Repo.K8S.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!source.getFileName().toString().endsWith(".env")) {
                        Files.copy(source, target);
                    }
                }
            }
            Process script = new ProcessBuilder("bash", Repo.COMPOSE.resolve("init-secrets.sh").toString(),
                    copy.resolve("overlays/dev/secrets").toString()).redirectErrorStream(true).start();
            String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!script.waitFor(60, TimeUnit.SECONDS) || script.exitValue() != 0) {
                throw new AssertionError("init-secrets.sh failed: " + output);
            }
            return build(copy.resolve("overlays/dev"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Names may carry a generator hash suffix (name-abc123) after a build. */
    static Optional<Map<String, Object>> findGenerated(List<Map<String, Object>> resources, String kind, String name) {
        return find(resources, kind, name).or(() -> resources.stream()
                .filter(r -> kind.equals(kind(r)) && name(r) != null && name(r).matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst());
    }
}
