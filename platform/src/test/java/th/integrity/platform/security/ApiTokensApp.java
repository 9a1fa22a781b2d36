package th.integrity.platform.security;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's resource-server security around one protected endpoint, without MongoDB and Kafka. */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration" })
class ApiTokensApp {

    @RestController
    static class Secret {

        /** Who the token says the caller is, passed in as controllers take it (CurrentUserArgumentResolver). */
        @GetMapping("/api/secret")
        Map<String, Object> secret(CurrentUser user) {
            return Map.of("subject", user.subject(), "agency", user.agency(), "roles", user.roles());
        }
    }
}
