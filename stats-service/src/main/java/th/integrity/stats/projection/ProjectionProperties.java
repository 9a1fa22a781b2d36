package th.integrity.stats.projection;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the complaint projection reads Kafka.
 *
 * @param complaintsTopic   the complaint events (CloudEvents JSON), e.g. {@code complaints.v1}
 * @param deadLetterTopic   where records that cannot be projected go, e.g. {@code complaints.v1-dlt}
 * @param partitions        partitions to create the topics with when they are missing
 * @param retry             retries of a record whose projection failed for a reason other than its content
 */
@Validated
@ConfigurationProperties("integrity.stats.projection")
public record ProjectionProperties(
        @NotBlank String complaintsTopic,
        @NotBlank String deadLetterTopic,
        @Min(1) @Max(1000) @DefaultValue("3") int partitions,
        @Valid @NotNull @DefaultValue Retry retry) {

    /** A record that keeps failing would otherwise be dead-lettered onto the topic it came from, in a loop. */
    @AssertTrue(message = "dead-letter-topic must differ from complaints-topic")
    public boolean isDeadLetterTopicDistinct() {
        return complaintsTopic == null || !complaintsTopic.equals(deadLetterTopic);
    }

    /**
     * @param attempts        retries after the first failure before the record is dead-lettered
     * @param initialInterval pause before the first retry; doubled for each further one
     * @param maxInterval     longest pause between retries (keep well below max.poll.interval.ms)
     */
    public record Retry(
            @Min(0) @Max(20) @DefaultValue("3") int attempts,
            @NotNull @DefaultValue("500ms") Duration initialInterval,
            @NotNull @DefaultValue("5s") Duration maxInterval) {

        @AssertTrue(message = "retry intervals must be positive and initial-interval <= max-interval")
        public boolean isIntervalsOrdered() {
            if (initialInterval == null || maxInterval == null) {
                return true;
            }
            return !initialInterval.isNegative() && !initialInterval.isZero()
                    && initialInterval.compareTo(maxInterval) <= 0;
        }
    }
}
