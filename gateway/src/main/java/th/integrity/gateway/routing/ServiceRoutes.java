package th.integrity.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.net.URI;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import th.integrity.gateway.GatewayProperties;
import th.integrity.gateway.GatewayProperties.RouteTimeouts;

/**
 * One route per service, by path prefix. The path goes through unchanged: each service serves its API under
 * the same {@code /api/<service>} prefix it has behind the gateway, so links it builds stay valid both ways.
 * <p>
 * On every route the signed-in user's access token is relayed ({@code TokenRelay}: {@code Authorization: Bearer},
 * renewed when expired; requests without a session keep whatever {@code Authorization} they came with). Which
 * other request headers go along is decided once for all routes by {@link ForwardedHeaders}, an allowlist:
 * nothing that could identify the client (an address header, a cookie, the {@code Referer}, the browser's user
 * agent) leaves the gateway. Protocol upgrades never reach a route ({@link NoProtocolUpgrade}).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutes {

    public static final String COMPLAINTS = "complaints";
    public static final String GIFTS = "gifts";
    public static final String STATS = "stats";

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        var services = properties.services();
        var timeouts = properties.timeouts();
        var routes = builder.routes();
        route(routes, COMPLAINTS, services.complaints(), timeouts.complaints());
        route(routes, GIFTS, services.gifts(), timeouts.gifts());
        route(routes, STATS, services.stats(), timeouts.stats());
        return routes.build();
    }

    private static void route(RouteLocatorBuilder.Builder routes, String service, URI target, RouteTimeouts timeouts) {
        String prefix = "/api/" + service;
        routes.route(service, r -> r.path(prefix, prefix + "/**")
                .filters(f -> f.tokenRelay())
                // Netty takes the connect timeout as an int of milliseconds, the response timeout as a long.
                .metadata(CONNECT_TIMEOUT_ATTR, (int) Math.min(Integer.MAX_VALUE, timeouts.connect().toMillis()))
                .metadata(RESPONSE_TIMEOUT_ATTR, timeouts.response().toMillis())
                .uri(target));
    }
}
