package th.integrity.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import th.integrity.gateway.routing.GatewayProperties.RouteTimeouts;

/**
 * One route per service, by path prefix. The path goes through unchanged: each service serves its API under
 * the same {@code /api/<service>} prefix it has behind the gateway, so links it builds stay valid both ways.
 * <p>
 * On every route the signed-in user's access token is relayed ({@code TokenRelay}: {@code Authorization: Bearer},
 * renewed when expired; requests without a session keep whatever {@code Authorization} they came with), and
 * what could identify the client is removed before the request leaves: address headers (a client can send them
 * itself, and no proxy in front is trusted to add them) and the gateway's own cookies (the session id and the
 * CSRF token are for the gateway alone). On the complaints route, the public intake, the {@code Referer} goes
 * too and the {@code User-Agent} becomes the gateway's: a reporter's browser and the page they came from are not
 * the agency's business.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutes {

    public static final String COMPLAINTS = "complaints";
    public static final String GIFTS = "gifts";
    public static final String STATS = "stats";

    /** The user agent every public complaint reaches the complaints service with. */
    static final String GATEWAY_AGENT = "integrity-gateway";

    /** Headers that carry a client address, whoever set them. */
    static final List<String> ADDRESS_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP",
            "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "X-Cluster-Client-IP", "X-Originating-IP",
            "Client-IP");

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        var services = properties.services();
        var timeouts = properties.timeouts();
        var routes = builder.routes();
        route(routes, COMPLAINTS, services.complaints(), timeouts.complaints(), anonymous(
                concat(ADDRESS_HEADERS, HttpHeaders.COOKIE, HttpHeaders.USER_AGENT, HttpHeaders.REFERER), true));
        route(routes, GIFTS, services.gifts(), timeouts.gifts(), anonymous(concat(ADDRESS_HEADERS, HttpHeaders.COOKIE), false));
        route(routes, STATS, services.stats(), timeouts.stats(), anonymous(concat(ADDRESS_HEADERS, HttpHeaders.COOKIE), false));
        return routes.build();
    }

    private static void route(RouteLocatorBuilder.Builder routes, String service, URI target, RouteTimeouts timeouts,
            GatewayFilter strip) {
        String prefix = "/api/" + service;
        routes.route(service, r -> r.path(prefix, prefix + "/**")
                .filters(f -> f.tokenRelay().filter(strip))
                // Netty takes the connect timeout as an int of milliseconds, the response timeout as a long.
                .metadata(CONNECT_TIMEOUT_ATTR, (int) Math.min(Integer.MAX_VALUE, timeouts.connect().toMillis()))
                .metadata(RESPONSE_TIMEOUT_ATTR, timeouts.response().toMillis())
                .uri(target));
    }

    /**
     * Removes {@code names} from the request; with {@code sameAgentForAll}, every request then names the gateway as
     * its user agent (left empty, the HTTP client would fill in its own, which is as anonymous but less clear).
     */
    static GatewayFilter anonymous(List<String> names, boolean sameAgentForAll) {
        return (exchange, chain) -> chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> {
                    names.forEach(headers::remove);
                    if (sameAgentForAll) {
                        headers.set(HttpHeaders.USER_AGENT, GATEWAY_AGENT);
                    }
                }))
                .build());
    }

    private static List<String> concat(List<String> first, String... more) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
    }
}
