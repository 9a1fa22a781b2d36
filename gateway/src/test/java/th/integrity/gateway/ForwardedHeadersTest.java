package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;

import th.integrity.testkit.RawHttp;
import th.integrity.gateway.HostileHeaders.Body;
import th.integrity.gateway.routing.ForwardedHeaders;

/**
 * The gateway forwards an allowlist of request headers, nothing else: whatever address-bearing, fingerprinting or
 * made-up headers a client (or the ingress in front) sends, in whatever case and however often, a service sees
 * only what it needs — with those values intact — plus its own host and the gateway's user agent. Sent over a raw
 * socket, so that names, case, repeats and the Host header are exactly as written.
 */
class ForwardedHeadersTest extends IntegrationTestSupport {

    /** A real access token of the test provider: the gateway checks a bearer token itself before relaying it. */
    private static String bearer() {
        provider.up();
        return "Bearer " + provider.token("officer").sign();
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("POST", "/api/complaints", Body.LENGTH, "complaints"),
                Arguments.of("POST", "/api/complaints/track/messages", Body.CHUNKED, "complaints"),
                Arguments.of("GET", "/api/complaints/reference", Body.NONE, "complaints"),
                Arguments.of("PUT", "/api/gifts/declarations/d-7?round=6", Body.LENGTH, "gifts"),
                Arguments.of("GET", "/api/gifts/declarations", Body.NONE, "gifts"),
                Arguments.of("POST", "/api/gifts/declarations", Body.CHUNKED, "gifts"),
                Arguments.of("GET", "/api/stats/publications/2568", Body.NONE, "stats"),
                Arguments.of("DELETE", "/api/stats/publications/2400", Body.NONE, "stats"))
                .flatMap(route -> Stream.of(Arguments.of(route.get()[0], route.get()[1], route.get()[2], route.get()[3], false),
                        Arguments.of(route.get()[0], route.get()[1], route.get()[2], route.get()[3], true)));
    }

    @ParameterizedTest(name = "{0} {1} ({2} body, bearer {4})")
    @MethodSource("routes")
    void onlyAllowlistedHeadersReachTheService(String method, String target, Body body, String service, boolean bearer)
            throws IOException {
        String json = "{\"details\":\"เรียกรับเงิน\",\"note\":\"" + method + " " + target + "\"}";
        String token = bearer ? bearer() : null;
        String raw = bearer
                ? HostileHeaders.request(method, target, body, json, HostileHeaders.COOKIES, "t", "Authorization: " + token)
                : HostileHeaders.request(method, target, body, json, HostileHeaders.COOKIES, "t");

        RawHttp.Response response = RawHttp.send(port, raw);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        StubBackend backend = switch (service) {
            case "complaints" -> complaints;
            case "gifts" -> gifts;
            default -> stats;
        };
        StubBackend.Received seen = backend.take();
        assertThat(seen.method()).isEqualTo(method);
        if (body != Body.NONE) {
            assertThat(seen.body()).isEqualTo(json);
            assertThat(seen.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        }
        HostileHeaders.assertOnlyAllowlisted(seen, backend, token);
    }

    @Autowired
    NettyRoutingFilter routing;

    @Test
    void theAllowlistRunsAfterEveryHeaderFilterThatCouldAddAnAddress() {
        // Were trusted proxies ever configured, Spring Cloud Gateway's X-Forwarded-* and Forwarded filters would add
        // their headers in this chain: the allowlist runs after them and drops what they add. Only the gRPC filter
        // (same order, registered later) follows; it adds "te: trailers" to application/grpc requests, nothing else.
        List<HttpHeadersFilter> filters = routing.getHeadersFilters();
        int allowlist = filters.indexOf(filters.stream().filter(ForwardedHeaders.class::isInstance).findFirst().orElseThrow());
        assertThat(filters.subList(allowlist + 1, filters.size())).allMatch(GRPCRequestHeadersFilter.class::isInstance);
    }
}
