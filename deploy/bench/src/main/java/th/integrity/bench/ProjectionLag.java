package th.integrity.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far stats-service's projection has read: the offsets its consumer group ({@code stats-service}) committed
 * on a topic, against the topic's end offsets. Spring Kafka commits after a poll's records were applied, so a
 * committed offset means projected.
 */
final class ProjectionLag implements AutoCloseable {

    static final String GROUP = "stats-service";

    private final Admin admin;

    ProjectionLag(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        this.admin = Admin.create(props);
    }

    /** Committed offsets of the group on {@code topic}, summed over its partitions (0 where none yet). */
    long committed(String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (var entry : offsets.entrySet()) {
            if (entry.getKey().topic().equals(topic) && entry.getValue() != null) {
                sum += entry.getValue().offset();
            }
        }
        return sum;
    }

    /** End offsets of {@code topic}, summed (= records ever written, nothing being deleted here). */
    long end(String topic) throws Exception {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        long sum = 0;
        for (var info : admin.listOffsets(request).all().get().values()) {
            sum += info.offset();
        }
        return sum;
    }

    /** End offsets of {@code topic}, or 0 when the topic does not exist. */
    long endOrZero(String topic) {
        try {
            return end(topic);
        } catch (Exception e) {
            return 0;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
