package th.integrity.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import th.integrity.embedded.KafkaBroker;
import th.integrity.embedded.MongoWireServer;
import th.integrity.embedded.Ports;
import th.integrity.testkit.TestIssuer;
import th.integrity.watchdog.ParentWatchdog;

/**
 * Everything the stats benchmark runs on, and nothing shared with anyone: a Kafka broker, a MongoDB-wire server
 * and an OIDC issuer in this JVM (deploy/embedded) on free ports under one work directory, and stats-service as a
 * JVM of its own, started from a copy of its jar. {@link #close()} (also run by a shutdown hook) stops it all;
 * the service also watches this JVM's pid (the watchdog agent, deploy/watchdog) and exits if it disappears.
 */
final class StatsSystem implements AutoCloseable {

    static final String DATABASE = "stats";
    private static final String MARKER = ".integrity-bench-stats";

    final Path dir;
    final KafkaBroker kafka;
    final MongoWireServer mongo;
    final TestIssuer issuer;
    final int port;
    /** Where the actuator answers (management.server.port): the API port serves none of it. */
    final int managementPort;
    final Path log;
    private final Process service;
    private final long startedNanos = System.nanoTime();
    private boolean closed;

    private StatsSystem(Path dir, KafkaBroker kafka, MongoWireServer mongo, TestIssuer issuer, int port,
            int managementPort, Path log, Process service) {
        this.dir = dir;
        this.kafka = kafka;
        this.mongo = mongo;
        this.issuer = issuer;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.service = service;
    }

    /**
     * Wipes {@code dir}, starts the infrastructure and stats-service (not waiting for it to be ready).
     *
     * @param memoryStore MongoDB in memory instead of the file-backed store the launcher uses
     */
    static StatsSystem start(Path dir, boolean memoryStore, Path jar, List<String> javaOptions) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: build it with "
                    + "./mvnw -o -B -q -pl stats-service package -DskipTests, or name it with --stats-jar=...");
        }
        wipe(dir);
        logToFile(dir.resolve("infrastructure.log"));
        KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), 0, 0);
        MongoWireServer mongo = null;
        try {
            mongo = memoryStore ? MongoWireServer.inMemory(0) : MongoWireServer.fileBacked(dir.resolve("mongodb"), 0);
            TestIssuer issuer = TestIssuer.shared();
            // A copy, so a rebuild in the work tree cannot pull classes out from under the running service.
            Path copy = Files.copy(jar, dir.resolve("stats-service.jar"), StandardCopyOption.REPLACE_EXISTING);
            int port = Ports.free();
            int managementPort;
            do {
                managementPort = Ports.free();
            } while (managementPort == port);
            Path log = dir.resolve("stats-service.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaOptions);
            command.add("-javaagent:" + ParentWatchdog.writeAgentJar(dir.resolve("integrity-watchdog.jar")));
            command.add("-jar");
            command.add(copy.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = builder.environment();
            // Self-contained: nothing from the caller's shell may point the service elsewhere.
            env.keySet().removeIf(name -> name.startsWith("INTEGRITY_") || name.startsWith("SPRING_")
                    || name.startsWith("MONGODB_") || name.startsWith("KAFKA_") || name.startsWith("OIDC_")
                    || name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_") || name.equals("JAVA_TOOL_OPTIONS"));
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("MONGODB_URI", mongo.uri(DATABASE));
            env.put("MONGODB_DATABASE", DATABASE);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("OIDC_ISSUER_URI", issuer.issuerUri());
            env.put(ParentWatchdog.ENV, String.valueOf(ProcessHandle.current().pid()));
            env.put("SPRING_PROFILES_ACTIVE", "dev"); // development defaults, as the launcher runs them
            // mongo-java-server, as in the launcher: snapshots written by _id alone (docs/statistics.md).
            env.put("INTEGRITY_STATS_PROJECTION_DEVELOPMENTSTORE", "true");
            env.putAll(Districts.environment());
            Files.writeString(dir.resolve("stats-service.command"), String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8);
            Process process = builder.start();
            return new StatsSystem(dir, kafka, mongo, issuer, port, managementPort, log, process);
        } catch (IOException | RuntimeException e) {
            if (mongo != null) {
                mongo.close();
            }
            kafka.stop();
            throw e;
        }
    }

    long servicePid() {
        return service.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Waits for {@code /actuator/health/readiness} on the management port to answer UP (readinessState, mongo and
     * kafka).
     *
     * @return the time from the process start
     */
    Duration awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        long start = startedNanos;
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (!service.isAlive()) {
                throw new IllegalStateException("stats-service exited with " + service.exitValue() + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("stats-service not ready after " + timeout.toSeconds() + " s:\n" + tail(40));
    }

    /** Whether the service is still running (a crash mid-run must not be reported as a slow answer). */
    void requireAlive() {
        if (!service.isAlive()) {
            throw new IllegalStateException("stats-service exited with " + service.exitValue() + ":\n" + tail(40));
        }
    }

    /** The last {@code lines} lines of the service's output. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> children = service.descendants().toList();
        service.destroy();
        try {
            if (!service.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            service.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            mongo.close();
        } catch (RuntimeException e) {
            System.err.println("stopping MongoDB: " + e);
        }
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            System.err.println("stopping Kafka: " + e);
        }
    }

    /** Empties {@code dir}, refusing a non-empty directory this tool did not create (a typo must not cost data). */
    private static void wipe(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (absolute.getNameCount() < 2) {
            throw new IllegalArgumentException("--dir=" + dir + " is too close to the root to be wiped");
        }
        if (Files.isDirectory(absolute)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(absolute)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(absolute.resolve(MARKER))) {
                throw new IllegalArgumentException("--dir=" + dir + " is not empty and was not made by this tool ("
                        + MARKER + " missing): choose another directory or empty it yourself");
            }
            try (Stream<Path> walk = Files.walk(absolute)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(absolute)) {
                        Files.delete(path);
                    }
                }
            }
        }
        Files.createDirectories(absolute);
        Files.writeString(absolute.resolve(MARKER), "work directory of integrity-bench stats; wiped at every run\n");
    }

    /** Kafka's and mongo-java-server's logging (SLF4J → java.util.logging) into a file, not the console. */
    private static void logToFile(Path file) throws IOException {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        FileHandler handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new SimpleFormatter());
        root.addHandler(handler);
        root.setLevel(Level.INFO);
    }
}
