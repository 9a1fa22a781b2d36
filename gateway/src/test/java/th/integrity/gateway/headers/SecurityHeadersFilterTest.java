package th.integrity.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import th.integrity.gateway.GatewayProperties;
import th.integrity.gateway.GatewayProperties.BodyLimits;
import th.integrity.gateway.GatewayProperties.Cors;
import th.integrity.gateway.GatewayProperties.HttpsMode;
import th.integrity.gateway.GatewayProperties.RateLimits;

/** HSTS only when the gateway is reached over TLS, as the request shows or as configured. */
class SecurityHeadersFilterTest {

    static GatewayProperties properties(HttpsMode https) {
        return new GatewayProperties(null, null, null, https, null, new RateLimits(true, 10, 0, null),
                new BodyLimits(DataSize.ofKilobytes(64), DataSize.ofMegabytes(55), List.of("/api/complaints")),
                new Cors(List.of(), Duration.ofMinutes(30)));
    }

    @ParameterizedTest
    @CsvSource({ "AUTO, https://gateway.example.go.th/, true", "AUTO, http://localhost:8080/, false",
            "ALWAYS, http://gateway:8080/, true", "NEVER, https://gateway.example.go.th/, false" })
    void hstsOnlyOverTls(HttpsMode https, String url, boolean expected) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
        new SecurityHeadersFilter(properties(https)).filter(exchange, e -> e.getResponse().setComplete()).block();

        HttpHeaders headers = exchange.getResponse().getHeaders();
        assertThat(headers.getFirst("Strict-Transport-Security"))
                .isEqualTo(expected ? SecurityHeadersFilter.STRICT_TRANSPORT_SECURITY : null);
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }
}
