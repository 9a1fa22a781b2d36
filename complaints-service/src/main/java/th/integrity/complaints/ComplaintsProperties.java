package th.integrity.complaints;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param trackingSecret the HMAC key tracking codes are stored under (env {@code TRACKING_SECRET}); whoever has
 *                       it can test guesses against a stolen database, so it lives outside the database, and
 *                       changing it makes every issued code unusable
 * @param topic          the Kafka topic this service publishes its events to
 */
@Validated
@ConfigurationProperties("integrity.complaints")
public record ComplaintsProperties(
        @NotBlank @Size(min = 32, message = "must be at least 32 characters: set TRACKING_SECRET to a long random value")
        String trackingSecret,
        @Valid @NotNull @DefaultValue Topic topic) {

    /**
     * @param name              the topic of every complaint event
     * @param partitions        partitions when the service creates the topic (events are keyed by case)
     * @param replicationFactor replicas when the service creates the topic: 1 on one broker, 3 on a cluster
     */
    public record Topic(
            @NotBlank @DefaultValue("complaints.v1") String name,
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor) {
    }

    /** Keeps the secret out of logs and failure analyses that print the bound properties. */
    @Override
    public String toString() {
        return "ComplaintsProperties[trackingSecret=****, topic=" + topic + "]";
    }
}
