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
    public static final String MAIL = "mail";
    public static final String GATEWAY_MANAGEMENT = "gateway-management";
    public static final String COMPLAINTS_MANAGEMENT = "complaints-management";
    public static final String GIFTS_MANAGEMENT = "gifts-management";
    public static final String STATS_MANAGEMENT = "stats-management";

    /** Every port, in the order the URL table and the port check list them. */
    public static final List<PortSpec> PORTS = List.of(
            new PortSpec(GATEWAY, "gateway", 8080),
            new PortSpec(COMPLAINTS, "complaints-service", 8081),
            new PortSpec(GIFTS, "gifts-service", 8082),
            new PortSpec(STATS, "stats-service", 8083),
            new PortSpec(OIDC, "development OIDC provider", 9000),
            new PortSpec(KAFKA, "Kafka broker", 9092),
            new PortSpec(KAFKA_CONTROLLER, "Kafka controller", 9093),
            new PortSpec(MONGODB, "MongoDB", 27017),
            // The development mail server (SMTP, loopback only): the services' notices land there (docs/operations.md).
            new PortSpec(MAIL, "development mail server (SMTP)", 1025),
            // Actuator (metrics, detailed health, probes) on loopback, apart from the API ports: nothing public
            // routes there. Clear of the ports above and of the benchmark's (18000 and up).
            new PortSpec(GATEWAY_MANAGEMENT, "gateway management", 9080),
            new PortSpec(COMPLAINTS_MANAGEMENT, "complaints-service management", 9081),
            new PortSpec(GIFTS_MANAGEMENT, "gifts-service management", 9082),
            new PortSpec(STATS_MANAGEMENT, "stats-service management", 9083));

    /** The service processes; they start in parallel, so the order only sets how they are listed. */
    public static final List<ServiceSpec> SERVICES = List.of(
            // Issues the demo users' tokens; every other process validates them against its issuer URL.
            // The browser signs in there, so it is a door; development only, it has no management port.
            new ServiceSpec("oidc-dev", OIDC, config -> Map.of(
                    "OIDC_ISSUER", config.httpUrl(OIDC),
                    "GATEWAY_URL", config.httpUrl(GATEWAY)), "deploy/oidc-dev", null, true),
            // Reached only through the gateway: their own ports would skip its body limits, rate limits and
            // header rules, so they listen on loopback only.
            // They send notices by e-mail to the development mail server; the links in them name the gateway.
            ServiceSpec.internal("complaints-service", COMPLAINTS, COMPLAINTS_MANAGEMENT, Components::mail),
            ServiceSpec.internal("gifts-service", GIFTS, GIFTS_MANAGEMENT, Components::mail),
            // Its DCAT and publication links name the address people use, the gateway's, never its own. The
            // launcher's store is mongo-java-server: the projection writes by _id alone (docs/statistics.md,
            // "MongoDB and the development store").
            ServiceSpec.internal("stats-service", STATS, STATS_MANAGEMENT,
                    config -> Map.of("INTEGRITY_STATS_DCAT_PUBLICURL", config.httpUrl(GATEWAY),
                            "INTEGRITY_STATS_PROJECTION_DEVELOPMENTSTORE", "true")),
            // The one public door. Like every process it gets MONGODB_URI (ServiceProcess): its browser sessions
            // go to database gateway.
            new ServiceSpec("gateway", GATEWAY, config -> Map.of(
                    "COMPLAINTS_SERVICE_URL", config.httpUrl(COMPLAINTS),
                    "GIFTS_SERVICE_URL", config.httpUrl(GIFTS),
                    "STATS_SERVICE_URL", config.httpUrl(STATS)), "gateway", GATEWAY_MANAGEMENT, true));

    private Components() {
    }

    /** Spring Boot's {@code spring.mail.host/port} and the public address the notices link to. */
    static Map<String, String> mail(LauncherConfig config) {
        return Map.of("MAIL_HOST", "localhost",
                "MAIL_PORT", String.valueOf(config.port(MAIL)),
                "INTEGRITY_NOTICES_SITEURL", config.httpUrl(GATEWAY));
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
