package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import th.integrity.contracts.GoldenEvents;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TopicReader;
import th.integrity.stats.IntegrationTestSupport;

/**
 * Through the real broker: the golden {@code complaint.submitted.v1} is counted, and variants that break the
 * contract (a source other than complaints-service's for the agency, a {@code complaint.*.v1} type outside the
 * contract) go to the dead-letter topic instead of into the statistics.
 */
class ContractViolationsTest extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The golden submitted event, moved to {@code agency} and {@code caseId}, then changed by {@code change}. */
    private String golden(String agency, String caseId, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) GoldenEvents.json(GoldenEvents.COMPLAINTS_V1, ComplaintEventReader.SUBMITTED);
        event.put("source", "/agencies/" + agency + "/complaints").put("subject", caseId);
        ((ObjectNode) event.get("data")).put("agency", agency).put("caseId", caseId);
        change.accept(event);
        return json.writeValueAsString(event);
    }

    @Test
    void eventsThatBreakTheContractAreDeadLetteredAndNeverCounted() {
        String agency = newAgency();
        String key = agency + ":C-1";
        String foreignSource = golden(agency, "C-0", e -> e.put("source", "/agencies/" + agency + "/complaints-service"));
        String otherAgencysSource = golden(agency, "C-0", e -> e.put("source", "/agencies/huaikhwang/complaints"));
        String unknownType = golden(agency, "C-0", e -> e.put("type", "complaint.deleted.v1"));

        send(key, foreignSource);
        send(key, otherAgencysSource);
        send(key, unknownType);
        send(key, golden(agency, "C-1", e -> { }));

        String draft = "/api/stats/complaints/" + agency + "/2568/draft";
        await().atMost(WAIT).until(() -> asOfficer(draft).body().path("totalReceived").asLong() == 1);
        List<String> deadLetters = await().atMost(WAIT).until(() -> TopicReader
                .readAll(TestInfrastructure.kafkaBootstrapServers(), DEAD_LETTER_TOPIC).stream()
                .filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList(), values -> values.size() >= 3);
        assertThat(deadLetters).containsExactlyInAnyOrder(foreignSource, otherAgencysSource, unknownType);
        assertThat(asOfficer(draft).body().path("totalReceived").asLong()).isEqualTo(1);
    }
}
