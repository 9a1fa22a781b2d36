package th.integrity.local;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import th.integrity.embedded.KafkaBroker;
import th.integrity.embedded.MailServer;
import th.integrity.embedded.MongoWireServer;
import th.integrity.embedded.Ports;
import th.integrity.watchdog.ParentWatchdog;

/**
 * The whole system on one machine: a Kafka broker, a file-backed MongoDB-wire server and a development mail server
 * (SMTP) in this JVM, and every
 * {@link Components#SERVICES service} as a JVM of its own. The launcher's main method and the end-to-end test
 * both go through {@link #start(LauncherConfig)}, so the test proves what developers run.
 *
 * <p>Nothing is started unless every port is free and every jar is built ({@link LaunchException#SETUP}). When a
 * service fails to become ready, everything started so far is stopped again ({@link LaunchException#FAILED}).
 */
public final class LocalSystem implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** The stop after a first start, while the services write their class-data archives. */
    private static final Duration SAVING_GRACE = Duration.ofMinutes(5);
    private static final int TAIL_LINES = 20;
    private static final String STOPPED_ALL =
            "Stopped everything. / หยุดระบบทั้งหมดแล้ว: บริการเริ่มทำงานไม่สำเร็จ ดูรายละเอียดในไฟล์ log ข้างต้น";

    private final LauncherConfig config;
    private final PrintStream console;
    private final Object lock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<ServiceProcess> services = new ArrayList<>();
    /** Services stopped on purpose by {@link #kill(String)}: their exit is no surprise to report. */
    private final java.util.Set<ServiceProcess> killed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final long createdNanos = System.nanoTime();
    private MongoWireServer mongo;
    private KafkaBroker kafka;
    private MailServer mail;
    private Duration startupTime;
    private volatile boolean closing;

    private LocalSystem(LauncherConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    /** Starts everything and returns once every service is ready. */
    public static LocalSystem start(LauncherConfig config) {
        return start(config, System.out);
    }

    public static LocalSystem start(LauncherConfig config, PrintStream console) {
        LocalSystem system = prepare(config, console);
        system.startup();
        return system;
    }

    /**
     * A system not started yet, so that a shutdown hook can be registered before {@link #startup()}: Ctrl-C
     * during start-up must stop what has started so far.
     */
    public static LocalSystem prepare(LauncherConfig config, PrintStream console) {
        return new LocalSystem(config, console);
    }

    /**
     * What stops the system from starting at all: ports in use, service jars not built. Empty when it can start.
     */
    public static List<String> problems(LauncherConfig config) {
        List<String> problems = new ArrayList<>();
        for (PortSpec spec : Components.PORTS) {
            int port = config.port(spec.key());
            if (Ports.isTaken(port)) {
                problems.add("Port " + port + " (" + spec.component() + ") is already in use. Stop whatever holds it, "
                        + "or choose another with " + spec.envName() + "=… (or " + spec.argName() + "=…).");
            }
        }
        List<String> missing = new ArrayList<>();
        for (ServiceSpec spec : Components.SERVICES) {
            Path jar = spec.jar(config.home());
            if (!Files.isRegularFile(jar)) {
                missing.add(spec.name() + " (" + Display.path(jar) + ")");
            }
        }
        if (!missing.isEmpty()) {
            problems.add((missing.size() == 1 ? "The jar of " : "The jars of ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing. Build the services from the repository root "
                    + "(" + Display.path(config.home()) + ") with: ./mvnw -q install -DskipTests");
        }
        return problems;
    }

    /** Starts MongoDB and Kafka, then the services in parallel, and waits until all are ready. */
    public void startup() {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new LaunchException(LaunchException.SETUP, String.join("\n", problems));
        }
        try {
            // Extractions (first start of a jar only) run while Kafka and MongoDB start.
            Map<String, CompletableFuture<ClassDataSharing.Launch>> sharing = prepareSharing();
            startInfrastructure();
            startServices(sharing);
            // While the services boot: they send mail only once they run, and the start-up waits on them anyway.
            startMail();
            awaitReady(services, createdNanos + config.startupTimeout().toNanos(), STOPPED_ALL);
            startupTime = Duration.ofNanos(System.nanoTime() - createdNanos);
            services.forEach(this::watch);
        } catch (RuntimeException e) {
            close();
            throw e instanceof LaunchException launch ? launch
                    : new LaunchException(LaunchException.FAILED, "The local system failed to start: " + e, e);
        }
    }

    private void startInfrastructure() {
        InfrastructureLogging.toFile(config.logsDir().resolve("infrastructure.log"));
        synchronized (lock) {
            checkNotClosing();
            try {
                mongo = mongoServer();
            } catch (RuntimeException e) {
                throw new LaunchException(LaunchException.FAILED, "MongoDB could not start on port "
                        + config.port(Components.MONGODB) + " with its data in " + Display.path(config.mongoDir())
                        + ": " + rootMessage(e) + "\nIs another launcher using this data directory? "
                        + "See " + Display.path(config.logsDir().resolve("infrastructure.log")), e);
            }
            checkNotClosing();
            try {
                kafka = KafkaBroker.start(config.kafkaDir(), config.port(Components.KAFKA),
                        config.port(Components.KAFKA_CONTROLLER));
            } catch (RuntimeException e) {
                throw new LaunchException(LaunchException.FAILED, "Kafka could not start on port "
                        + config.port(Components.KAFKA) + " with its log in " + Display.path(config.kafkaDir())
                        + ": " + rootMessage(e) + "\nSee " + Display.path(config.logsDir().resolve("infrastructure.log")),
                        e);
            }
        }
        console.printf("MongoDB and Kafka are up (%s); starting %d services…%n", seconds(sinceCreated()),
                Components.SERVICES.size());
    }

    private void startMail() {
        synchronized (lock) {
            checkNotClosing();
            try {
                mail = MailServer.start(config.port(Components.MAIL), config.mailDir(), this::received);
            } catch (RuntimeException e) {
                throw new LaunchException(LaunchException.FAILED, "The development mail server could not start on "
                        + "port " + config.port(Components.MAIL) + ": " + rootMessage(e), e);
            }
        }
    }

    /** One line per mail, so a developer sees the notices go out; the mail itself is in the .eml file. */
    private void received(MailServer.Mail received) {
        console.printf("Mail / อีเมล to %s: \"%s\" → %s%n", received.to(), received.subject(),
                Display.path(received.file()));
    }

    private void startServices(Map<String, CompletableFuture<ClassDataSharing.Launch>> sharing) {
        Path java = java();
        List<String> recording = new ArrayList<>();
        ParentWatchdog.writeAgentJar(config.watchdogAgent());
        synchronized (lock) {
            for (ServiceSpec spec : Components.SERVICES) {
                checkNotClosing();
                ClassDataSharing.Launch launch = sharing.get(spec.name()).join();
                if (launch.mode() == ClassDataSharing.Mode.RECORDING) {
                    recording.add(spec.name());
                }
                services.add(ServiceProcess.start(spec, config, java, launch));
            }
        }
        if (!recording.isEmpty()) {
            console.printf("Class-data sharing: recording %s (new jars); saved in %s when they stop, the next start is "
                    + "faster. / บันทึกคลาสไว้ใช้เมื่อเริ่มระบบครั้งถัดไป%n", String.join(", ", recording),
                    Display.path(config.cdsDir()));
        }
    }

    /** Each service's class-data sharing, prepared in parallel (an extraction is a JVM of its own). */
    private Map<String, CompletableFuture<ClassDataSharing.Launch>> prepareSharing() {
        Map<String, CompletableFuture<ClassDataSharing.Launch>> launches = new LinkedHashMap<>();
        boolean enabled = ClassDataSharing.enabled(config.serviceJavaOptions());
        for (ServiceSpec spec : Components.SERVICES) {
            CompletableFuture<ClassDataSharing.Launch> launch = new CompletableFuture<>();
            launches.put(spec.name(), launch);
            if (!enabled) {
                launch.complete(ClassDataSharing.Launch.off(spec.jar(config.home())));
                continue;
            }
            Thread preparing = new Thread(() -> launch.complete(prepareSharing(spec)), "cds-" + spec.name());
            preparing.setDaemon(true);
            preparing.start();
        }
        return launches;
    }

    /** A failure here costs start-up time, never the start: the service then runs from its jar as before. */
    private ClassDataSharing.Launch prepareSharing(ServiceSpec spec) {
        try {
            return ClassDataSharing.prepare(config.cdsDir(), spec.name(), spec.jar(config.home()), java());
        } catch (RuntimeException e) {
            console.printf("Class-data sharing is off for %s: %s%n", spec.name(), rootMessage(e));
            return ClassDataSharing.Launch.off(spec.jar(config.home()));
        }
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** @param afterwards what happens on failure, for the message: the caller stops everything, or just these */
    private void awaitReady(List<ServiceProcess> starting, long deadline, String afterwards) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        List<ServiceProcess> pending = new ArrayList<>(starting);
        while (!pending.isEmpty()) {
            checkNotClosing();
            Map<ServiceProcess, CompletableFuture<Boolean>> checks = new LinkedHashMap<>();
            for (ServiceProcess service : pending) {
                if (!service.isAlive()) {
                    throw failed(List.of(service), afterwards, service.name() + " failed to start (exit code "
                            + service.process().exitValue() + ")");
                }
                checks.put(service, service.checkReady(http));
            }
            checks.forEach((service, ready) -> {
                if (ready.join()) {
                    pending.remove(service);
                    console.printf("  %-20s ready (%s)%n", service.name(), seconds(service.sinceStart()));
                }
            });
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw failed(pending, afterwards, null);
                }
                sleep(POLL);
            }
        }
    }

    /** Stops everything started so far and explains, with the end of each failed service's log. */
    private LaunchException failed(List<ServiceProcess> culprits, String afterwards, String headline) {
        checkNotClosing();
        StringBuilder message = new StringBuilder();
        for (ServiceProcess service : culprits) {
            String what = headline != null ? headline
                    : service.name() + " did not become ready within " + config.startupTimeout().toSeconds() + " s";
            message.append(what).append("; its log is ").append(Display.path(service.log())).append('\n');
            message.append("---- last lines of ").append(service.name()).append(" ----\n");
            service.tail(TAIL_LINES).forEach(
                    line -> message.append("  ").append(Json.readableLogLine(line)).append('\n'));
        }
        message.append(afterwards);
        return new LaunchException(LaunchException.FAILED, message.toString());
    }

    /** Once running, a service that dies is reported; the others keep running, as a developer may restart it. */
    private void watch(ServiceProcess service) {
        service.process().onExit().thenAccept(process -> {
            if (!closing && !killed.contains(service)) {
                service.markStopped();
                console.printf("%s stopped unexpectedly (exit code %d); its log is %s. The other components keep "
                        + "running. / %s หยุดทำงานโดยไม่คาดคิด ส่วนอื่นยังทำงานอยู่%n", service.name(),
                        process.exitValue(), Display.path(service.log()), service.name());
            }
        });
    }

    /**
     * Stops the services (SIGTERM to each and its descendants, up to 10 s for all of them, then SIGKILL), then
     * Kafka, then MongoDB. Safe to call more than once and from a shutdown hook.
     */
    @Override
    public void close() {
        List<ServiceProcess> running;
        KafkaBroker broker;
        MongoWireServer server;
        MailServer mailServer;
        synchronized (lock) {
            if (closing) {
                awaitClosed();
                return;
            }
            closing = true;
            running = List.copyOf(services);
            broker = kafka;
            server = mongo;
            mailServer = mail;
        }
        try {
            running.forEach(ServiceProcess::requestStop);
            // A JVM recording its class-data archive writes it on the way out: give it the time to finish.
            boolean saving = running.stream().anyMatch(
                    service -> service.sharing().mode() == ClassDataSharing.Mode.RECORDING && service.isAlive());
            if (saving) {
                console.println("Saving the class-data archives for the next start… / กำลังบันทึกคลาสไว้ใช้ครั้งถัดไป…");
            }
            Duration grace = saving ? SAVING_GRACE : GRACE;
            long deadline = System.nanoTime() + grace.toNanos();
            for (ServiceProcess service : running) {
                if (!service.awaitStopped(deadline)) {
                    console.printf("%s did not stop within %d s; killing it%n", service.name(), grace.toSeconds());
                    service.forceStop();
                    service.awaitStopped(System.nanoTime() + Duration.ofSeconds(5).toNanos());
                }
                service.markStopped();
            }
            if (broker != null) {
                try {
                    broker.stop();
                } catch (RuntimeException e) {
                    console.println("Kafka did not stop cleanly: " + rootMessage(e));
                }
            }
            if (mailServer != null) {
                mailServer.close();
            }
            if (server != null) {
                try {
                    server.close();
                } catch (RuntimeException e) {
                    console.println("MongoDB did not stop cleanly: " + rootMessage(e));
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Kills one service at once (SIGKILL, no shutdown hooks: as a crash or an OOM kill would) and waits until it
     * and anything it started are gone. For fault tests; {@link #restart(String)} starts it again.
     */
    public void kill(String name) {
        ServiceProcess service;
        synchronized (lock) {
            checkNotClosing();
            service = running(name);
            killed.add(service);
        }
        service.forceStop();
        if (!service.awaitStopped(System.nanoTime() + Duration.ofSeconds(10).toNanos())) {
            throw new LaunchException(LaunchException.FAILED, name + " did not die within 10 s of SIGKILL");
        }
        service.markStopped();
        console.printf("%s killed (SIGKILL)%n", name);
    }

    /**
     * Starts one service again, with the same jar, flags and environment as at start-up, once its previous run is
     * gone (killed, or stopped on its own), and waits until it is ready (at most the start-up timeout).
     *
     * @throws LaunchException if it is still running or does not become ready; the other services keep running
     */
    public void restart(String name) {
        ServiceSpec spec = Components.service(name);
        ServiceProcess fresh;
        synchronized (lock) {
            checkNotClosing();
            ServiceProcess previous = running(name);
            if (previous.isAlive()) {
                throw new LaunchException(LaunchException.FAILED, name + " is still running (pid " + previous.pid()
                        + "); kill it first");
            }
            ClassDataSharing.Launch sharing = ClassDataSharing.enabled(config.serviceJavaOptions())
                    ? prepareSharing(spec) : ClassDataSharing.Launch.off(spec.jar(config.home()));
            fresh = ServiceProcess.start(spec, config, java(), sharing);
            services.set(services.indexOf(previous), fresh);
        }
        try {
            awaitReady(List.of(fresh), System.nanoTime() + config.startupTimeout().toNanos(),
                    "Killed it again; the other components keep running. / หยุดบริการนี้อีกครั้ง ส่วนอื่นยังทำงานอยู่");
        } catch (LaunchException e) {
            kill(name);
            throw e;
        }
        watch(fresh);
    }

    /**
     * Stops the MongoDB-wire server (clients get connection errors) until {@link #startMongo()}; the services keep
     * running. For fault tests.
     */
    public void stopMongo() {
        synchronized (lock) {
            checkNotClosing();
            if (mongo != null) {
                mongo.close();
                mongo = null;
            }
        }
    }

    private MongoWireServer mongoServer() {
        return config.store() == LauncherConfig.Store.MEMORY ? MongoWireServer.inMemory(config.port(Components.MONGODB))
                : MongoWireServer.fileBacked(config.mongoDir(), config.port(Components.MONGODB));
    }

    /** Starts MongoDB again on the same port with the same file, after {@link #stopMongo()}. */
    public void startMongo() {
        synchronized (lock) {
            checkNotClosing();
            if (mongo != null) {
                return;
            }
            mongo = mongoServer();
        }
    }

    /** The current run of a service, by name. */
    private ServiceProcess running(String name) {
        Components.service(name);
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " was never started"));
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closing;
    }

    /** Blocks until {@link #close()} has finished, e.g. the launcher's main thread until Ctrl-C. */
    public void awaitClosed() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public LauncherConfig config() {
        return config;
    }

    public String gatewayUrl() {
        return config.httpUrl(Components.GATEWAY);
    }

    /** The base URL of a service by its name, e.g. {@code complaints-service} or {@code gateway}. */
    public String serviceUrl(String name) {
        return config.httpUrl(Components.service(name).portKey());
    }

    /**
     * The base URL of a service's management port (actuator: {@code /actuator/health/readiness},
     * {@code /actuator/prometheus}), reachable from this machine only.
     */
    public String managementUrl(String name) {
        String key = Components.service(name).managementPort()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no management port"));
        return "http://" + ServiceProcess.LOOPBACK + ":" + config.port(key);
    }

    /** The in-process broker: a test may {@link KafkaBroker#stop()} and {@link KafkaBroker#start()} it. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public String kafkaBootstrapServers() {
        return config.kafkaBootstrapServers();
    }

    /** The development mail server: what the services sent, for tests ({@link MailServer#received()}). */
    public MailServer mail() {
        return mail;
    }

    public String mongoUri() {
        return config.mongoUri();
    }

    /** Process ids of the running services, by name. */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(service -> pids.put(service.name(), service.pid()));
        return pids;
    }

    /** From {@link #prepare} to every service ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The table the launcher prints once everything is ready. */
    public String summary() {
        StringBuilder table = new StringBuilder();
        String row = "  %-22s %s%n";
        // In port order, so the gateway, the door users take, comes first.
        for (PortSpec port : Components.PORTS) {
            Components.SERVICES.stream().filter(spec -> spec.portKey().equals(port.key())).forEach(
                    spec -> table.append(String.format(row, spec.name(), config.httpUrl(spec.portKey()))));
        }
        table.append("  management, this machine only (/actuator/health, /actuator/prometheus) / พอร์ตจัดการ เฉพาะเครื่องนี้\n");
        for (ServiceSpec spec : Components.SERVICES) {
            spec.managementPort().ifPresent(
                    key -> table.append(String.format(row, "  " + spec.name(), managementUrl(spec.name()))));
        }
        table.append(String.format(row, "Kafka bootstrap", config.kafkaBootstrapServers()));
        table.append(String.format(row, "MongoDB", config.mongoUri() + (config.store() == LauncherConfig.Store.MEMORY
                ? "  (in memory: lost at stop / ข้อมูลอยู่ในหน่วยความจำ หายเมื่อหยุดระบบ)" : "")));
        table.append(String.format(row, "mail (SMTP) / อีเมล", "smtp://localhost:" + config.port(Components.MAIL)
                + "  (sent mail, one .eml file each / อีเมลที่ส่ง: " + Display.path(config.mailDir()) + ")"));
        table.append(String.format(row, "data / ข้อมูล", Display.path(config.dataDir())));
        table.append(String.format(row, "logs / บันทึก", Display.path(config.logsDir())));
        return table.toString();
    }

    private Duration sinceCreated() {
        return Duration.ofNanos(System.nanoTime() - createdNanos);
    }

    private void checkNotClosing() {
        if (closing) {
            throw new LaunchException(LaunchException.FAILED, "Stopped while starting.");
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(LaunchException.FAILED, "Interrupted while starting.");
        }
    }
}
