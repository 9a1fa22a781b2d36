package th.integrity.stats.projection;

/**
 * A record that can never be projected, however often it is retried: not JSON, not a CloudEvent, or missing
 * a fact the statistics need. It goes to the dead-letter topic without retries.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
