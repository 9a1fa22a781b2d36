package th.integrity.gateway.headers;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import th.integrity.gateway.GatewayProperties;

/**
 * The browser-side defences, on every response the gateway sends: pages, API answers relayed from the services,
 * its own problem details, 404s and 429s alike. First in the filter chain and applied just before the response
 * is committed, so nothing that answers later (a service, an error handler) can leave them out or weaken them.
 * Spring Security's own header writer is switched off in favour of this one (it would also add
 * {@code Cache-Control: no-store} to everything, published statistics included).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter implements WebFilter {

    /**
     * Only this origin's own scripts, styles, fonts and images ({@code data:} images for inline icons); no inline
     * script or style, no plug-ins, no framing, forms only back to the gateway. The web UI is built to live
     * within it.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Two years, this host and its sub-domains: a government domain has no business being served over http. */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

    /** A service's own CORS answer must not open what the gateway keeps closed. */
    private static final List<String> CORS_RESPONSE_HEADERS = List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
            HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
            HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
            HttpHeaders.ACCESS_CONTROL_MAX_AGE);

    private final GatewayProperties.HttpsMode https;
    private final boolean corsClosed;

    public SecurityHeadersFilter(GatewayProperties properties) {
        this.https = properties.https();
        this.corsClosed = properties.cors().allowedOrigins().isEmpty();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean secure = https.isSecure(exchange.getRequest());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            if (secure) {
                headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            } else {
                // Sent over plain http it would be ignored anyway; a service must not set it for the gateway.
                headers.remove("Strict-Transport-Security");
            }
            if (corsClosed) {
                CORS_RESPONSE_HEADERS.forEach(headers::remove);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
