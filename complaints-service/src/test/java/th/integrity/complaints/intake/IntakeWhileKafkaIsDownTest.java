package th.integrity.complaints.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.embedded.KafkaBroker;
import th.integrity.testkit.TestInfrastructure;

/** Kafka being down never fails or loses a submission: the event waits in the outbox and goes out once. */
@DisabledIfEnvironmentVariable(named = "KAFKA_BOOTSTRAP_SERVERS", matches = ".+",
        disabledReason = "stops and restarts the embedded broker")
class IntakeWhileKafkaIsDownTest extends IntegrationTestSupport {

    @Test
    void acceptsComplaintsAndPublishesEachEventOnceKafkaIsBack() {
        KafkaBroker kafka = TestInfrastructure.embeddedKafka();
        String code;
        String eventId;
        kafka.stop();
        try {
            HttpResponse<String> response = postComplaint("wang-thonglang", "CORRUPTION",
                    "มีการเบิกจ่ายค่าล่วงเวลาเป็นเท็จในฝ่ายโยธา ตั้งแต่เดือนมกราคม");
            assertThat(response.statusCode()).isEqualTo(201);
            code = body(response).get("trackingCode").asString();

            List<Document> outbox = storedByCode(code).getList("outbox", Document.class);
            assertThat(outbox).hasSize(1);
            eventId = outbox.get(0).getString("eventId");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    storedByCode(code).getList("outbox", Document.class)).as("still waiting").hasSize(1));
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                storedByCode(code).getList("outbox", Document.class)).as("published").isEmpty());
        String id = "\"id\":\"" + eventId + "\"";
        assertThat(readAll(TOPIC).stream().filter(record -> record.value().contains(id))).hasSize(1);
    }
}
