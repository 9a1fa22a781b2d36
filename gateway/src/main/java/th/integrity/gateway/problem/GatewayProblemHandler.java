package th.integrity.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure at the gateway into an RFC 9457 problem in English and Thai, never a stack trace, and
 * never a client address or user agent in a log line: only method, path and the service concerned are logged.
 * Spring Cloud Gateway on its own answers a refused connection with a bare 500; here a service that cannot be
 * reached is a 503 with {@code Retry-After}, as for any dependency that is down. Ordered before Boot's
 * default handler (order -1), which it replaces.
 */
@Component
@Order(-2)
public class GatewayProblemHandler implements ErrorWebExceptionHandler {

    /** Seconds a caller should wait before retrying a service that is down; about one restart of a service. */
    static final String RETRY_AFTER_SECONDS = "10";

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    private final JsonMapper json;

    public GatewayProblemHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? null : route.getId();
        HttpHeaders headers = new HttpHeaders();
        GatewayProblem problem;

        GatewayProblemException refusal = find(failure, GatewayProblemException.class);
        if (refusal != null) {
            // An answer the gateway decided on (limits, CSRF, sign-in): expected traffic, logged by nothing.
            headers.addAll(refusal.headers());
            return write(exchange, refusal.problem(), headers, service, refusal.extensions());
        }
        if (find(failure, ClientAuthorizationException.class) != null) {
            // The session's tokens are gone or could not be refreshed (refresh token expired or revoked).
            log.info("Relaying the session's token failed ({}); the user must sign in again",
                    find(failure, ClientAuthorizationException.class).getError().getErrorCode());
            return write(exchange, GatewayProblem.SIGN_IN_REQUIRED, headers, service, Map.of());
        }
        if (isUnreachable(failure)) {
            problem = GatewayProblem.SERVICE_UNAVAILABLE;
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            log.warn("Service {} unreachable for {} {}: {}", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), failure.getMessage());
        } else if (failure instanceof ErrorResponse error) {
            HttpStatusCode status = error.getStatusCode();
            problem = GatewayProblem.forStatus(status);
            headers.addAll(error.getHeaders());
            if (status.is5xxServerError()) {
                log.warn("{} from route {} for {} {}: {}", status.value(), service, exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), failure.getMessage());
            }
        } else {
            problem = GatewayProblem.INTERNAL_ERROR;
            log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    failure);
        }
        return write(exchange, problem, headers, service, Map.of());
    }

    private Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem, HttpHeaders headers, String service,
            Map<String, Object> extensions) {
        Map<String, Object> body = body(problem, exchange.getRequest().getPath().value());
        if (service != null) {
            body.put("service", service);
        }
        body.putAll(extensions);
        byte[] bytes = json.writeValueAsBytes(body);

        var response = exchange.getResponse();
        response.setStatusCode(problem.status);
        response.getHeaders().addAll(headers);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The problem's members, in the order every gateway problem has them; {@code instance} only when known. */
    static Map<String, Object> body(GatewayProblem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type);
        body.put("title", problem.title);
        body.put("status", problem.status.value());
        body.put("detail", problem.detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("title_th", problem.titleTh);
        body.put("detail_th", problem.detailTh);
        return body;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Refused, timed out while connecting (Netty's ConnectTimeoutException is a ConnectException), or no such host. */
    private static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
