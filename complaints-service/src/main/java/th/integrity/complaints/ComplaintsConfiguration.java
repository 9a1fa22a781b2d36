package th.integrity.complaints;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import th.integrity.complaints.tracking.TrackingCodes;

@Configuration(proxyBeanMethods = false)
class ComplaintsConfiguration {

    /** Created at start-up when Kafka is reachable (Spring Kafka's admin); existing topics are left alone. */
    @Bean
    NewTopic complaintsTopic(ComplaintsProperties properties) {
        var topic = properties.topic();
        return TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(topic.replicationFactor())
                .build();
    }

    @Bean
    TrackingCodes trackingCodes(ComplaintsProperties properties) {
        return new TrackingCodes(properties.trackingSecret());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
