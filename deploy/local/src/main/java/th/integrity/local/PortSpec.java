package th.integrity.local;

import java.util.Locale;

/**
 * A port the local system listens on, and how a developer changes it: the environment variable
 * {@code <KEY>_PORT} or the argument {@code --<key>-port=}.
 *
 * @param key         short name, e.g. {@code gateway}, {@code kafka-controller}
 * @param component   what listens there, as messages name it, e.g. {@code complaints-service}
 * @param defaultPort the port used when nothing else is said
 */
public record PortSpec(String key, String component, int defaultPort) {

    public String envName() {
        return key.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    public String argName() {
        return "--" + key + "-port";
    }
}
