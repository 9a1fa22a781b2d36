package th.integrity.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository the tests run in, and small helpers to read YAML/JSON trees without a schema. */
final class Repo {

    static final Path ROOT = findRoot();
    static final Path COMPOSE = ROOT.resolve("deploy/compose");
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path DOCKER = ROOT.resolve("deploy/docker");

    private Repo() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>integrity-parent</artifactId>")
                    && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (pom.xml of integrity-parent) not found above "
                + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String rel(Path file) {
        return ROOT.relativize(file.toAbsolutePath().normalize()).toString();
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        return new Yaml(new SafeConstructor(options));
    }

    /** The first document of a YAML (or JSON) file as a map. */
    static Map<String, Object> yamlMap(Path file) {
        Object doc = yaml().load(read(file));
        if (!(doc instanceof Map<?, ?>)) {
            throw new AssertionError(rel(file) + " is not a YAML/JSON mapping");
        }
        return map(doc);
    }

    /** Every non-empty document of a multi-document YAML file. */
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(read(file))) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?>)) {
                throw new AssertionError(rel(file) + " has a document that is not a mapping: " + doc);
            }
            docs.add(map(doc));
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static List<Map<String, Object>> maps(Object value) {
        return list(value).stream().map(Repo::map).toList();
    }

    /** Follows a path of keys ("a.b.c" split on dots, exact keys); null when absent. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** Every string leaf of a tree with its dotted path. */
    static Map<String, String> leaves(Object node) {
        Map<String, String> out = new LinkedHashMap<>();
        collect("", node, out);
        return out;
    }

    private static void collect(String path, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collect(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collect(path + "[" + i + "]", l.get(i), out);
            }
        } else if (node != null) {
            out.put(path, String.valueOf(node));
        }
    }

    /** Reads {@code KEY=value} lines (comments and blanks skipped), as env files and .env.example have. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : read(file).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            out.put(trimmed.substring(0, trimmed.indexOf('=')).strip(), trimmed.substring(trimmed.indexOf('=') + 1));
        }
        return out;
    }

    /** The modules of the root pom. */
    static List<String> modules() {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1).strip());
        }
        return modules;
    }
}
