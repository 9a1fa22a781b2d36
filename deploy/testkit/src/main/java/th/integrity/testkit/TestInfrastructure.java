package th.integrity.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import th.integrity.embedded.KafkaBroker;
import th.integrity.embedded.MailServer;
import th.integrity.embedded.MongoWireServer;

/**
 * The Kafka broker and MongoDB server that integration tests run against, one of each per test JVM.
 * When {@code KAFKA_BOOTSTRAP_SERVERS} or {@code MONGODB_URI} is set, that real infrastructure is used
 * instead of the embedded one, so the same suite proves the code against a real cluster and replica set.
 */
public final class TestInfrastructure {

    private static KafkaBroker kafka;
    private static MongoWireServer mongo;
    private static MailServer mail;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external;
        }
        return embeddedKafka().bootstrapServers();
    }

    /** The embedded broker, for tests that stop and restart it; absent when an external cluster is used. */
    public static synchronized KafkaBroker embeddedKafka() {
        if (kafka == null) {
            try {
                kafka = KafkaBroker.start(Files.createTempDirectory("kafka-test"), 0, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    /** A connection string for {@code database}; each test class should use a database of its own. */
    public static synchronized String mongoUri(String database) {
        String external = System.getenv("MONGODB_URI");
        if (external != null && !external.isBlank()) {
            return withDatabase(external, database);
        }
        if (mongo == null) {
            mongo = MongoWireServer.inMemory(0);
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        }
        return mongo.uri(database);
    }

    /**
     * Points a Spring Boot test at this JVM's Kafka broker, MongoDB server (database {@code database}) and test
     * OIDC issuer; pass {@code registry::add} from a {@code @DynamicPropertySource} method.
     */
    public static void register(BiConsumer<String, Supplier<Object>> properties, String database) {
        properties.accept("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        properties.accept("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuerUri());
        properties.accept("spring.mongodb.uri", () -> mongoUri(database));
        properties.accept("spring.mongodb.database", () -> database);
    }

    /**
     * This JVM's development mail server (the launcher's, {@link MailServer}), started on first use; mail is kept in
     * memory. Tests that stop it must start it again.
     */
    public static synchronized MailServer mailServer() {
        if (mail == null) {
            mail = MailServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(mail::close));
        }
        return mail;
    }

    /** Points a Spring Boot test's mail sender ({@code spring.mail.host/port}) at {@link #mailServer()}. */
    public static void registerMail(BiConsumer<String, Supplier<Object>> properties) {
        properties.accept("spring.mail.host", () -> mailServer().host());
        properties.accept("spring.mail.port", () -> mailServer().port());
    }

    static String withDatabase(String uri, String database) {
        int scheme = uri.indexOf("://");
        int slash = uri.indexOf('/', scheme + 3);
        int query = uri.indexOf('?');
        String hosts = slash < 0 ? (query < 0 ? uri : uri.substring(0, query)) : uri.substring(0, slash);
        String options = query < 0 ? "" : uri.substring(query);
        return hosts + "/" + database + options;
    }
}
