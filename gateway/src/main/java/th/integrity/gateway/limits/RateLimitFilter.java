package th.integrity.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;
import th.integrity.gateway.problem.GatewayProblemException;
import th.integrity.gateway.GatewayProperties;
import th.integrity.gateway.GatewayProperties.RateLimitGroup;

/**
 * Per-client rate limits on the public routes ({@code integrity.gateway.rate-limits}): a Bucket4j token bucket
 * per client and group, refilled evenly over the group's window, kept in memory only. Beyond the limit the
 * answer is {@code 429} problem details with {@code Retry-After}, before the request reaches sign-in or a service.
 * <p>
 * Each group remembers a bounded number of clients, each for one window after its last request: by then its
 * bucket would be full again, so forgetting it changes nothing but memory. Clients are keyed by
 * {@link ClientKeys} (a keyed hash, never the address).
 * <p>
 * A filter rather than Spring Cloud Gateway's {@code RequestRateLimiter}: limits here are per method and path
 * group across routes (filing vs. following a complaint on the same service), and the refusal must be a problem
 * document like every other one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RateLimitFilter implements WebFilter {

    private final boolean enabled;
    private final List<Limit> limits;
    private final ClientKeys clientKeys;

    public RateLimitFilter(GatewayProperties properties) {
        var settings = properties.rateLimits();
        this.enabled = settings.enabled();
        this.clientKeys = new ClientKeys(settings.trustedProxies());
        this.limits = settings.groups().entrySet().stream()
                .map(group -> new Limit(group.getKey(), group.getValue(), settings.maxClients()))
                .toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || limits.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        String client = null;
        for (Limit limit : limits) {
            if (!limit.applies(request.getMethod().name(), path)) {
                continue;
            }
            if (client == null) {
                client = clientKeys.keyOf(exchange);
            }
            ConsumptionProbe probe = limit.bucketOf(client).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                return Mono.error(GatewayProblemException.tooManyRequests(Duration.ofNanos(probe.getNanosToWaitForRefill())));
            }
        }
        return chain.filter(exchange);
    }

    private static final class Limit {

        private final Set<String> methods;
        private final List<PathPattern> paths;
        private final long capacity;
        private final Duration window;
        private final Cache<String, Bucket> buckets;

        Limit(String name, RateLimitGroup group, int maxClients) {
            this.methods = Set.copyOf(group.methods());
            this.paths = group.paths().stream().map(path -> parse(name, path)).toList();
            this.capacity = group.capacity();
            this.window = group.window();
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(maxClients)
                    .expireAfterAccess(window)
                    // Housekeeping on the calling thread: no pool, and expiry is exact enough for buckets.
                    .executor(Runnable::run)
                    .build();
        }

        boolean applies(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && paths.stream().anyMatch(p -> p.matches(path));
        }

        Bucket bucketOf(String client) {
            return buckets.get(client, key -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                    .build());
        }

        private static PathPattern parse(String group, String path) {
            try {
                return PathPatternParser.defaultInstance.parse(path);
            } catch (PatternParseException e) {
                throw new IllegalStateException("integrity.gateway.rate-limits.groups." + group + ".paths: '" + path
                        + "' is not a valid path pattern: " + e.getMessage(), e);
            }
        }
    }
}
