package th.integrity.platform.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Failures that are the client's mistake although the container reports them as plain exceptions: a query string
 * whose percent-encoding is not UTF-8 (Tomcat's {@link InvalidParameterException} when a parameter is first read),
 * a multipart body that cannot be parsed. Each is a 4xx problem; the log gets one DEBUG line with the exception's
 * type only — its message quotes the value sent, which may be an attacker's text or a reporter's words.
 */
final class ClientMistakes {

    private static final Logger log = LoggerFactory.getLogger(ClientMistakes.class);

    private ClientMistakes() {
    }

    /** The problem for {@code ex} when anything in its cause chain is a client's mistake, or null. */
    static ProblemException problemFor(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid) {
                if (invalid.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
                    // Too many parameters (Tomcat's maxParameterCount).
                    return ProblemException.of(ProblemType.forStatus(HttpStatus.PAYLOAD_TOO_LARGE),
                            "platform.parameters.too-many");
                }
                return ProblemException.of(ProblemType.BAD_REQUEST, "platform.query.not-utf8");
            }
            if (cause instanceof MultipartException && !(cause instanceof MaxUploadSizeExceededException)) {
                return malformedMultipart();
            }
        }
        return null;
    }

    static ProblemException malformedMultipart() {
        return ProblemException.of(ProblemType.MALFORMED_REQUEST, "platform.multipart.malformed");
    }

    /** The type only: the message may quote what was sent. */
    static void log(Throwable ex) {
        log.debug("Refused a malformed request ({})", ex.getClass().getName());
    }
}
