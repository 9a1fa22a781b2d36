package th.integrity.gateway.routing;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import th.integrity.gateway.problem.GatewayProblemException;

/**
 * No protocol upgrade gets through the gateway, on any route. Without this, Spring Cloud Gateway proxies a
 * WebSocket handshake to the service ({@code WebsocketRoutingFilter}: {@code 101 Switching Protocols}, then a raw
 * two-way stream that no body limit, rate limit, header allowlist or response timeout applies to); no service
 * offers a WebSocket.
 * <ul>
 * <li>An {@code Upgrade} header naming anything but {@code h2c} (a WebSocket handshake in any spelling,
 * {@code TLS/1.2}, an empty value) is refused with a 400 problem ({@code protocol-upgrade-refused}) before security,
 * limits or routing run, and the connection is closed. Not 426: {@code 426 Upgrade Required} asks the client to
 * switch to another protocol, the opposite of this answer.</li>
 * <li>{@code Upgrade: h2c} (HTTP/2 over cleartext) is <em>ignored</em>, as RFC 9110 §7.8 allows: the request is
 * served over HTTP/1.1, never switched, and the upgrade headers are removed before anything else sees them (the
 * header allowlist would drop them on the way to a service anyway). Refusing it instead would break every
 * default-configured Java {@code HttpClient}, which offers h2c on its first request over {@code http://}. The
 * gateway's server speaks HTTP/1.1 only, so there is nothing to switch to.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class NoProtocolUpgrade implements WebFilter {

    static final String H2C = "h2c";
    static final String HTTP2_SETTINGS = "HTTP2-Settings";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (!headers.containsHeader(HttpHeaders.UPGRADE)) {
            return chain.filter(exchange);
        }
        if (!onlyH2c(headers.getValuesAsList(HttpHeaders.UPGRADE))) {
            return Mono.error(GatewayProblemException.upgradeRefused());
        }
        return chain.filter(exchange.mutate().request(request -> request.headers(mutable -> {
            mutable.remove(HttpHeaders.UPGRADE);
            mutable.remove(HTTP2_SETTINGS);
        })).build());
    }

    /** Whether the protocols offered (comma-split, trimmed) are h2c alone; an empty Upgrade offers nothing usable. */
    static boolean onlyH2c(List<String> protocols) {
        return !protocols.isEmpty()
                && protocols.stream().allMatch(protocol -> protocol.trim().toLowerCase(Locale.ROOT).equals(H2C));
    }
}
