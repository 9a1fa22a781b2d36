package th.integrity.stats.projection;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Topics and failure handling of the complaint projection. A record that fails is retried with exponential
 * back-off a bounded number of times and then published, unchanged and with Spring's exception headers, to
 * the dead-letter topic, so it is neither lost silently nor blocks its partition. An
 * {@link InvalidEventException} skips the retries: its content will not change. A MongoDB outage is the
 * exception to the bound: see {@link #backOffFor}.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

    /**
     * {@code integrity_dead_letter_records_total{topic, source}}: records published to the dead-letter
     * {@code topic}, taken from {@code source}. Any increase means events are missing from the statistics until
     * someone re-publishes them (docs/operations.md).
     */
    static final String DEAD_LETTERED = "integrity.dead_letter.records";

    /*
     * The producer of a topic declares it: this service produces only the dead-letter topics. The event topics
     * belong to complaints-service and gifts-service; declaring them here too would race their declarations
     * with other settings. Partitions are raised at start-up when fewer (KafkaAdmin), never lowered.
     */
    /** The conditional upsert on MongoDB; by {@code _id} alone on a large development store (see there). */
    @Bean
    SnapshotStore snapshotStore(MongoTemplate mongo, ProjectionProperties properties) {
        return properties.developmentStore() ? new DevelopmentSnapshotStore(mongo) : new MongoSnapshotStore(mongo);
    }

    @Bean
    NewTopic complaintsDeadLetterTopic(ProjectionProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    @Bean
    NewTopic giftsDeadLetterTopic(ProjectionProperties properties) {
        return TopicBuilder.name(properties.giftsDeadLetterTopic()).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    @Bean
    DefaultErrorHandler projectionErrorHandler(KafkaOperations<?, ?> kafka, ProjectionProperties properties,
            MeterRegistry meters) {
        // Partition -1: Kafka picks it from the key, so the dead-letter topic may have any number of partitions.
        var deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(properties.deadLetterTopicOf(record.topic()), -1));
        var retry = properties.retry();
        var backOff = new ExponentialBackOffWithMaxRetries(retry.attempts());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        var handler = new DefaultErrorHandler((record, exception) -> {
            deadLetters.accept(record, exception);
            // Counted only once the dead-letter publish was acknowledged (accept throws otherwise).
            deadLettered(meters, properties.deadLetterTopicOf(record.topic()), record.topic()).increment();
            log.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                    properties.deadLetterTopicOf(record.topic()), rootMessage(exception));
        }, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setBackOffFunction((record, exception) -> backOffFor(exception, retry));
        // Registered up front so the series exists at 0, not only after the first dead letter.
        deadLettered(meters, properties.deadLetterTopic(), properties.complaintsTopic());
        deadLettered(meters, properties.giftsDeadLetterTopic(), properties.giftsTopic());
        return handler;
    }

    /**
     * While MongoDB is unreachable every record would fail alike; dead-lettering them would silently drop good
     * events from the statistics. So an outage is waited out (back-off without limit, the partition pauses
     * and the consumer lag shows it); anything else gets the bounded retries ({@code null}: the default).
     */
    static BackOff backOffFor(Exception exception, ProjectionProperties.Retry retry) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
                var untilMongoAnswers = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
                untilMongoAnswers.setMaxInterval(retry.maxInterval().toMillis());
                return untilMongoAnswers;
            }
        }
        return null;
    }

    private static Counter deadLettered(MeterRegistry meters, String deadLetterTopic, String source) {
        return Counter.builder(DEAD_LETTERED)
                .description("Records published to a dead-letter topic because they could not be projected")
                .tag("topic", deadLetterTopic)
                .tag("source", source)
                .register(meters);
    }

    private static String rootMessage(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
