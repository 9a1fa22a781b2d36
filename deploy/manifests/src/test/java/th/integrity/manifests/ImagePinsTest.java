package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every image that compose, Kubernetes and the Dockerfile run is an exact release or a digest: a floating tag
 * (mongo:8.0, keycloak:26.4, nginx:1.28-alpine, eclipse-temurin:17-jre) would change what runs on the next pull
 * without anyone changing a file.
 */
class ImagePinsTest {

    private static final Pattern IMAGE = Pattern.compile("(?m)^\\s*(?:-\\s*)?image:\\s*\"?([^\"\\s#]+)\"?|^FROM\\s+(\\S+)");
    /** A digest, or a tag that starts with major.minor.patch (suffixes such as -alpine or _8-jre allowed). */
    private static final Pattern PINNED = Pattern.compile(".+@sha256:[0-9a-f]{64}|[^:@]+:v?\\d+\\.\\d+\\.\\d+([._-][A-Za-z0-9.]+)*"
            + "|[^:@]+:\\$\\{[A-Z_]+:-\\d+\\.\\d+\\.\\d+}"
            // PostgreSQL's releases have two parts: 17.6 is one exact release.
            + "|postgres:\\d+\\.\\d+(-[a-z0-9.]+)?");

    @Test
    void everyImageIsAnExactReleaseOrADigest() throws IOException {
        List<String> floating = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Stream.concat(Files.walk(Repo.COMPOSE), Files.walk(Repo.K8S)), Stream.of(Repo.DOCKER.resolve("Dockerfile")))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(ya?ml)$") || f.endsWith("Dockerfile")).toList()) {
                Matcher m = IMAGE.matcher(Repo.read(file));
                while (m.find()) {
                    String image = m.group(1) != null ? m.group(1) : m.group(2);
                    seen.add(image);
                    if (!PINNED.matcher(image).matches()) {
                        floating.add(Repo.rel(file) + ": " + image);
                    }
                }
            }
        }
        assertThat(seen).as("images found").hasSizeGreaterThan(10);
        assertThat(floating).as("images with a floating tag").isEmpty();
    }

    @Test
    void thePatternRefusesFloatingTags() {
        for (String floating : List.of("mongo:8.0", "mongo", "mongo:latest", "quay.io/keycloak/keycloak:26.4",
                "nginx:1.28-alpine", "eclipse-temurin:17-jre", "eclipse-temurin:17-jdk", "postgres:17-alpine", "postgres:17")) {
            assertThat(PINNED.matcher(floating).matches()).as(floating).isFalse();
        }
        for (String pinned : List.of("mongo:8.0.15", "quay.io/keycloak/keycloak:26.4.0", "nginx:1.28.0-alpine",
                "eclipse-temurin:17.0.16_8-jre", "prom/prometheus:v3.5.0", "integrity/gateway:${INTEGRITY_VERSION:-0.1.0}",
                "postgres:17.6-alpine", "mongo@sha256:" + "0".repeat(64))) {
            assertThat(PINNED.matcher(pinned).matches()).as(pinned).isTrue();
        }
    }
}
