package th.integrity.complaints;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import th.integrity.complaints.identity.IdentityCipher;
import th.integrity.complaints.tracking.FailedLookupLimiter;
import th.integrity.complaints.tracking.TrackingCodes;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
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
    IdentityCipher identityCipher(ComplaintsProperties properties) {
        IdentityCipher cipher = new IdentityCipher(properties.identity());
        if (cipher.isDevelopmentKey()) {
            LoggerFactory.getLogger(IdentityCipher.class).warn(
                    "Reporters' identities are encrypted with the DEVELOPMENT key: set IDENTITY_KEY and IDENTITY_KEY_ID");
        }
        return cipher;
    }

    @Bean
    FailedLookupLimiter failedLookupLimiter(Clock clock, ComplaintsProperties properties) {
        return new FailedLookupLimiter(clock, properties.tracking().maxFailuresPerMinute());
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
