package th.integrity.gifts.declaration;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Creates the declaration topic at start-up (Boot's KafkaAdmin creates every NewTopic bean it finds), so the
 * outbox relay never depends on the broker auto-creating topics with its own defaults.
 */
@Configuration(proxyBeanMethods = false)
class DeclarationTopicConfiguration {

    @Bean
    NewTopic declarationTopic(DeclarationTopicProperties topic) {
        return TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(topic.replicas()).build();
    }
}
