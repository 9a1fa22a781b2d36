package th.integrity.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A Spring Boot service the launcher runs as a JVM of its own.
 *
 * @param name        the module directory and jar name: {@code <home>/<name>/target/<name>.jar}
 * @param portKey     the {@link PortSpec#key()} of the port it serves HTTP on
 * @param environment variables beyond the common ones (port, MongoDB, Kafka, OIDC issuer, parent pid), e.g.
 *                    the gateway's URLs of the services behind it
 * @param module      the module directory, relative to the repository home
 */
public record ServiceSpec(String name, String portKey, Function<LauncherConfig, Map<String, String>> environment,
        String module) {

    public ServiceSpec(String name, String portKey, Function<LauncherConfig, Map<String, String>> environment) {
        this(name, portKey, environment, name);
    }

    public Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(name + ".jar");
    }
}
