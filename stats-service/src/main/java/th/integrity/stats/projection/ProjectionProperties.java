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
 * @param partitions        partitions of the dead-letter topics this service produces (those of the event topics
 *                          are their producers')
 * @param replicationFactor replication factor of the dead-letter topics
 * @param retry             retries of a record whose projection failed for a reason other than its content
 * @param giftsTopic        the gift events, e.g. {@code gifts.v1}
 * @param giftsDeadLetterTopic where gift records that cannot be projected go
 * @param stateRefresh      how long an instance trusts its cached copy of which generation is active
 * @param replayPollTimeout how long one poll of the replay consumer waits for records
 * @param replayDeadline    a replay that has not caught up after this long is abandoned
 * @param replayBatchSize   records per poll of the replay consumer ({@code max.poll.records}); the complaint
 *                          events of a poll are applied with one read and one bulk write
 * @param replayStaleAfter  a replay whose heartbeat is older than this (its process was killed, or it hangs) is
 *                          abandoned: its half-built generation is dropped and a new replay may start. A running
 *                          replay beats about every second (more often when this is short), but not while it
 *                          waits for Kafka's metadata at its start (up to 30 s): keep it well above that.
 * @param developmentStore  the store is mongo-java-server with large collections (the launcher, the benchmark):
 *                          write snapshots by {@code _id} alone under a lock of this process instead of the
 *                          conditional upsert that server can only answer by a scan ({@link SnapshotStore}). Never
 *                          in production: it is correct only while a single stats-service process writes.
 */
@Validated
@ConfigurationProperties("integrity.stats.projection")
public record ProjectionProperties(
        @NotBlank String complaintsTopic,
        @NotBlank String deadLetterTopic,
        @Min(1) @Max(1000) @DefaultValue("3") int partitions,
        @Min(1) @Max(7) @DefaultValue("1") short replicationFactor,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotBlank @DefaultValue("gifts.v1") String giftsTopic,
        @NotBlank @DefaultValue("gifts.v1-dlt") String giftsDeadLetterTopic,
        @NotNull @DefaultValue("5s") Duration stateRefresh,
        @NotNull @DefaultValue("500ms") Duration replayPollTimeout,
        @NotNull @DefaultValue("30m") Duration replayDeadline,
        @Min(1) @Max(20_000) @DefaultValue("5000") int replayBatchSize,
        @NotNull @DefaultValue("2m") Duration replayStaleAfter,
        @DefaultValue("false") boolean developmentStore) {

    /** A replay that waits out the state refresh before it starts must not look stale meanwhile. */
    @AssertTrue(message = "replay-stale-after must exceed state-refresh")
    public boolean isReplayStaleAfterAboveStateRefresh() {
        return replayStaleAfter == null || stateRefresh == null || replayStaleAfter.compareTo(stateRefresh) > 0;
    }

    /** How often a running replay beats: about every second, at least five times per {@link #replayStaleAfter}. */
    public Duration replayHeartbeat() {
        Duration fifth = replayStaleAfter.dividedBy(5);
        return fifth.compareTo(Duration.ofSeconds(1)) < 0 ? fifth : Duration.ofSeconds(1);
    }

    /** A record that keeps failing would otherwise be dead-lettered onto the topic it came from, in a loop. */
    @AssertTrue(message = "dead-letter-topic must differ from complaints-topic")
    public boolean isDeadLetterTopicDistinct() {
        return complaintsTopic == null || !complaintsTopic.equals(deadLetterTopic);
    }

    @AssertTrue(message = "gifts-dead-letter-topic must differ from gifts-topic and complaints-topic")
    public boolean isGiftsDeadLetterTopicDistinct() {
        return giftsDeadLetterTopic == null
                || (!giftsDeadLetterTopic.equals(giftsTopic) && !giftsDeadLetterTopic.equals(complaintsTopic));
    }

    /** The dead-letter topic of a source topic. */
    public String deadLetterTopicOf(String topic) {
        if (topic.equals(giftsTopic)) {
            return giftsDeadLetterTopic;
        }
        return topic.equals(complaintsTopic) ? deadLetterTopic : topic + "-dlt";
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
