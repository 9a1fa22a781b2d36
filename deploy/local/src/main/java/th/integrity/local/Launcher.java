package th.integrity.local;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar deploy/local/target/integrity-local.jar}: runs the whole system on this machine until Ctrl-C.
 * Exit status 2 when it cannot start (a port in use, a jar not built, a bad setting), 1 when a component fails.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything touches java.util.logging: keeps Kafka's shutdown in the infrastructure log.
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(LauncherConfig.usage());
            return;
        }
        LauncherConfig config;
        try {
            config = LauncherConfig.parse(arguments, System.getenv(), Path.of("").toAbsolutePath(), launcherJar());
        } catch (LauncherConfig.ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(LaunchException.SETUP);
            return;
        }

        LocalSystem system = LocalSystem.prepare(config, System.out);
        // Registered before anything starts: Ctrl-C or SIGTERM during start-up must stop what has started so far.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!system.isClosed()) {
                System.out.println("Stopping… / กำลังหยุดระบบ…");
                system.close();
                System.out.println("Stopped. / หยุดระบบแล้ว");
            }
        }, "integrity-local-shutdown"));
        try {
            System.out.printf("Starting the integrity system from %s (data in %s)…%n", Display.path(config.home()),
                    Display.path(config.dataDir()));
            system.startup();
        } catch (LaunchException e) {
            System.err.println(e.getMessage());
            system.close();
            System.exit(e.exitCode());
            return;
        }
        System.out.printf("%nReady in %s / ระบบพร้อมใช้งาน%n%s%nOpen %s — press Ctrl-C to stop. / กด Ctrl-C เพื่อหยุด%n",
                LocalSystem.seconds(sinceLaunch().orElse(system.startupTime())), system.summary(), system.gatewayUrl());
        // Kafka's and MongoDB's start-up garbage, collected once: G1 then hands the freed heap back, so the idle
        // launcher holds its live data rather than its start-up peak (docs/benchmarks.md, round 5).
        System.gc();
        system.awaitClosed();
    }

    /** From the launcher JVM's start, which is what a developer waits for. */
    private static Optional<Duration> sinceLaunch() {
        return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, Instant.now()));
    }

    /** The jar this runs from: with {@code java -jar}, the class path is that jar alone. */
    static Optional<Path> launcherJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isEmpty() && !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            return Optional.of(Path.of(classPath).toAbsolutePath());
        }
        return Optional.empty();
    }
}
