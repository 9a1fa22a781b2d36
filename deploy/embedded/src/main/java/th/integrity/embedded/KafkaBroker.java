package th.integrity.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker, combined broker and controller in KRaft mode, running in this JVM from
 * Kafka's own jars. One node, so every internal topic has replication factor 1. It can be stopped and
 * started again on the same port and log directory, which is how tests take Kafka away and bring it back.
 * It listens on the loopback address only.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats {@code logDir} if it is new and starts the broker. Ports of 0 are chosen free. */
    public static KafkaBroker start(Path logDir, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(logDir, Ports.orFree(port), Ports.orFree(controllerPort));
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties props = config();
        format(props);
        KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        raft.startup();
        server = raft;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Properties config() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        // Both listeners on the loopback address only: nothing on the network may produce, consume or vote.
        props.put("controller.quorum.voters", "1@" + LOOPBACK + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + port + ",CONTROLLER://" + LOOPBACK + ":"
                + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        // One node on a laptop: keep the broker's own thread pools and memory small.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return props;
    }

    private void format(Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path file = Files.createTempFile("kafka-format", ".properties");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(writer, "embedded Kafka");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c",
                    file.toString(), "--ignore-formatted" }, new PrintStream(out, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(file);
            if (code != 0) {
                throw new IllegalStateException("Formatting Kafka log directory " + logDir + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
