package th.integrity.gifts.declaration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka topic that carries declaration events to the other services.
 *
 * @param name       the topic; consumers (stats-service) subscribe to the same name
 * @param partitions events are keyed by agency and declaration id, so one declaration's events stay in order
 *                   within a partition whatever this number is
 * @param replicas   1 for the single development broker; a real cluster wants 3 (env KAFKA_TOPIC_REPLICAS)
 */
@Validated
@ConfigurationProperties("integrity.gifts.topic")
public record DeclarationTopicProperties(
        @NotNull @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a Kafka topic name (letters, digits, '.', '_', '-')")
        @DefaultValue("gifts.v1") String name,
        @Min(1) @Max(1000) @DefaultValue("3") int partitions,
        @Min(1) @Max(32) @DefaultValue("1") int replicas) {
}
