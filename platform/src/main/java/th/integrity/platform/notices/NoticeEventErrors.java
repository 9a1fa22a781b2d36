package th.integrity.platform.notices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How a service's notices consumer meets a failure: while MongoDB is unreachable the record is retried without limit
 * (the partition waits, nothing is lost); anything else is retried a few times, then logged and skipped, since an
 * event this service wrote itself that cannot be read will not become readable.
 */
public final class NoticeEventErrors {

    private static final Logger log = LoggerFactory.getLogger(NoticeEventErrors.class);

    private NoticeEventErrors() {
    }

    public static DefaultErrorHandler handler() {
        var bounded = new ExponentialBackOffWithMaxRetries(5);
        bounded.setInitialInterval(500);
        bounded.setMultiplier(2.0);
        bounded.setMaxInterval(10_000);
        var handler = new DefaultErrorHandler((record, exception) -> log.error(
                "Notice event {}-{}@{} skipped after retries: {}", record.topic(), record.partition(), record.offset(),
                exception.toString()), bounded);
        handler.setBackOffFunction((record, exception) -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null
                    : cause.getCause()) {
                if (cause instanceof DataAccessResourceFailureException
                        || cause instanceof TransientDataAccessException
                        || cause.getClass().getName().startsWith("com.mongodb.MongoSocket")
                        || cause.getClass().getName().equals("com.mongodb.MongoTimeoutException")) {
                    var untilMongoAnswers = new ExponentialBackOff(1_000, 2.0);
                    untilMongoAnswers.setMaxInterval(60_000);
                    return untilMongoAnswers;
                }
            }
            return null;
        });
        return handler;
    }
}
