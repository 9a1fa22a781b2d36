package th.integrity.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import th.integrity.watchdog.ParentWatchdog;

/** One service running as a JVM of its own, its output appended to {@code <data>/logs/<name>.log}. */
final class ServiceProcess {

    /** Variables the launcher sets per service, which nothing else may change. */
    static final List<String> MANAGED_VARIABLES = List.of("SERVER_PORT", "SERVER_ADDRESS", "MANAGEMENT_PORT",
            "MANAGEMENT_SERVER_ADDRESS", "INTEGRITY_PARENT_PID");

    /** Where every port but the doors listens: this machine only. */
    static final String LOOPBACK = "127.0.0.1";

    private static final String MALLOC_ARENAS = "MALLOC_ARENA_MAX";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final String MARKER = "==== integrity-local: starting ";

    private final ServiceSpec spec;
    private final int port;
    /** Where its readiness probe answers: the management port, or the HTTP port when it has none. */
    private final int probePort;
    private final Path log;
    private final Process process;
    private final long startedNanos;
    private final ClassDataSharing.Launch sharing;
    private final List<ProcessHandle> stopping = new ArrayList<>();

    private ServiceProcess(ServiceSpec spec, int port, int probePort, Path log, Process process, long startedNanos,
            ClassDataSharing.Launch sharing) {
        this.spec = spec;
        this.sharing = sharing;
        this.port = port;
        this.probePort = probePort;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** @param sharing its class-data sharing: extra flags, and the jar to run (see {@link ClassDataSharing}) */
    static ServiceProcess start(ServiceSpec spec, LauncherConfig config, Path java, ClassDataSharing.Launch sharing) {
        int port = config.port(spec.portKey());
        int probePort = spec.managementPort().map(config::port).orElse(port);
        Path log = config.logsDir().resolve(spec.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(config.serviceJavaOptions());
        // The agent watches INTEGRITY_PARENT_PID (below) and ends the JVM when the launcher is gone: nothing outlives
        // a launcher killed with -9. An agent, so that no production jar carries this launcher concern; LocalSystem
        // writes it before the first service starts.
        command.add("-javaagent:" + config.watchdogAgent());
        command.addAll(sharing.options());
        command.add("-jar");
        command.add(sharing.jar().toString());

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(port));
        if (!spec.door()) {
            environment.put("SERVER_ADDRESS", LOOPBACK);
        }
        spec.managementPort().ifPresent(key -> {
            environment.put("MANAGEMENT_PORT", String.valueOf(config.port(key)));
            environment.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        });
        environment.put("MONGODB_URI", config.mongoUri());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        // The issuer string must be identical everywhere: the provider puts it into every token it signs.
        environment.put("OIDC_ISSUER_URI", config.httpUrl(Components.OIDC));
        // The pid the watchdog agent watches.
        environment.put(ParentWatchdog.ENV, String.valueOf(ProcessHandle.current().pid()));
        // The launcher runs on a developer's machine with the development secrets: anywhere else the services
        // refuse them (platform's DevelopmentSecretsGuard).
        environment.put("SPRING_PROFILES_ACTIVE", "dev");
        // glibc gives every thread that allocates its own malloc arena (up to 8 per core), mostly empty in a JVM,
        // whose heap is its own: two are enough and keep each service's resident memory down.
        if (System.getenv(MALLOC_ARENAS) == null) {
            environment.put(MALLOC_ARENAS, "2");
        }
        environment.putAll(spec.environment().apply(config));
        // Last, so a test can point the services elsewhere (an OIDC issuer of its own, say).
        environment.putAll(config.serviceEnvironment());

        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, String.format("%n%s%s at %s on port %d%n    %s%n    environment %s%n", MARKER,
                    spec.name(), now(), port, String.join(" ", command), printable(environment)), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(config.dataDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            return new ServiceProcess(spec, port, probePort, log, builder.start(), started, sharing);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return spec.name();
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    ClassDataSharing.Launch sharing() {
        return sharing;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Asks the readiness probe on the management port (the HTTP port when there is none); completes with false on
     * anything but 200 with status UP, never exceptionally.
     */
    CompletableFuture<Boolean> checkReady(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://" + LOOPBACK + ":" + probePort + "/actuator/health/readiness"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200 && "UP".equals(Json.healthStatus(response.body())))
                .exceptionally(error -> false);
    }

    /** The last {@code count} lines this run wrote to its log (not those of earlier runs). */
    List<String> tail(int count) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + log + ": " + e.getMessage() + ")");
        }
        int from = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(MARKER + spec.name() + " ")) {
                from = i + 3;
                break;
            }
        }
        from = Math.max(Math.min(from, lines.size()), lines.size() - count);
        return lines.subList(from, lines.size());
    }

    /** Closes this run's part of the log with how the process ended, and keeps the class-data archive it wrote. */
    void markStopped() {
        String how = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        if (!process.isAlive()) {
            sharing.settle(process.exitValue());
        }
        try {
            Files.writeString(log, String.format("==== integrity-local: %s stopped (%s) at %s%n", spec.name(), how,
                    now()), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // only a courtesy line
        }
    }

    private static String now() {
        return OffsetDateTime.now(ZoneId.of("Asia/Bangkok")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Sends SIGTERM to the service and to anything it started, remembering those for {@link #forceStop()}. */
    void requestStop() {
        synchronized (stopping) {
            if (stopping.isEmpty()) {
                process.descendants().forEach(stopping::add);
                stopping.add(process.toHandle());
            }
            stopping.forEach(ProcessHandle::destroy);
        }
    }

    /** Waits until the service and its descendants have exited, at most until {@code deadlineNanos}. */
    boolean awaitStopped(long deadlineNanos) {
        List<ProcessHandle> handles;
        synchronized (stopping) {
            handles = stopping.isEmpty() ? List.of(process.toHandle()) : List.copyOf(stopping);
        }
        for (ProcessHandle handle : handles) {
            long left = deadlineNanos - System.nanoTime();
            try {
                if (left <= 0) {
                    if (handle.isAlive()) {
                        return false;
                    }
                    continue;
                }
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                // onExit does not fail; treat as gone
            }
        }
        return true;
    }

    /** SIGKILL for whatever did not stop in time. */
    void forceStop() {
        synchronized (stopping) {
            process.descendants().forEach(stopping::add);
            stopping.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The environment as the log shows it: values of anything that looks like a secret are masked. */
    static Map<String, String> printable(Map<String, String> environment) {
        Map<String, String> shown = new LinkedHashMap<>();
        environment.forEach((name, value) -> shown.put(name,
                name.matches("(?i).*(SECRET|PASSWORD|TOKEN|KEY|CREDENTIAL).*") ? "****" : value));
        return shown;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
