package th.integrity.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;

import io.netty.handler.timeout.ReadTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
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
        if (exchange.getResponse().isCommitted() || answeredOrGone(exchange)) {
            return abort(exchange, failure);
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
        if (find(failure, ReadTimeoutException.class) != null) {
            // The service went silent past the route's response timeout before sending its status (UpstreamTimeouts).
            problem = GatewayProblem.GATEWAY_TIMEOUT;
            log.warn("Service {} silent past its response timeout for {} {}", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
        } else if (isUnreachable(failure)) {
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

    /**
     * The response has begun (headers, maybe part of the body) or the client is gone, so no problem can be written:
     * writing one anyway fails with "Status and headers already sent" and ends up logged as a 500 at ERROR, and
     * letting the response end normally would hand the client a truncated body that looks complete. The connection
     * is closed instead: the client sees the response cut short (or never sees one) and retries. Logged at INFO
     * without a stack trace: a client that hangs up or sends a broken body is not a fault of the gateway.
     */
    private Mono<Void> abort(ServerWebExchange exchange, Throwable failure) {
        log.info("Response to {} {} cut short: {} after its status was sent or the client went away",
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure.getClass().getSimpleName());
        if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection) {
            connection.channel().close();
        }
        // Spring commits on completion: with no status of its own it then asks nothing of the connection.
        exchange.getResponse().setStatusCode(null);
        return Mono.empty();
    }

    /** Whether Reactor Netty already sent a status on this exchange's connection, or the connection is closed. */
    private static boolean answeredOrGone(ServerWebExchange exchange) {
        Object response = nativeOf(exchange);
        if (response instanceof HttpServerResponse nettyResponse && nettyResponse.hasSentHeaders()) {
            return true;
        }
        return response instanceof Connection connection && !connection.channel().isActive();
    }

    private static Object nativeOf(ServerWebExchange exchange) {
        try {
            return ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        } catch (IllegalArgumentException notReactorNetty) {
            return null; // a mock exchange in a unit test, or another server
        }
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

    /**
     * The problem's members, the same as the services' ({@link th.integrity.platform.web.ProblemType#toBody}:
     * {@code type, title, title_th, status, detail, detail_th}); {@code instance} only when known.
     */
    static Map<String, Object> body(GatewayProblem problem, String instance) {
        Map<String, Object> body = problem.type.toBody(problem.detail, problem.detailTh);
        if (instance != null) {
            body.put("instance", instance);
        }
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
