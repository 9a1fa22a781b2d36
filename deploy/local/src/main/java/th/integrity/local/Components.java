package th.integrity.local;

import java.util.List;
import java.util.Map;

/**
 * Everything the local system consists of, as data. Adding a component (the development OIDC provider on
 * 9000, say) means a {@link PortSpec} here, and a {@link ServiceSpec} if it runs as a process of its own;
 * configuration, the port check, start-up, readiness, the URL table and shutdown follow from these lists.
 */
public final class Components {

    public static final String GATEWAY = "gateway";
    public static final String COMPLAINTS = "complaints";
    public static final String GIFTS = "gifts";
    public static final String STATS = "stats";
    public static final String OIDC = "oidc";
    public static final String KAFKA = "kafka";
    public static final String KAFKA_CONTROLLER = "kafka-controller";
    public static final String MONGODB = "mongodb";

    /** Every port, in the order the URL table and the port check list them. */
    public static final List<PortSpec> PORTS = List.of(
            new PortSpec(GATEWAY, "gateway", 8080),
            new PortSpec(COMPLAINTS, "complaints-service", 8081),
            new PortSpec(GIFTS, "gifts-service", 8082),
            new PortSpec(STATS, "stats-service", 8083),
            new PortSpec(OIDC, "development OIDC provider", 9000),
            new PortSpec(KAFKA, "Kafka broker", 9092),
            new PortSpec(KAFKA_CONTROLLER, "Kafka controller", 9093),
            new PortSpec(MONGODB, "MongoDB", 27017));

    /** The service processes; they start in parallel, so the order only sets how they are listed. */
    public static final List<ServiceSpec> SERVICES = List.of(
            // Issues the demo users' tokens; every other process validates them against its issuer URL.
            new ServiceSpec("oidc-dev", OIDC, config -> Map.of(
                    "OIDC_ISSUER", config.httpUrl(OIDC),
                    "GATEWAY_URL", config.httpUrl(GATEWAY)), "deploy/oidc-dev"),
            new ServiceSpec("complaints-service", COMPLAINTS, config -> Map.of()),
            new ServiceSpec("gifts-service", GIFTS, config -> Map.of()),
            new ServiceSpec("stats-service", STATS, config -> Map.of()),
            // Like every process it gets MONGODB_URI (ServiceProcess): its browser sessions go to database gateway.
            new ServiceSpec("gateway", GATEWAY, config -> Map.of(
                    "COMPLAINTS_SERVICE_URL", config.httpUrl(COMPLAINTS),
                    "GIFTS_SERVICE_URL", config.httpUrl(GIFTS),
                    "STATS_SERVICE_URL", config.httpUrl(STATS))));

    private Components() {
    }

    public static PortSpec port(String key) {
        return PORTS.stream()
                .filter(spec -> spec.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No port named " + key));
    }

    public static ServiceSpec service(String name) {
        return SERVICES.stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service named " + name + "; services are "
                        + SERVICES.stream().map(ServiceSpec::name).toList()));
    }
}
