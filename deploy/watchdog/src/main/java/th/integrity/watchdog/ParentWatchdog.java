package th.integrity.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Ends a JVM when the development launcher that started it is gone. The launcher stops its children on Ctrl-C or
 * SIGTERM itself; this covers the launcher being killed outright (SIGKILL, a crashed IDE), which would otherwise
 * leave services holding their ports.
 *
 * <p>A Java agent rather than a bean in the services: it is the launcher's concern, so it lives in no production
 * jar. The launcher starts every JVM with {@code -javaagent:<data>/integrity-watchdog.jar} (written by
 * {@link #writeAgentJar(Path)}) and {@value #ENV} in the environment; the agent's argument, when given, wins over
 * the environment. Without either it does nothing.
 */
public final class ParentWatchdog {

    /** Set by the launcher on every process it starts: the pid to watch. */
    public static final String ENV = "INTEGRITY_PARENT_PID";

    /** The system property the agent sets to the pid it watches, so a process (and a test) can tell. */
    public static final String WATCHING = "integrity.watchdog.parent";

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private ParentWatchdog() {
    }

    /** The agent's entry point, before the application's {@code main}. */
    public static void premain(String arguments) {
        parentPid(arguments, System.getenv()).ifPresent(pid -> {
            System.setProperty(WATCHING, String.valueOf(pid));
            watch(pid, () -> {
                System.err.println("integrity-watchdog: launcher process " + pid + " is gone; shutting down");
                // System.exit, not halt: Spring's shutdown hook closes the context (graceful shutdown, outbox relay).
                System.exit(0);
            });
        });
    }

    /** The pid from the agent's argument, else from {@value #ENV}; empty when neither names a positive number. */
    static OptionalLong parentPid(String arguments, Map<String, String> environment) {
        String value = arguments != null && !arguments.isBlank() ? arguments : environment.get(ENV);
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(value.strip());
            if (pid > 0) {
                return OptionalLong.of(pid);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("integrity-watchdog: not a process id, not watching: " + value);
        return OptionalLong.empty();
    }

    /** Checks every {@link #INTERVAL} on a daemon thread, and runs {@code gone} once the process has ended. */
    static Thread watch(long parentPid, Runnable gone) {
        Thread thread = new Thread(() -> {
            try {
                while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                    Thread.sleep(INTERVAL.toMillis());
                }
                gone.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "parent-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Writes this agent as a jar to {@code target} (replacing it) and returns it: the launcher does this at start,
     * so the agent reaches the services from whatever the launcher runs from (its own jar, a test's class path).
     */
    /** 2000-01-01T00:00:00Z: the class entry's date, fixed so that the agent jar's bytes are the same each time. */
    private static final long FIXED_TIME = 946_684_800_000L;

    public static Path writeAgentJar(Path target) {
        String entry = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "integrity-watchdog", ".tmp");
            try (InputStream bytes = ParentWatchdog.class.getClassLoader().getResourceAsStream(entry);
                    OutputStream file = Files.newOutputStream(temporary);
                    JarOutputStream jar = new JarOutputStream(file, manifest)) {
                if (bytes == null) {
                    throw new IOException("class file " + entry + " not found");
                }
                JarEntry classFile = new JarEntry(entry);
                classFile.setTime(FIXED_TIME); // the same bytes every time, so an unchanged agent is not rewritten
                jar.putNextEntry(classFile);
                bytes.transferTo(jar);
                jar.closeEntry();
            }
            // Left as it is when unchanged: a class-data archive records the date of every jar on the JVM's class
            // path, agents included, and a rewritten agent would make the JVM ignore the archive.
            if (Files.exists(target) && Files.mismatch(temporary, target) == -1) {
                Files.delete(temporary);
                return target;
            }
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the watchdog agent to " + target + ": " + e.getMessage(), e);
        }
    }
}
