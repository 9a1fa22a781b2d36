package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;

import th.integrity.stats.IntegrationTestSupport;

/**
 * The producer of a topic declares it. stats-service consumes the event topics and produces only their
 * dead-letter topics: it declares those alone, with the configured partitions and replication, and its consumer
 * never creates a topic by subscribing to it (the broker would give it the broker's defaults).
 */
class TopicOwnershipTest extends IntegrationTestSupport {

    @Autowired
    ApplicationContext context;
    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Test
    void declaresOnlyTheDeadLetterTopicsItProduces() {
        assertThat(context.getBeansOfType(NewTopic.class).values()).extracting(NewTopic::name)
                .containsExactlyInAnyOrder(DEAD_LETTER_TOPIC, GIFTS_TOPIC + "-dlt")
                .doesNotContain(TOPIC, GIFTS_TOPIC);
        assertThat(context.getBeansOfType(NewTopic.class).values())
                .allSatisfy(topic -> assertThat(topic.replicationFactor()).isEqualTo((short) 1));
    }

    @Test
    void itsConsumerNeverCreatesATopic() {
        assertThat(consumers.getConfigurationProperties().get(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG))
                .hasToString("false");
    }
}
