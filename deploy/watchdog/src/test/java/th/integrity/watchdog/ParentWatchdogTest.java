package th.integrity.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM the launcher started with the agent ends once the launcher is gone (killed outright, so its own shutdown
 * could not stop it), and not before; without a pid the agent watches nothing.
 */
class ParentWatchdogTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aServiceEndsOnceItsLauncherIsKilledAndNotBefore() throws Exception {
        Process launcher = start(new ProcessBuilder("sleep", "600"));
        Process service = startWithAgent("", Map.of(ParentWatchdog.ENV, String.valueOf(launcher.pid())));

        assertThat(service.waitFor(3, TimeUnit.SECONDS)).as("alive while its launcher is").isFalse();

        launcher.destroyForcibly().waitFor();

        assertThat(service.waitFor(15, TimeUnit.SECONDS)).as("ended after its launcher").isTrue();
        assertThat(service.exitValue()).isZero();
        assertThat(output()).contains("sleeping app started, watching " + launcher.pid(),
                "launcher process " + launcher.pid() + " is gone; shutting down");
    }

    @Test
    void thePidGivenToTheAgentWinsOverTheEnvironment() throws Exception {
        Process launcher = start(new ProcessBuilder("sleep", "600"));
        Process unrelated = start(new ProcessBuilder("sleep", "600"));
        Process service = startWithAgent("=" + launcher.pid(),
                Map.of(ParentWatchdog.ENV, String.valueOf(unrelated.pid())));

        launcher.destroyForcibly().waitFor();

        assertThat(service.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void withoutALauncherTheAgentWatchesNothing() throws Exception {
        Process service = startWithAgent("", Map.of());

        assertThat(service.waitFor(3, TimeUnit.SECONDS)).as("keeps running").isFalse();
        assertThat(output()).contains("sleeping app started, watching null").doesNotContain("integrity-watchdog");
    }

    @Test
    void thePidComesFromTheArgumentElseTheEnvironment() {
        assertThat(ParentWatchdog.parentPid("123", Map.of(ParentWatchdog.ENV, "456"))).hasValue(123);
        assertThat(ParentWatchdog.parentPid(null, Map.of(ParentWatchdog.ENV, " 456 "))).hasValue(456);
        assertThat(ParentWatchdog.parentPid("", Map.of(ParentWatchdog.ENV, "456"))).hasValue(456);
        for (String hostile : List.of("", " ", "abc", "12 34", "0x10", "99999999999999999999", "-", "0", "-1")) {
            assertThat(ParentWatchdog.parentPid(hostile, Map.of())).as("'%s'", hostile).isEqualTo(OptionalLong.empty());
            assertThat(ParentWatchdog.parentPid(null, Map.of(ParentWatchdog.ENV, hostile))).as("'%s'", hostile)
                    .isEqualTo(OptionalLong.empty());
        }
    }

    @Test
    void theWrittenJarIsAnAgentOfThisClassOnly() throws Exception {
        Path jar = ParentWatchdog.writeAgentJar(dir.resolve("agent/integrity-watchdog.jar"));
        ParentWatchdog.writeAgentJar(jar); // replaces it

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo(ParentWatchdog.class.getName());
            assertThat(file.stream().map(e -> e.getName()).filter(n -> !n.startsWith("META-INF/")))
                    .containsExactly("th/integrity/watchdog/ParentWatchdog.class");
        }
    }

    @Test
    void anUnchangedAgentIsNotRewrittenSoClassDataArchivesStayValid() throws Exception {
        Path jar = ParentWatchdog.writeAgentJar(dir.resolve("again/integrity-watchdog.jar"));
        java.nio.file.attribute.FileTime written = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        java.nio.file.Files.setLastModifiedTime(jar, written);

        ParentWatchdog.writeAgentJar(jar);

        assertThat(java.nio.file.Files.getLastModifiedTime(jar)).isEqualTo(written);
        java.nio.file.Files.write(jar, new byte[] { 1, 2, 3 });
        ParentWatchdog.writeAgentJar(jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo(ParentWatchdog.class.getName());
        }
    }

    private Process startWithAgent(String agentArgument, Map<String, String> environment) throws IOException {
        Path jar = ParentWatchdog.writeAgentJar(dir.resolve("integrity-watchdog.jar"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC", "-javaagent:" + jar + agentArgument,
                "-cp", System.getProperty("java.class.path"), SleepingApp.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.log").toFile());
        builder.environment().remove(ParentWatchdog.ENV);
        builder.environment().putAll(environment);
        return start(builder);
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("output.log"), StandardCharsets.UTF_8);
    }
}
