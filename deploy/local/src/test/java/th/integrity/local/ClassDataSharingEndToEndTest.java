package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, with the real service jars (copied to a home of its own, so the test can change one without touching
 * the build): the first start records a class-data archive per service, the second start maps it (read from the
 * services' own memory maps: the JVM ignores an archive it cannot use without a word), and a changed jar records
 * afresh while the others keep theirs.
 *
 * <p>Skipped when the service jars are not built; {@code ./mvnw verify} from the root builds them first.
 */
class ClassDataSharingEndToEndTest {

    /** Kept when the test fails: the services' logs are in data/logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);

    @Test
    void theFirstStartRecordsTheSecondMapsTheArchiveAndAChangedJarRecordsAfresh() throws Exception {
        Path built = Path.of("../..").toAbsolutePath().normalize();
        List<Path> missing = Components.SERVICES.stream().map(spec -> spec.jar(built))
                .filter(jar -> !Files.isRegularFile(jar)).toList();
        Assumptions.assumeTrue(missing.isEmpty(), "service jars not built: " + missing);
        Path home = dir.resolve("home");
        for (ServiceSpec spec : Components.SERVICES) {
            Files.createDirectories(spec.jar(home).getParent());
            Files.copy(spec.jar(built), spec.jar(home));
        }
        // Generous: three starts of the whole system, on machines shared with other builds.
        LauncherConfig config = LauncherConfig.defaults(home, dir.resolve("data")).withFreePorts()
                .withStartupTimeout(Duration.ofMinutes(15));
        Path cds = config.dataDir().resolve("cds");

        // First start: every service records, from its extracted jar; the archives appear once they stopped.
        try (LocalSystem system = LocalSystem.start(config, console)) {
            system.servicePids().forEach((name, pid) -> {
                List<String> command = commandLine(pid);
                assertThat(command).as(name).anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit=" + cds.resolve(name)))
                        .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile"));
                assertThat(command.get(command.indexOf("-jar") + 1)).as(name + " runs its extracted jar")
                        .startsWith(cds.resolve(name).toString()).endsWith("/app/" + name + ".jar");
            });
            assertThat(console()).contains("Class-data sharing: recording");
        }
        Map<String, Path> archives = archives(cds);
        assertThat(archives.keySet()).containsExactlyInAnyOrderElementsOf(
                Components.SERVICES.stream().map(ServiceSpec::name).toList());
        Map<String, FileTime> recorded = new LinkedHashMap<>();
        for (Map.Entry<String, Path> archive : archives.entrySet()) {
            assertThat(Files.size(archive.getValue())).as(archive.getKey()).isGreaterThan(1 << 20);
            recorded.put(archive.getKey(), Files.getLastModifiedTime(archive.getValue()));
        }
        assertThat(recordings(cds)).as("no half-written recording left").isEmpty();

        // Second start: every JVM maps its archive.
        consoleBytes.reset();
        try (LocalSystem system = LocalSystem.start(config, console)) {
            system.servicePids().forEach((name, pid) -> {
                assertThat(commandLine(pid)).as(name).contains("-XX:SharedArchiveFile=" + archives.get(name))
                        .noneMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit"));
                assertThat(maps(pid)).as(name + " has its archive mapped").contains(archives.get(name).toString());
            });
            assertThat(console()).doesNotContain("Class-data sharing: recording");
        }
        for (Map.Entry<String, Path> archive : archives.entrySet()) {
            assertThat(Files.getLastModifiedTime(archive.getValue())).as(archive.getKey() + " kept as it was")
                    .isEqualTo(recorded.get(archive.getKey()));
        }

        // A rebuilt gateway jar (other bytes, the same modification time: the key is the content, not the dates)
        // records afresh and its old extraction and archive go; the others keep theirs.
        Path gatewayJar = Components.service("gateway").jar(home);
        FileTime before = Files.getLastModifiedTime(gatewayJar);
        changeZipComment(gatewayJar);
        Files.setLastModifiedTime(gatewayJar, before);
        consoleBytes.reset();
        try (LocalSystem system = LocalSystem.start(config, console)) {
            system.servicePids().forEach((name, pid) -> {
                List<String> command = commandLine(pid);
                if (name.equals("gateway")) {
                    assertThat(command).anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit="));
                } else {
                    assertThat(command).contains("-XX:SharedArchiveFile=" + archives.get(name));
                }
            });
            assertThat(console()).contains("Class-data sharing: recording gateway (");
        }
        Map<String, Path> after = archives(cds);
        assertThat(after.get("gateway")).isNotEqualTo(archives.get("gateway")).exists();
        assertThat(archives.get("gateway").getParent()).doesNotExist();
        Components.SERVICES.stream().map(ServiceSpec::name).filter(name -> !name.equals("gateway"))
                .forEach(name -> assertThat(after.get(name)).isEqualTo(archives.get(name)));
    }

    /** Each service's archive: {@code cds/<service>/<key>/<service>.jsa}, exactly one per service. */
    private static Map<String, Path> archives(Path cds) throws IOException {
        Map<String, Path> archives = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(cds, 3)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".jsa")
                    && !path.getFileName().toString().endsWith(".recording.jsa")).toList()) {
                String name = cds.relativize(file).getName(0).toString();
                assertThat(file.getFileName().toString()).isEqualTo(name + ".jsa");
                assertThat(archives.put(name, file)).as("one archive for " + name).isNull();
            }
        }
        return archives;
    }

    private static List<Path> recordings(Path cds) throws IOException {
        try (Stream<Path> files = Files.walk(cds, 3)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".recording.jsa")).toList();
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            throw new AssertionError("cannot read the command line of " + pid, e);
        }
    }

    private static String maps(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "maps"));
        } catch (IOException e) {
            throw new AssertionError("cannot read the memory maps of " + pid, e);
        }
    }

    /** Other bytes, still the same valid jar: a comment in the zip's end-of-central-directory record. */
    private static void changeZipComment(Path jar) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        int end = bytes.length - 22;
        ByteBuffer record = ByteBuffer.wrap(bytes, end, 22).order(ByteOrder.LITTLE_ENDIAN);
        Assumptions.assumeTrue(record.getInt(end) == 0x06054b50, "the jar has no zip comment to change");
        byte[] comment = "rebuilt".getBytes(StandardCharsets.US_ASCII);
        record.putShort(end + 20, (short) comment.length);
        byte[] changed = Arrays.copyOf(bytes, bytes.length + comment.length);
        System.arraycopy(comment, 0, changed, bytes.length, comment.length);
        Files.write(jar, changed);
    }

    private String console() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }
}
