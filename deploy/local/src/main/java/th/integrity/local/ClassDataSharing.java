package th.integrity.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Class-data sharing (AppCDS) for the service JVMs: most of a Spring Boot service's start-up is loading and
 * verifying the same ten thousand classes every time, and a JVM can map them from an archive instead.
 *
 * <p>Per service, under {@code <data>/cds/<service>/<key>/}: {@code app/}, the Boot jar extracted by Spring Boot's
 * own {@code -Djarmode=tools extract} (the JVM archives only classes loaded from plain jars on the class path, never
 * from a Boot jar's nested jars), and {@code <service>.jsa}, the archive. The key is a digest of the jar's bytes and
 * of the JVM that runs it: a rebuilt jar or another JDK gets a fresh extraction and archive (a stale archive would
 * not fail, the JVM would silently ignore it on every start), and older keys are deleted.
 *
 * <p>The first start records: the JVM runs with {@code -XX:ArchiveClassesAtExit} and writes the archive when it
 * exits, so the first start costs no extra run. It writes to {@code <service>.recording.jsa}, which becomes
 * {@code <service>.jsa} only after the service stopped by itself or on SIGTERM (a JVM killed while writing would
 * leave half an archive). Every later start runs with {@code -XX:SharedArchiveFile}. Off when the service flags say
 * {@code -Xshare:off} or name an archive themselves; jars that are not Spring Boot jars run as they are.
 */
final class ClassDataSharing {

    /** The directory under the data directory. */
    static final String DIRECTORY = "cds";

    /**
     * The JVM warns about every class it leaves out of the archive (not linked, failed verification, generated):
     * hundreds of lines per service log that need no action. Errors still show.
     */
    static final String QUIET = "-Xlog:cds=error,cds+dynamic=error";
    /**
     * Every JVM the launcher starts carries the watchdog agent ({@code -javaagent}): the JVM records an archive beside
     * an agent, and maps it later, only with this diagnostic switch, the same at both. The agent is one class of the
     * JDK's own API, loaded the same way at every start, so the archive stays valid with it.
     */
    static final String WITH_AGENT = "-XX:+AllowArchivingWithJavaAgent";
    static final String UNLOCK_DIAGNOSTIC = "-XX:+UnlockDiagnosticVMOptions";
    private static final String RECORDING_SUFFIX = ".recording.jsa";
    private static final String ARCHIVE_SUFFIX = ".jsa";
    /**
     * Exit codes after which the JVM ran its whole exit path, archive included: a normal end or a failed start
     * (0, 1; the parent watchdog exits 0) and SIGINT or SIGTERM (130, 143). Anything else (SIGKILL, a crash) may
     * have cut the archive short.
     */
    private static final Set<Integer> CLEAN_EXITS = Set.of(0, 1, 128 + 2, 128 + 15);

    /** How a service's JVM uses the archive this time. */
    enum Mode {
        /** Not at all: switched off, or not a Spring Boot jar. */
        OFF,
        /** No archive yet: this run records one. */
        RECORDING,
        /** Maps the archive recorded by an earlier run. */
        SHARING
    }

    /**
     * One service's start.
     *
     * @param options   flags to add to the service's JVM flags
     * @param jar       the jar to run: the extracted one, or the original when {@link Mode#OFF}
     * @param archive   where the archive is (or will be); null when {@link Mode#OFF}
     */
    record Launch(Mode mode, List<String> options, Path jar, Path archive) {

        static Launch off(Path jar) {
            return new Launch(Mode.OFF, List.of(), jar, null);
        }

        /**
         * After the service's JVM has exited: keeps what it recorded if it exited cleanly; otherwise the archive
         * may be half written, and the next start records again.
         */
        void settle(int exitCode) {
            if (mode != Mode.RECORDING) {
                return;
            }
            Path recording = recording(archive);
            try {
                if (CLEAN_EXITS.contains(exitCode) && Files.size(recording) > 0) {
                    Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(recording);
                }
            } catch (IOException e) {
                // No archive this time (not written, say): the next start records again.
            }
        }
    }

    private ClassDataSharing() {
    }

    /** Whether the service flags leave class-data sharing to the launcher. */
    static boolean enabled(List<String> javaOptions) {
        return javaOptions.stream().noneMatch(option -> option.equals("-Xshare:off")
                || option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-XX:ArchiveClassesAtExit"));
    }

    /**
     * Prepares a service's start: extracts its jar if this jar and JVM have no extraction yet (deleting those of
     * other jars and JVMs) and says whether to record or to share.
     *
     * @param cacheRoot {@code <data>/cds}
     * @param java      the java executable that runs the services (and the extraction)
     * @throws UncheckedIOException when the jar cannot be read or extracted
     */
    static Launch prepare(Path cacheRoot, String name, Path jar, Path java) {
        if (!isBootJar(jar)) {
            return Launch.off(jar);
        }
        Path serviceDir = cacheRoot.resolve(name);
        String key = key(jar);
        Path keyDir = serviceDir.resolve(key);
        Path app = keyDir.resolve("app");
        Path extractedJar = app.resolve(name + ".jar");
        Path archive = keyDir.resolve(name + ARCHIVE_SUFFIX);
        try {
            deleteOthers(serviceDir, key);
            if (!Files.isRegularFile(extractedJar)) {
                extract(jar, keyDir, app, name, java);
                Files.deleteIfExists(archive);
            }
            Files.deleteIfExists(recording(archive));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + name + " for class-data sharing in "
                    + Display.path(keyDir) + ": " + e.getMessage(), e);
        }
        if (Files.isRegularFile(archive)) {
            return new Launch(Mode.SHARING, List.of("-XX:SharedArchiveFile=" + archive, UNLOCK_DIAGNOSTIC,
                    WITH_AGENT, QUIET), extractedJar, archive);
        }
        return new Launch(Mode.RECORDING, List.of("-XX:ArchiveClassesAtExit=" + recording(archive),
                UNLOCK_DIAGNOSTIC, WITH_AGENT, QUIET), extractedJar, archive);
    }

    static Path recording(Path archive) {
        String file = archive.getFileName().toString();
        return archive.resolveSibling(file.substring(0, file.length() - ARCHIVE_SUFFIX.length()) + RECORDING_SUFFIX);
    }

    /** A digest of the jar's bytes and of the JVM, in 16 hex digits. */
    static String key(Path jar) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(jar)) {
                for (int read; (read = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, read);
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + Display.path(jar) + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Spring Boot's own extraction, into a fresh directory renamed into place once complete. */
    private static void extract(Path jar, Path keyDir, Path app, String name, Path java) throws IOException {
        Path partial = keyDir.resolve("app.partial");
        deleteRecursively(partial);
        deleteRecursively(app);
        Files.createDirectories(keyDir);
        Path log = keyDir.resolve("extract.log");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Djarmode=tools",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "extract", "--destination",
                partial.toString(), "--application-filename", name + ".jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("extracting " + Display.path(jar) + " took more than 5 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + Display.path(jar), e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(partial.resolve(name + ".jar"))) {
            throw new IOException("extracting " + Display.path(jar) + " failed (exit code " + process.exitValue()
                    + "); see " + Display.path(log));
        }
        Files.move(partial, app, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteOthers(Path serviceDir, String key) throws IOException {
        if (!Files.isDirectory(serviceDir)) {
            return;
        }
        try (Stream<Path> keys = Files.list(serviceDir)) {
            for (Path other : keys.filter(path -> !path.getFileName().toString().equals(key)).toList()) {
                deleteRecursively(other);
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
