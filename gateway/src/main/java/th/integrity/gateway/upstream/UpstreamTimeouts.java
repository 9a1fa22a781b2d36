package th.integrity.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import th.integrity.gateway.GatewayProperties;

/**
 * The route's response timeout ({@code integrity.gateway.timeouts.<service>.response}) as Spring Cloud Gateway
 * applies it covers only the wait for the response's status and headers. A service (or a connection gone wrong)
 * that sends its headers and then stops mid-body would hold the caller for ever: no 504 can be sent any more, and
 * nothing ends the wait. Here the same duration is also the longest silence allowed between two reads of the
 * response, body included (Reactor Netty's per-request {@code responseTimeout}). Past it the connection to the
 * service is closed (never returned to the pool) and the caller's response is cut short, which it sees as an
 * incomplete body instead of a hang.
 */
@Configuration(proxyBeanMethods = false)
public class UpstreamTimeouts {

    @Bean
    HttpClientCustomizer responseSilenceLimit(GatewayProperties properties) {
        var services = properties.services();
        var timeouts = properties.timeouts();
        Map<String, Duration> byService = new HashMap<>();
        byService.merge(key(services.complaints()), timeouts.complaints().response(), UpstreamTimeouts::longer);
        byService.merge(key(services.gifts()), timeouts.gifts().response(), UpstreamTimeouts::longer);
        byService.merge(key(services.stats()), timeouts.stats().response(), UpstreamTimeouts::longer);
        return client -> client.doOnRequest((request, connection) -> {
            Duration limit = byService.get(key(URI.create(request.resourceUrl())));
            if (limit != null) {
                request.responseTimeout(limit);
            }
        });
    }

    /** Scheme, host and port, the port spelled out: what tells the services apart on the wire. */
    static String key(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
