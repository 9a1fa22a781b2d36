package th.integrity.platform.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param collections  the MongoDB collections whose documents carry an {@code outbox} array
 * @param pollInterval the longest the relay sleeps between looks at the documents reported to it
 * @param batchSize    documents taken per pass
 * @param sendTimeout  how long one pass may wait for Kafka's acknowledgements; longer than the producer's
 *                     delivery.timeout.ms, or the relay gives up on sends the producer is still retrying
 * @param maxBackoff   the longest pause between attempts while Kafka is unreachable
 * @param fullScanInterval how often the relay scans whole collections for messages nobody reported (a crash
 *                     between a write and its report, another instance's documents); it also scans at
 *                     start-up and after Kafka was unreachable. The scan reads the whole collection (on the
 *                     embedded server, and on MongoDB too: no index covers it), so it stays rare: at 30 s it
 *                     took more CPU than the intake itself once the store held ~200,000 complaints.
 * @param backlogInterval how often the backlog gauge is recounted from a failed publish (Kafka unreachable) until
 *                     one full-scan interval after the last one, so the gauge follows an outage and the drain
 *                     after it; a healthy relay recounts once per full-scan interval. On MongoDB the count reads
 *                     a partial index of the pending documents; mongo-java-server reads the whole collection.
 * @param timestampPrecision the Kafka record timestamp is the send time rounded down to this (it divides an hour):
 *                     a topic's metadata must not date an event more precisely than the event itself does
 *                     ({@link th.integrity.platform.events.EventTimes})
 */
@Validated
@ConfigurationProperties("integrity.outbox")
public record OutboxProperties(
        @NotNull List<String> collections,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @DefaultValue("200") int batchSize,
        @NotNull @DefaultValue("15s") Duration sendTimeout,
        @NotNull @DefaultValue("10s") Duration maxBackoff,
        @NotNull @DefaultValue("5m") Duration fullScanInterval,
        @NotNull @DefaultValue("30s") Duration backlogInterval,
        @NotNull @DefaultValue("1h") Duration timestampPrecision) {
}
