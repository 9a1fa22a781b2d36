package th.integrity.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Spring Boot service the launcher runs as a JVM of its own.
 *
 * @param name              the module directory and jar name: {@code <home>/<name>/target/<name>.jar}
 * @param portKey           the {@link PortSpec#key()} of the port it serves HTTP on
 * @param environment       variables beyond the common ones (port, MongoDB, Kafka, OIDC issuer, parent pid), e.g.
 *                          the gateway's URLs of the services behind it
 * @param module            the module directory, relative to the repository home
 * @param managementPortKey the {@link PortSpec#key()} of its management port (actuator: metrics, detailed health,
 *                          probes; always on the loopback address), or null when it has none
 * @param door              whether its HTTP port is a door the browser uses (the gateway, the development sign-in
 *                          provider) and so listens on every interface; every other port listens on loopback only
 */
public record ServiceSpec(String name, String portKey, Function<LauncherConfig, Map<String, String>> environment,
        String module, String managementPortKey, boolean door) {

    /** An internal service: its HTTP port on loopback only, and a management port. */
    public static ServiceSpec internal(String name, String portKey, String managementPortKey,
            Function<LauncherConfig, Map<String, String>> environment) {
        return new ServiceSpec(name, portKey, environment, name, managementPortKey, false);
    }

    public Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(name + ".jar");
    }

    public Optional<String> managementPort() {
        return Optional.ofNullable(managementPortKey);
    }
}
