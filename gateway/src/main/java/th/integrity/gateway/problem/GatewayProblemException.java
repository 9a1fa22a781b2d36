package th.integrity.gateway.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * A refusal decided at the gateway (rate limit, body limit, CSRF, sign-in). Filters signal it with
 * {@code Mono.error(...)}; {@link GatewayProblemHandler} writes it as problem details, with the security headers
 * every response gets. No stack trace is filled in: these are answers, not failures.
 */
public final class GatewayProblemException extends RuntimeException {

    private final GatewayProblem problem;
    private final HttpHeaders headers;
    private final Map<String, Object> extensions;

    private GatewayProblemException(GatewayProblem problem, HttpHeaders headers, Map<String, Object> extensions) {
        super(problem.type.uri().toString(), null, false, false);
        this.problem = problem;
        this.headers = headers;
        this.extensions = extensions;
    }

    public static GatewayProblemException tooManyRequests(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new GatewayProblemException(GatewayProblem.TOO_MANY_REQUESTS, headers,
                Map.of("retryAfterSeconds", seconds));
    }

    /**
     * @param unreadBodyLeft whether part of the body stays unread: the connection then cannot carry another
     *                       request and is closed after the answer
     */
    public static GatewayProblemException payloadTooLarge(long maxBytes, boolean unreadBodyLeft) {
        HttpHeaders headers = new HttpHeaders();
        if (unreadBodyLeft) {
            headers.setConnection("close");
        }
        return new GatewayProblemException(GatewayProblem.PAYLOAD_TOO_LARGE, headers, Map.of("maxBytes", maxBytes));
    }

    /** Refused by Spring Security's firewall: an encoded slash, '..', ';', '//', a control character, ... */
    public static GatewayProblemException requestRejected() {
        return new GatewayProblemException(GatewayProblem.REQUEST_REJECTED, new HttpHeaders(), Map.of());
    }

    /**
     * A WebSocket or other protocol upgrade. The connection is closed after the answer: a client that asked to
     * switch protocols may already be writing the new protocol's bytes.
     */
    public static GatewayProblemException upgradeRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setConnection("close");
        return new GatewayProblemException(GatewayProblem.UPGRADE_REFUSED, headers, Map.of());
    }

    public static GatewayProblemException csrfTokenMissing() {
        return new GatewayProblemException(GatewayProblem.CSRF_TOKEN_MISSING, new HttpHeaders(), Map.of());
    }

    public static GatewayProblemException forbidden() {
        return new GatewayProblemException(GatewayProblem.FORBIDDEN, new HttpHeaders(), Map.of());
    }

    public static GatewayProblemException signInRequired() {
        return new GatewayProblemException(GatewayProblem.SIGN_IN_REQUIRED, new HttpHeaders(), Map.of());
    }

    /** A bearer token the gateway does not accept (RFC 6750, 3: {@code invalid_token}). */
    public static GatewayProblemException tokenRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return new GatewayProblemException(GatewayProblem.TOKEN_REFUSED, headers, Map.of());
    }

    public static GatewayProblemException signInUnavailable() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, GatewayProblemHandler.RETRY_AFTER_SECONDS);
        return new GatewayProblemException(GatewayProblem.SIGN_IN_UNAVAILABLE, headers, Map.of());
    }

    public GatewayProblem problem() {
        return problem;
    }

    HttpHeaders headers() {
        return headers;
    }

    Map<String, Object> extensions() {
        return new LinkedHashMap<>(extensions);
    }
}
