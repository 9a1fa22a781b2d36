package th.integrity.gateway.problem;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import th.integrity.platform.text.Texts;
import th.integrity.platform.web.ProblemType;

/**
 * The problems the gateway itself answers with (RFC 9457): what happened at the door, each as a problem type of the
 * one vocabulary the services use ({@link ProblemType}: the same {@code urn:integrity:problem:} names for the same
 * problems, the same JSON members) and a detail of its own. Titles come from the bundles ({@code problem.<name>.title},
 * the platform's for the shared types, the gateway's {@code messages*.properties} for its own), details from
 * {@code gateway.problem.<constant>.detail}, in English and Thai. Answers from the services pass through untouched;
 * these cover only what happens at the door.
 */
public enum GatewayProblem {

    NOT_FOUND(ProblemType.NOT_FOUND),
    METHOD_NOT_ALLOWED(ProblemType.METHOD_NOT_ALLOWED),
    BAD_REQUEST(ProblemType.BAD_REQUEST),
    /** Refused before routing: by Spring Security's firewall, or as a request target Java cannot parse as a URI. */
    REQUEST_REJECTED(ProblemType.BAD_REQUEST),
    /** A WebSocket or other protocol upgrade: refused before routing (routing/NoProtocolUpgrade). */
    UPGRADE_REFUSED(new ProblemType("protocol-upgrade-refused", HttpStatus.BAD_REQUEST)),
    /** The body's framing is not one plain Content-Length or one plain "Transfer-Encoding: chunked". */
    AMBIGUOUS_FRAMING(ProblemType.BAD_REQUEST),
    /** A chunked body that stopped decoding part-way (bad chunk size or extension); the connection is closed. */
    MALFORMED_BODY(ProblemType.BAD_REQUEST),
    /** Reactor Netty's decoder: a request line (address with its query string) beyond its limit. */
    URI_TOO_LONG(new ProblemType("uri-too-long", HttpStatus.URI_TOO_LONG)),
    /** Reactor Netty's decoder: headers beyond their limit. */
    HEADER_FIELDS_TOO_LARGE(
            new ProblemType("request-header-fields-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)),
    /** The browser session's tokens are gone or can no longer be renewed: the services' 401, with its own detail. */
    SIGN_IN_REQUIRED(ProblemType.UNAUTHENTICATED),
    /** An API client's bearer token that is not an access token for this API; the same type the services use. */
    TOKEN_REFUSED(ProblemType.UNAUTHENTICATED),
    FORBIDDEN(ProblemType.FORBIDDEN),
    CSRF_TOKEN_MISSING(new ProblemType("csrf-token-missing", HttpStatus.FORBIDDEN)),
    PAYLOAD_TOO_LARGE(ProblemType.PAYLOAD_TOO_LARGE),
    TOO_MANY_REQUESTS(new ProblemType("too-many-requests", HttpStatus.TOO_MANY_REQUESTS)),
    /** A service that cannot be reached: the type the services answer with for a dependency that is down. */
    SERVICE_UNAVAILABLE(ProblemType.UNAVAILABLE),
    SIGN_IN_UNAVAILABLE(new ProblemType("sign-in-unavailable", HttpStatus.SERVICE_UNAVAILABLE)),
    GATEWAY_TIMEOUT(new ProblemType("gateway-timeout", HttpStatus.GATEWAY_TIMEOUT)),
    INTERNAL_ERROR(ProblemType.INTERNAL);

    final ProblemType type;
    final HttpStatus status;
    final String detail;
    final String detailTh;

    GatewayProblem(ProblemType type) {
        this.type = type;
        this.status = type.status();
        String key = "gateway.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".detail";
        // Read once, when the class loads: a missing text fails the gateway's start, never a citizen's request.
        this.detail = Texts.in(Locale.ENGLISH, key);
        this.detailTh = Texts.in(Texts.THAI, key);
    }

    /** The closest problem for a status the gateway was handed by the framework: the first listed with it. */
    static GatewayProblem forStatus(HttpStatusCode status) {
        for (GatewayProblem problem : values()) {
            if (problem.status.value() == status.value()) {
                return problem;
            }
        }
        return status.is4xxClientError() ? BAD_REQUEST : INTERNAL_ERROR;
    }
}
