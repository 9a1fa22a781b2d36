package th.integrity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The series the alert rules (deploy/compose/prometheus/rules) read, as Prometheus scrapes them from
 * {@code /actuator/prometheus}: consumer lag per topic and partition, and records per dead-letter topic.
 */
class MonitoringMetricsTest extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)\\} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void consumerLagIsExposedForEveryPartitionOfBothTopicsAndIsZeroOnceConsumed() {
        String agency = newAgency();
        sendComplaintEvent("complaint.submitted.v1", agency, "C-1", 1, Instant.parse("2025-02-01T03:00:00Z"), "RECEIVED");

        // Micrometer's KafkaClientMetrics looks for new client metrics every 60 s; a partition's series appears
        // at the first refresh after the consumer was assigned it and fetched from it.
        await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Sample> lag = samples("kafka_consumer_fetch_manager_records_lag");
            for (String topic : List.of(TOPIC, GIFTS_TOPIC)) {
                Map<String, Double> byPartition = new TreeMap<>();
                lag.stream().filter(s -> topic.equals(s.labels().get("topic")))
                        .forEach(s -> byPartition.merge(s.labels().get("partition"), s.value(), Math::max));
                // Three partitions in application.yml (integrity.stats.projection.partitions), each its own series.
                assertThat(byPartition).as(topic + " lag by partition").containsOnlyKeys("0", "1", "2");
                assertThat(byPartition.values()).as(topic + ": everything sent was consumed").containsOnly(0.0);
            }
        });
    }

    @Test
    void deadLetterRecordsAreCountedPerDeadLetterTopic() {
        Map<String, Double> before = deadLetters();
        assertThat(before).as("registered at start, so an alert on increase() sees the first one")
                .containsKeys("complaints.v1-dlt<-complaints.v1", "gifts.v1-dlt<-gifts.v1");

        send(GIFTS_TOPIC, newAgency() + ":G-1", "{not json " + UUID.randomUUID());

        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Double> now = deadLetters();
            assertThat(now.get("gifts.v1-dlt<-gifts.v1")).isEqualTo(before.get("gifts.v1-dlt<-gifts.v1") + 1);
            assertThat(now.get("complaints.v1-dlt<-complaints.v1"))
                    .isEqualTo(before.get("complaints.v1-dlt<-complaints.v1"));
        });
    }

    /** {@code topic<-source} → count. */
    private Map<String, Double> deadLetters() {
        Map<String, Double> out = new TreeMap<>();
        samples("integrity_dead_letter_records_total")
                .forEach(s -> out.put(s.labels().get("topic") + "<-" + s.labels().get("source"), s.value()));
        return out;
    }

    private record Sample(Map<String, String> labels, double value) {
    }

    private List<Sample> samples(String name) {
        Response response = management("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.text().lines().map(SAMPLE::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(name)).map(m -> {
                    Map<String, String> labels = new TreeMap<>();
                    Matcher label = LABEL.matcher(m.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                    return new Sample(labels, Double.parseDouble(m.group(3)));
                }).toList();
    }
}
