package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every kustomization names files that exist and parse; overlays build on the base; copies stay copies. */
class KustomizeStructureTest {

    private static List<Path> kustomizationDirs() {
        try (Stream<Path> files = Files.walk(Repo.K8S)) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyListedResourcePatchAndGeneratorFileExistsAndParses() {
        List<String> problems = new ArrayList<>();
        List<Path> dirs = kustomizationDirs();
        assertThat(dirs.stream().map(Repo::rel)).contains("deploy/k8s/base", "deploy/k8s/overlays/dev", "deploy/k8s/overlays/prod");
        for (Path dir : dirs) {
            Map<String, Object> k = Repo.yamlMap(Kustomize.kustomization(dir));
            for (Object entry : Repo.list(k.get("resources"))) {
                Path path = dir.resolve(String.valueOf(entry)).normalize();
                if (Files.isDirectory(path)) {
                    if (!Files.isRegularFile(path.resolve("kustomization.yaml"))) {
                        problems.add(Repo.rel(dir) + ": resource directory " + entry + " has no kustomization.yaml");
                    }
                } else if (!Files.isRegularFile(path)) {
                    problems.add(Repo.rel(dir) + ": resource " + entry + " does not exist");
                } else {
                    for (Map<String, Object> doc : Repo.yamlDocuments(path)) {
                        if (doc.get("apiVersion") == null || doc.get("kind") == null || Kustomize.name(doc) == null) {
                            problems.add(Repo.rel(path) + ": a document without apiVersion, kind or metadata.name");
                        }
                    }
                }
            }
            List<Map<String, Object>> targets = Kustomize.resources(dir);
            for (Map<String, Object> patch : Repo.maps(k.get("patches"))) {
                Path path = dir.resolve(Repo.str(patch.get("path"))).normalize();
                if (!Files.isRegularFile(path)) {
                    problems.add(Repo.rel(dir) + ": patch " + patch.get("path") + " does not exist");
                    continue;
                }
                for (Map<String, Object> doc : Repo.yamlDocuments(path)) {
                    if (Kustomize.find(targets, Kustomize.kind(doc), Kustomize.name(doc)).isEmpty()) {
                        problems.add(Repo.rel(path) + ": patches " + Kustomize.kind(doc) + " " + Kustomize.name(doc)
                                + ", which " + Repo.rel(dir) + " does not have");
                    }
                }
            }
            for (Map<String, Object> generator : Repo.maps(k.get("configMapGenerator"))) {
                for (Object file : Repo.list(generator.get("files"))) {
                    String name = String.valueOf(file).replaceFirst("^[^=]+=", "");
                    if (!Files.isRegularFile(dir.resolve(name))) {
                        problems.add(Repo.rel(dir) + ": configMapGenerator file " + name + " does not exist");
                    }
                }
            }
            for (Map<String, Object> image : Repo.maps(k.get("images"))) {
                String name = Repo.str(image.get("name"));
                boolean used = targets.stream().anyMatch(r -> Repo.leaves(r).entrySet().stream()
                        .anyMatch(e -> e.getKey().endsWith(".image") && e.getValue().startsWith(name + ":")));
                if (!used) {
                    problems.add(Repo.rel(dir) + ": images entry " + name + " matches no container image");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void overlaysBuildOnTheBaseAndSetANamespace() {
        for (String overlay : List.of("dev", "prod")) {
            Map<String, Object> k = Repo.yamlMap(Kustomize.kustomization(Repo.K8S.resolve("overlays/" + overlay)));
            assertThat(Repo.list(k.get("resources"))).as(overlay + " resources").contains("../../base");
            assertThat(Repo.str(k.get("namespace"))).as(overlay + " namespace").isNotBlank();
        }
    }

    @Test
    void filesSharedWithComposeAreByteIdenticalCopies() {
        Map<String, String> copies = Map.of(
                "deploy/compose/kafka/create-topics.sh", "deploy/k8s/base/kafka/create-topics.sh",
                "deploy/compose/agencies.yml", "deploy/k8s/base/agencies.yml",
                "deploy/compose/keycloak/integrity-realm.json", "deploy/k8s/overlays/dev/keycloak/integrity-realm.json",
                "deploy/compose/keycloak/dev/integrity-users-0.json", "deploy/k8s/overlays/dev/keycloak/integrity-users-0.json",
                "deploy/compose/mongo/init-replica-set.js", "deploy/k8s/overlays/dev/mongo/init-replica-set.js");
        // Kustomize loads no file outside its directory, so the Kubernetes side keeps a copy.
        copies.forEach((source, copy) -> assertThat(Repo.read(Repo.ROOT.resolve(copy)))
                .as(copy + " must equal " + source + " (cp " + source + " " + copy + ")")
                .isEqualTo(Repo.read(Repo.ROOT.resolve(source))));
    }

    @Test
    void secretsExistOnlyAsDevelopmentPlaceholdersThatAreNeverCommittedFilledIn() throws java.io.IOException {
        assertThat(Repo.ROOT.resolve("deploy/k8s/base/secrets.yaml")).doesNotExist();
        try (var files = java.nio.file.Files.list(Kustomize.DEV_SECRETS)) {
            List<java.nio.file.Path> examples = files.filter(f -> f.toString().endsWith(".env.example")).toList();
            assertThat(examples).hasSize(5);
            for (java.nio.file.Path example : examples) {
                for (String line : java.nio.file.Files.readAllLines(example)) {
                    String key = line.contains("=") ? line.substring(0, line.indexOf('=')) : "";
                    if (!line.startsWith("#") && ServiceConfig.isSecret(key) && !key.endsWith("_ID") && !key.equals("DEMO_PASSWORD")) {
                        assertThat(line).as(Repo.rel(example) + " " + key).contains("CHANGE-ME");
                    }
                }
            }
        }
        assertThat(Repo.read(Kustomize.DEV_SECRETS.resolve(".gitignore"))).contains("*.env");
    }
}
