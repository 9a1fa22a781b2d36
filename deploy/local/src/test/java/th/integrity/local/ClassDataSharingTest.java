package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of {@link ClassDataSharing} that need no JVM of their own; the end-to-end test runs the real thing. */
class ClassDataSharingTest {

    @TempDir
    Path dir;

    @Test
    void theKeyFollowsTheJarsBytesNotItsNameOrDates() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        Path copy = Files.write(dir.resolve("b.jar"), new byte[] {1, 2, 3});
        String key = ClassDataSharing.key(jar);
        assertThat(key).matches("[0-9a-f]{16}").isEqualTo(ClassDataSharing.key(copy));
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(ClassDataSharing.key(copy)).isEqualTo(key);
        Files.write(copy, new byte[] {1, 2, 4});
        assertThat(ClassDataSharing.key(copy)).isNotEqualTo(key);
        Files.write(copy, new byte[] {1, 2, 3, 0});
        assertThat(ClassDataSharing.key(copy)).isNotEqualTo(key);
    }

    @Test
    void flagsThatTurnSharingOffOrChooseAnArchiveLeaveTheLauncherOut() {
        assertThat(ClassDataSharing.enabled(JvmOptions.DEVELOPMENT_DEFAULTS)).isTrue();
        assertThat(ClassDataSharing.enabled(List.of("-Xmx1g", "-XX:+UseG1GC"))).isTrue();
        assertThat(ClassDataSharing.enabled(List.of("-Xmx1g", "-Xshare:off"))).isFalse();
        assertThat(ClassDataSharing.enabled(List.of("-XX:SharedArchiveFile=/mine.jsa"))).isFalse();
        assertThat(ClassDataSharing.enabled(List.of("-XX:ArchiveClassesAtExit=/mine.jsa"))).isFalse();
    }

    @Test
    void aRecordingIsKeptOnlyAfterACleanExitOfTheJvm() throws Exception {
        for (int exitCode : List.of(0, 1, 130, 143)) {
            Path archive = dir.resolve("kept-" + exitCode + ".jsa");
            Files.write(ClassDataSharing.recording(archive), new byte[] {42});
            recording(archive).settle(exitCode);
            assertThat(archive).as("exit code " + exitCode).hasBinaryContent(new byte[] {42});
            assertThat(ClassDataSharing.recording(archive)).doesNotExist();
        }
        // SIGKILL, a crash (SIGABRT, SIGSEGV), an exit code nobody expects: the archive may be cut short.
        for (int exitCode : List.of(137, 134, 139, 2, 255, -1)) {
            Path killed = dir.resolve("killed-" + exitCode + ".jsa");
            Files.write(ClassDataSharing.recording(killed), new byte[] {42});
            recording(killed).settle(exitCode);
            assertThat(killed).as("exit code " + exitCode).doesNotExist();
            assertThat(ClassDataSharing.recording(killed)).doesNotExist();
        }

        Path empty = dir.resolve("empty.jsa");
        Files.write(ClassDataSharing.recording(empty), new byte[0]);
        recording(empty).settle(0);
        assertThat(empty).doesNotExist();

        Path none = dir.resolve("none.jsa");
        recording(none).settle(0);
        assertThat(none).doesNotExist();
    }

    @Test
    void aJarThatIsNotASpringBootJarRunsAsItIs() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "some.Main");
        Path jar = dir.resolve("plain.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
        ClassDataSharing.Launch launch = ClassDataSharing.prepare(dir.resolve("cds"), "plain", jar,
                Path.of(System.getProperty("java.home"), "bin", "java"));
        assertThat(launch.mode()).isEqualTo(ClassDataSharing.Mode.OFF);
        assertThat(launch.options()).isEmpty();
        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(dir.resolve("cds")).doesNotExist();
    }

    private static ClassDataSharing.Launch recording(Path archive) {
        return new ClassDataSharing.Launch(ClassDataSharing.Mode.RECORDING, List.of(), archive, archive);
    }
}
