package th.integrity.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import th.integrity.gateway.problem.GatewayProblem;
import th.integrity.gateway.problem.GatewayProblemException;
import th.integrity.gateway.GatewayProperties;
import th.integrity.gateway.GatewayProperties.BodyLimits;
import th.integrity.gateway.GatewayProperties.Cors;
import th.integrity.gateway.GatewayProperties.RateLimitGroup;
import th.integrity.gateway.GatewayProperties.RateLimits;

/** The limiter's rules, without a server: groups by method and path, per client, the overall switch, the key. */
class RateLimitFilterTest {

    private static final WebFilterChain PASS = exchange -> Mono.empty();

    static GatewayProperties properties(boolean enabled, int trustedProxies, Map<String, RateLimitGroup> groups) {
        return new GatewayProperties(null, null, null, GatewayProperties.HttpsMode.AUTO, null,
                new RateLimits(enabled, 1000, trustedProxies, groups),
                new BodyLimits(org.springframework.util.unit.DataSize.ofKilobytes(64),
                        org.springframework.util.unit.DataSize.ofMegabytes(55), List.of("/api/complaints")),
                new Cors(List.of(), Duration.ofMinutes(30)));
    }

    static final Map<String, RateLimitGroup> FILING = Map.of("filing",
            new RateLimitGroup(List.of("POST"), List.of("/api/complaints"), 2, Duration.ofMinutes(1)));

    static ServerWebExchange exchange(HttpMethod method, String path, String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(method, URI.create("http://gateway" + path))
                .remoteAddress(new InetSocketAddress(address, 40000)));
    }

    static boolean passes(RateLimitFilter filter, ServerWebExchange exchange) {
        try {
            filter.filter(exchange, PASS).block();
            return true;
        } catch (GatewayProblemException refused) {
            assertThat(refused.problem()).isEqualTo(GatewayProblem.TOO_MANY_REQUESTS);
            return false;
        }
    }

    @Test
    void countsPerClientAndOnlyTheGroupsMethodAndPaths() {
        RateLimitFilter filter = new RateLimitFilter(properties(true, 0, FILING));

        assertThat(passes(filter, exchange(HttpMethod.POST, "/api/complaints", "198.51.100.1"))).isTrue();
        assertThat(passes(filter, exchange(HttpMethod.POST, "/api/complaints", "198.51.100.1"))).isTrue();
        assertThat(passes(filter, exchange(HttpMethod.POST, "/api/complaints", "198.51.100.1"))).isFalse();
        // Another client has its own bucket; other methods and paths are not counted.
        assertThat(passes(filter, exchange(HttpMethod.POST, "/api/complaints", "198.51.100.2"))).isTrue();
        assertThat(passes(filter, exchange(HttpMethod.GET, "/api/complaints", "198.51.100.1"))).isTrue();
        assertThat(passes(filter, exchange(HttpMethod.POST, "/api/complaints/track", "198.51.100.1"))).isTrue();
    }

    @Test
    void theOverallSwitchTurnsEveryLimitOff() {
        RateLimitFilter filter = new RateLimitFilter(properties(false, 0, FILING));
        for (int i = 0; i < 10; i++) {
            assertThat(passes(filter, exchange(HttpMethod.POST, "/api/complaints", "198.51.100.1"))).isTrue();
        }
    }

    @Test
    void forwardedForIsIgnoredUnlessProxiesAreTrusted() {
        RateLimitFilter untrusting = new RateLimitFilter(properties(true, 0, FILING));
        // A client rotating forged X-Forwarded-For values is still one client.
        for (int i = 0; i < 2; i++) {
            assertThat(passes(untrusting, forwarded("203.0.113." + i))).isTrue();
        }
        assertThat(passes(untrusting, forwarded("203.0.113.9"))).isFalse();

        // Behind one trusted proxy, the address it appended is the client.
        RateLimitFilter behindProxy = new RateLimitFilter(properties(true, 1, FILING));
        assertThat(passes(behindProxy, forwarded("203.0.113.1"))).isTrue();
        assertThat(passes(behindProxy, forwarded("203.0.113.1"))).isTrue();
        assertThat(passes(behindProxy, forwarded("203.0.113.1"))).isFalse();
        assertThat(passes(behindProxy, forwarded("203.0.113.2"))).isTrue();
    }

    @Test
    void refusalSaysWhenToRetry() {
        RateLimitFilter filter = new RateLimitFilter(properties(true, 0, FILING));
        filter.filter(exchange(HttpMethod.POST, "/api/complaints", "198.51.100.7"), PASS).block();
        filter.filter(exchange(HttpMethod.POST, "/api/complaints", "198.51.100.7"), PASS).block();
        // Two per minute, refilled evenly: the next token comes in about 30 seconds.
        assertThatThrownBy(() -> filter.filter(exchange(HttpMethod.POST, "/api/complaints", "198.51.100.7"), PASS).block())
                .isInstanceOfSatisfying(GatewayProblemException.class, refused -> assertThat(refused.problem())
                        .isEqualTo(GatewayProblem.TOO_MANY_REQUESTS));
    }

    @Test
    void theClientKeyIsAKeyedHashNotTheAddress() {
        ClientKeys keys = new ClientKeys(0);
        String key = keys.keyOf(exchange(HttpMethod.POST, "/api/complaints", "203.0.113.77"));

        assertThat(key).doesNotContain("203.0.113.77").hasSize(43);
        assertThat(keys.keyOf(exchange(HttpMethod.GET, "/x", "203.0.113.77"))).isEqualTo(key);
        assertThat(keys.keyOf(exchange(HttpMethod.GET, "/x", "203.0.113.78"))).isNotEqualTo(key);
        // A fresh secret per process: the same address gives another key, so keys mean nothing after a restart.
        assertThat(new ClientKeys(0).keyOf(exchange(HttpMethod.GET, "/x", "203.0.113.77"))).isNotEqualTo(key);
        // One IPv6 /64 is one client.
        assertThat(keys.keyOf(exchange(HttpMethod.GET, "/x", "2001:db8:1:2::1")))
                .isEqualTo(keys.keyOf(exchange(HttpMethod.GET, "/x", "2001:db8:1:2:ffff::9")))
                .isNotEqualTo(keys.keyOf(exchange(HttpMethod.GET, "/x", "2001:db8:1:3::1")));
    }

    private static ServerWebExchange forwarded(String client) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("http://gateway/api/complaints")
                .header("X-Forwarded-For", client)
                .remoteAddress(new InetSocketAddress("10.0.0.5", 40000)));
    }
}
