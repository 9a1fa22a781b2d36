package th.integrity.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

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
    void theMailServerKeepsWritesAndReportsEachMailAndSurvivesAStopAndStart() throws Exception {
        List<MailServer.Mail> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MailServer server = MailServer.start(0, dir.resolve("mail"), told::add)) {
            mail(server, "reporter@example.org", "ข่าว / News", "สวัสดี hello");
            MailServer.Mail mail = server.await(m -> m.to().equals("reporter@example.org"), Duration.ofSeconds(10));
            assertThat(mail).isNotNull();
            assertThat(mail.subject()).isEqualTo("ข่าว / News");
            assertThat(mail.text()).contains("สวัสดี hello");
            assertThat(mail.file()).exists().hasParent(dir.resolve("mail"));
            assertThat(java.nio.file.Files.readString(mail.file())).contains("reporter@example.org");
            assertThat(told).containsExactly(mail);

            server.stop();
            assertThatThrownBy(() -> mail(server, "later@example.org", "s", "t")).isInstanceOf(MessagingException.class);
            server.start();
            mail(server, "later@example.org", "s", "t");
            assertThat(server.await(m -> m.to().equals("later@example.org"), Duration.ofSeconds(10))).isNotNull();
            assertThat(server.received()).hasSize(2);
        }
    }

    private static void mail(MailServer server, String to, String subject, String text) throws MessagingException {
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        properties.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@integrity.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
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
