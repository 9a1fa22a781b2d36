package th.integrity.gateway.routing;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request headers a service receives: only those on the allowlist ({@link ForwardingProperties}),
 * plus {@code User-Agent: integrity-gateway}. A denylist of address headers is always one CDN behind
 * ({@code Fastly-Client-IP}, {@code X-Azure-ClientIP}, the ingress's own {@code X-Original-Forwarded-For}…); an
 * allowlist keeps a header nobody thought of at the gateway. Cookies (the session id, the anti-forgery token),
 * {@code Referer}, {@code Origin} and the browser's own {@code User-Agent} stay here too: every caller looks the
 * same to a service, which matters most to a reporter filing anonymously.
 * <p>
 * It runs among Spring Cloud Gateway's request {@link HttpHeadersFilter}s, inside the routing filter just before
 * the request is written, with the lowest precedence: after the filters that would add {@code X-Forwarded-*} and
 * {@code Forwarded} were trusted proxies ever configured, so it drops what they add. Only the gRPC filter (same
 * order, registered later) follows it, adding {@code te: trailers} to {@code application/grpc} requests. The HTTP
 * client then adds {@code Host} (the service's own: the client's is never passed on) and the body's framing
 * ({@code Content-Length}, or {@code Transfer-Encoding: chunked} for a body of unknown length).
 */
@Component
public class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    /** The user agent every request reaches a service with. */
    public static final String GATEWAY_AGENT = "integrity-gateway";

    private final List<String> allowed;

    public ForwardedHeaders(ForwardingProperties properties) {
        this.allowed = properties.allRequestHeaders();
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        for (String name : allowed) {
            // HttpHeaders looks names up case-insensitively, and keeps every value of a repeated header.
            List<String> values = input.getOrEmpty(name);
            if (!values.isEmpty()) {
                forwarded.put(name, values);
            }
        }
        forwarded.set(HttpHeaders.USER_AGENT, GATEWAY_AGENT);
        return forwarded;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
