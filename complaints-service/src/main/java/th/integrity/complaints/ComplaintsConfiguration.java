package th.integrity.complaints;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

import org.springdoc.core.utils.SpringDocUtils;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import th.integrity.platform.security.CurrentUser;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ComplaintsConfiguration {

    static {
        // The caller comes from the token (a controller parameter), never from the request: not in the API docs.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    /** Created at start-up when Kafka is reachable (Spring Kafka's admin); existing topics are left alone. */
    @Bean
    NewTopic complaintsTopic(ComplaintsProperties properties) {
        var topic = properties.topic();
        return TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(topic.replicationFactor())
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI complaintsOpenApi() {
        return new OpenAPI().info(new Info().title("complaints-service").version("v1").description(
                "Complaint intake (public), following a complaint with its tracking code (public), casework "
                        + "(OFFICER), identity-reveal audit (HEAD) and reference data (public read, ADMIN edit). "
                        + "Errors are RFC 9457 problem details with Thai and English text."));
    }
}
