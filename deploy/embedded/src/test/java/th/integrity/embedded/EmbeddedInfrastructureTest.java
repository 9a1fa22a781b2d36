package th.integrity.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

class EmbeddedInfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void kafkaKeepsItsLogAcrossAStopAndStartOnTheSamePort() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0)) {
            send(broker, "before");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(Ports.isTaken(broker.port())).isFalse();

            broker.start();
            send(broker, "after");
            assertThat(readAll(broker)).containsExactly("before", "after");
        }
    }

    @Test
    void fileBackedMongoKeepsDocumentsAcrossARestart() {
        int port;
        try (MongoWireServer server = MongoWireServer.fileBacked(dir.resolve("mongo"), 0);
                MongoClient client = MongoClients.create(server.uri("complaints"))) {
            port = server.port();
            client.getDatabase("complaints").getCollection("complaints").insertOne(new Document("_id", "c-1"));
        }
        try (MongoWireServer server = MongoWireServer.fileBacked(dir.resolve("mongo"), port);
                MongoClient client = MongoClients.create(server.uri("complaints"))) {
            assertThat(client.getDatabase("complaints").getCollection("complaints").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("complaints").runCommand(new Document("ping", 1)).get("ok"))
                    .isIn(1, 1.0);
        }
    }

    @Test
    void aPortInUseIsReportedTaken() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            assertThat(Ports.isTaken(socket.getLocalPort())).isTrue();
        }
        assertThat(Ports.isTaken(Ports.free())).isFalse();
    }

    private static void send(KafkaBroker broker, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "acks", "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("probe", "k", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(KafkaBroker broker) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "group.id", "probe-reader", "auto.offset.reset", "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("probe"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
