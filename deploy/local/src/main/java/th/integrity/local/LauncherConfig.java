package th.integrity.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.integrity.embedded.Ports;

/**
 * How the local system is laid out: where the built services are, where data and logs go, which ports to use,
 * the services' JVM flags and how long to wait for them. Built from the environment and the command line by
 * {@link #parse}; every value is checked when the record is made, so a bad one stops the launcher with a
 * message that names the setting, before anything starts.
 *
 * @param home               the repository root, holding {@code <service>/target/<service>.jar}
 * @param dataDir            Kafka's log, MongoDB's file, the services' logs and the mail they sent; survives restarts
 * @param ports              a port for every {@link Components#PORTS} entry, by key
 * @param serviceJavaOptions the JVM flags each service process gets
 * @param startupTimeout     how long all services together may take to become ready
 * @param store              where the embedded MongoDB keeps its data
 * @param serviceEnvironment variables added to every service's environment, e.g. {@code OIDC_ISSUER_URI} in tests
 *                           (a developer's own environment reaches the services anyway: they inherit it)
 */
public record LauncherConfig(Path home, Path dataDir, Map<String, Integer> ports, List<String> serviceJavaOptions,
        Duration startupTimeout, Map<String, String> serviceEnvironment, Store store) {

    /**
     * Where the embedded MongoDB-wire server keeps data: in one file under the data directory (the default, kept
     * across restarts) or in memory only (gone at stop; for benchmarks that separate the development store's own
     * cost from the services', and for throwaway demos).
     */
    public enum Store {
        FILE, MEMORY
    }

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);

    static final String HOME_ENV = "INTEGRITY_HOME";
    static final String DATA_ENV = "INTEGRITY_DATA";
    static final String JAVA_OPTS_ENV = "SERVICE_JAVA_OPTS";
    static final String TIMEOUT_ENV = "STARTUP_TIMEOUT";
    static final String STORE_ENV = "INTEGRITY_STORE";

    private static final Pattern OPTION = Pattern.compile("(--[a-z-]+)=(.*)", Pattern.DOTALL);
    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,6})\\s*([sm]?)");

    public LauncherConfig {
        require(home != null, "The repository home is not set (" + HOME_ENV + ").");
        home = home.toAbsolutePath().normalize();
        require(Files.isDirectory(home), "The repository home " + home + " is not a directory. Run the launcher from "
                + "the repository root, or set " + HOME_ENV + " to it.");
        require(dataDir != null, "The data directory is not set (" + DATA_ENV + ").");
        dataDir = dataDir.toAbsolutePath().normalize();
        require(!Files.exists(dataDir) || Files.isDirectory(dataDir),
                "The data directory " + dataDir + " exists but is not a directory; set " + DATA_ENV
                        + " to another place.");
        require(ports != null, "No ports given.");
        Map<String, Integer> ordered = new LinkedHashMap<>();
        Map<Integer, PortSpec> byNumber = new HashMap<>();
        for (PortSpec spec : Components.PORTS) {
            Integer port = ports.get(spec.key());
            require(port != null, "No port given for " + spec.component() + " (" + spec.envName() + ").");
            require(port >= 1 && port <= 65535, spec.envName() + " must be a port number from 1 to 65535, not "
                    + port + ".");
            PortSpec clash = byNumber.putIfAbsent(port, spec);
            require(clash == null, () -> "Port " + port + " is set for both " + clash.component() + " ("
                    + clash.envName() + ") and " + spec.component() + " (" + spec.envName()
                    + "); every component needs a port of its own.");
            ordered.put(spec.key(), port);
        }
        for (String key : ports.keySet()) {
            require(ordered.containsKey(key), "Unknown port " + key + ".");
        }
        ports = Collections.unmodifiableMap(ordered);
        serviceJavaOptions = List.copyOf(serviceJavaOptions == null ? List.of() : serviceJavaOptions);
        require(startupTimeout != null && !startupTimeout.isNegative() && !startupTimeout.isZero(),
                TIMEOUT_ENV + " must be a positive number of seconds.");
        require(store != null, STORE_ENV + " is not set.");
        serviceEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(
                serviceEnvironment == null ? Map.of() : serviceEnvironment));
        for (String managed : ServiceProcess.MANAGED_VARIABLES) {
            require(!serviceEnvironment.containsKey(managed), managed + " is set by the launcher for each service; "
                    + "choose ports with the *_PORT settings instead (only the gateway and the sign-in provider listen "
                    + "beyond this machine).");
        }
    }

    /** Default ports, flags and timeout, with the given directories. */
    public static LauncherConfig defaults(Path home, Path dataDir) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Components.PORTS.forEach(spec -> ports.put(spec.key(), spec.defaultPort()));
        return new LauncherConfig(home, dataDir, ports, JvmOptions.DEVELOPMENT_DEFAULTS, DEFAULT_STARTUP_TIMEOUT,
                Map.of(), Store.FILE);
    }

    /**
     * The configuration a developer asked for: command-line arguments win over environment variables, which win
     * over the defaults.
     *
     * @param launcherJar where the running launcher jar is, if it runs from one; it lies at
     *                    {@code <home>/deploy/local/target/integrity-local.jar}
     * @throws ConfigException with a message for the developer when a value is not usable
     */
    public static LauncherConfig parse(List<String> args, Map<String, String> env, Path workingDir,
            Optional<Path> launcherJar) {
        Map<String, String> options = new HashMap<>();
        Set<String> known = new HashSet<>(List.of("--home", "--data", "--startup-timeout", "--java-opts",
                "--store"));
        Components.PORTS.forEach(spec -> known.add(spec.argName()));
        for (String arg : args) {
            Matcher matcher = OPTION.matcher(arg);
            if (!matcher.matches() || !known.contains(matcher.group(1))) {
                throw new ConfigException("Unknown argument " + arg + ".\n" + usage());
            }
            options.put(matcher.group(1), matcher.group(2));
        }

        Path home = setting(options, "--home", env, HOME_ENV).map(Path::of)
                .or(() -> launcherJar.flatMap(LauncherConfig::homeOf))
                .orElse(workingDir);
        Path dataDir = setting(options, "--data", env, DATA_ENV).map(workingDir::resolve)
                .orElse(workingDir.resolve("data"));

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (PortSpec spec : Components.PORTS) {
            String source = options.containsKey(spec.argName()) ? spec.argName() : spec.envName();
            ports.put(spec.key(), setting(options, spec.argName(), env, spec.envName())
                    .map(value -> port(value, source))
                    .orElse(spec.defaultPort()));
        }

        List<String> javaOptions = JvmOptions.merge(JvmOptions.DEVELOPMENT_DEFAULTS,
                JvmOptions.split(setting(options, "--java-opts", env, JAVA_OPTS_ENV).orElse("")));
        Duration timeout = setting(options, "--startup-timeout", env, TIMEOUT_ENV).map(LauncherConfig::timeout)
                .orElse(DEFAULT_STARTUP_TIMEOUT);
        Store store = setting(options, "--store", env, STORE_ENV).map(LauncherConfig::store).orElse(Store.FILE);
        return new LauncherConfig(home, dataDir, ports, javaOptions, timeout, Map.of(), store);
    }

    /** The repository root for a launcher jar at {@code <home>/deploy/local/target/<jar>}. */
    static Optional<Path> homeOf(Path launcherJar) {
        Path target = launcherJar.toAbsolutePath().normalize().getParent();
        if (target == null || !target.endsWith(Path.of("deploy", "local", "target"))) {
            return Optional.empty();
        }
        return Optional.of(target.getParent().getParent().getParent());
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: java -jar deploy/local/target/integrity-local.jar [--option=value ...]
                Every option can also be set in the environment (shown in brackets); arguments win.
                  --home=DIR                    repository root with the built services [INTEGRITY_HOME]
                                                (default: found from the launcher jar, else the current directory)
                  --data=DIR                    Kafka, MongoDB and log files [INTEGRITY_DATA] (default: ./data)
                  --startup-timeout=SECONDS     how long the services may take to become ready [STARTUP_TIMEOUT] (180)
                  --java-opts="FLAGS"           extra JVM flags for the services; each replaces the default flag
                                                it overrides [SERVICE_JAVA_OPTS]
                  --store=file|memory           MongoDB data in a file under --data, or in memory only, lost at
                                                stop (for benchmarks) [INTEGRITY_STORE] (file)
                """);
        for (PortSpec spec : Components.PORTS) {
            String option = spec.argName() + "=PORT";
            text.append(String.format("  %-29s %s [%s] (%d)%n", option, spec.component(), spec.envName(),
                    spec.defaultPort()));
        }
        return text.toString();
    }

    public int port(String key) {
        Integer port = ports.get(key);
        if (port == null) {
            throw new IllegalArgumentException("No port named " + key);
        }
        return port;
    }

    public String httpUrl(String portKey) {
        return "http://localhost:" + port(portKey);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + port(Components.KAFKA);
    }

    /** The MongoDB server, without a database: each service picks its own (MONGODB_DATABASE). */
    public String mongoUri() {
        return "mongodb://localhost:" + port(Components.MONGODB);
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path mongoDir() {
        return dataDir.resolve("mongo");
    }

    /** Every mail the services sent, one {@code .eml} file each, as the development mail server received it. */
    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    /** The watchdog agent every service JVM starts with, rewritten only when its bytes change (class-data archives check its date). */
    public Path watchdogAgent() {
        return dataDir.resolve("integrity-watchdog.jar");
    }

    /** The services' class-data sharing archives and extracted jars ({@link ClassDataSharing}). */
    public Path cdsDir() {
        return dataDir.resolve(ClassDataSharing.DIRECTORY);
    }

    public LauncherConfig withPort(String key, int port) {
        Map<String, Integer> changed = new LinkedHashMap<>(ports);
        changed.put(key, port);
        return new LauncherConfig(home, dataDir, changed, serviceJavaOptions, startupTimeout, serviceEnvironment,
                store);
    }

    /** Every port chosen free on this machine, so a test never collides with a running development system. */
    public LauncherConfig withFreePorts() {
        Map<String, Integer> free = new LinkedHashMap<>();
        for (PortSpec spec : Components.PORTS) {
            int port;
            do {
                port = Ports.free();
            } while (free.containsValue(port));
            free.put(spec.key(), port);
        }
        return new LauncherConfig(home, dataDir, free, serviceJavaOptions, startupTimeout, serviceEnvironment,
                store);
    }

    public LauncherConfig withStartupTimeout(Duration timeout) {
        return new LauncherConfig(home, dataDir, ports, serviceJavaOptions, timeout, serviceEnvironment, store);
    }

    public LauncherConfig withServiceJavaOptions(List<String> options) {
        return new LauncherConfig(home, dataDir, ports, options, startupTimeout, serviceEnvironment, store);
    }

    /** The same, with {@code name=value} added to every service's environment. */
    public LauncherConfig withServiceEnvironment(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(serviceEnvironment);
        changed.put(name, value);
        return new LauncherConfig(home, dataDir, ports, serviceJavaOptions, startupTimeout, changed, store);
    }

    private static Optional<String> setting(Map<String, String> options, String arg, Map<String, String> env,
            String envName) {
        String value = options.containsKey(arg) ? options.get(arg) : env.get(envName);
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static int port(String value, String source) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(source + " must be a port number from 1 to 65535, not '" + value + "'.");
    }

    private static Store store(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "file" -> Store.FILE;
            case "memory" -> Store.MEMORY;
            default -> throw new ConfigException(STORE_ENV + " must be file or memory, not '" + value + "'.");
        };
    }

    private static Duration timeout(String value) {
        Matcher matcher = TIMEOUT.matcher(value);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new ConfigException(TIMEOUT_ENV + " must be a positive number of seconds (e.g. 180, 180s or 3m), "
                    + "not '" + value + "'.");
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }

    private static void require(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new ConfigException(message.get());
        }
    }

    /** A setting the launcher cannot use; the message says which and what to do. */
    public static final class ConfigException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
