package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** deploy/docker/Dockerfile: multi-stage, JRE, non-root, layered Boot jar, readiness health check. */
class DockerfileTest {

    private final String dockerfile = Repo.read(Repo.DOCKER.resolve("Dockerfile"));

    @Test
    void buildsWithTheWrapperOnAJdkAndRunsOnAJre() {
        // An exact release (or a digest), never a floating tag such as 17-jre: a rebuild must not change the JVM.
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17\\.0\\.\\d+_\\d+-jdk(@sha256:[0-9a-f]{64})? AS build$")
                .containsPattern("(?m)^FROM eclipse-temurin:17\\.0\\.\\d+_\\d+-jre(@sha256:[0-9a-f]{64})?$")
                .contains("./mvnw -B -q -pl \"${SERVICE}\" -am package");
    }

    @Test
    void theJarItCopiesIsTheOneEachServiceBuilds() {
        assertThat(dockerfile).contains("${SERVICE}/target/${SERVICE}.jar");
        for (ServiceConfig service : ServiceConfig.all()) {
            String pom = Repo.read(service.dir().resolve("pom.xml"));
            Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
            assertThat(finalName.find()).as(service + "/pom.xml sets <finalName>").isTrue();
            assertThat(finalName.group(1)).as(service + " finalName (the Dockerfile copies <module>/target/<module>.jar)")
                    .isEqualTo(service.name());
        }
    }

    @Test
    void runsTheLayeredJarAsANonRootUserWithContainerAwareMemory() {
        // Extracted without the Boot launcher: a plain app.jar and lib/, which class-data sharing needs.
        assertThat(dockerfile).contains(
                "java -Djarmode=tools -jar /src/app.jar extract --layers --destination /layers --application-filename app.jar")
                .doesNotContain("--launcher").doesNotContain("JarLauncher");
        for (String layer : List.of("dependencies", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("COPY --from=build /layers/" + layer + "/ ./");
        }
        assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$")
                .contains("-XX:MaxRAMPercentage=75");
        int user = dockerfile.lastIndexOf("\nUSER ");
        assertThat(dockerfile.indexOf("ENTRYPOINT")).as("USER before ENTRYPOINT").isGreaterThan(user);
    }

    /**
     * Issue 19: the image carries a class-data archive from a training run at build time (after the layers, so it
     * matches the class path the container runs), and every container starts with it.
     */
    @Test
    void startsFromAClassDataArchiveRecordedAtImageBuild() {
        Matcher training = Pattern.compile("(?m)^RUN SPRING_PROFILES_ACTIVE=dev MONGODB_URI=\\S+ \\\\\n"
                + "\\s+KAFKA_BOOTSTRAP_SERVERS=\\S+ java -XX:ArchiveClassesAtExit=app\\.jsa \\\\\n"
                + "\\s+.*-Dspring\\.context\\.exit=onRefresh -jar app\\.jar .*; \\\\\n"
                + "\\s+test -s app\\.jsa \\|\\| \\{ .*exit 1; };.*$").matcher(dockerfile);
        assertThat(training.find()).as("training run writing app.jsa, the build failing without it").isTrue();
        assertThat(training.start()).as("training run after the application layer")
                .isGreaterThan(dockerfile.indexOf("COPY --from=build /layers/application/ ./"));
        String entrypoint = dockerfile.substring(dockerfile.indexOf("ENTRYPOINT"));
        assertThat(entrypoint).contains("\"-XX:SharedArchiveFile=app.jsa\"").contains("\"-jar\", \"app.jar\"]");
        assertThat(dockerfile).containsOnlyOnce("SPRING_PROFILES_ACTIVE").doesNotContainPattern("(?m)^ENV .*SPRING_PROFILES");
    }

    @Test
    void healthCheckAsksTheReadinessGroupWithoutCurlOrWget() {
        assertThat(dockerfile).contains("COPY --chmod=0555 deploy/docker/readiness.sh /usr/local/bin/readiness")
                .containsPattern("(?m)^HEALTHCHECK .*CMD \\[\"/usr/local/bin/readiness\"]$")
                .contains("ENV INTEGRITY_HTTP_PORT=${PORT} INTEGRITY_MANAGEMENT_PORT=${MANAGEMENT_PORT}")
                .containsPattern("(?m)^EXPOSE \\$\\{PORT} \\$\\{MANAGEMENT_PORT}$");
        String script = Repo.read(Repo.DOCKER.resolve("readiness.sh"));
        // The probe is on the management port: the API port serves no actuator.
        assertThat(script).contains("${MANAGEMENT_PORT:-${INTEGRITY_MANAGEMENT_PORT:-")
                .doesNotContain("SERVER_PORT").doesNotContain("INTEGRITY_HTTP_PORT")
                .contains("/actuator/health/readiness").contains("/dev/tcp/").doesNotContainPattern("(?m)^[^#]*\\b(curl|wget)\\b");
        for (ServiceConfig service : ServiceConfig.all()) {
            assertThat(service.probesEnabled()).as(service.yamlFile() + " enables the health probes").isTrue();
        }
    }

    @Test
    void buildContextLeavesOutLocalStateAndSecrets() {
        String ignore = Repo.read(Repo.DOCKER.resolve("Dockerfile.dockerignore"));
        assertThat(ignore).contains("**/target/").contains("data/").contains("deploy/compose/secrets");
    }
}
