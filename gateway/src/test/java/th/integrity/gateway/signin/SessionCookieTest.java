package th.integrity.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import th.integrity.gateway.GatewayProperties;
import th.integrity.gateway.GatewayProperties.HttpsMode;
import th.integrity.gateway.GatewayProperties.Session;

/** The session cookie is HttpOnly and SameSite=Lax always, Secure when served over TLS (or told so). */
class SessionCookieTest {

    @ParameterizedTest
    @CsvSource({ "AUTO, https://gateway.example.go.th/, true", "AUTO, http://localhost:8080/, false",
            "ALWAYS, http://gateway:8080/, true", "NEVER, https://gateway.example.go.th/, false" })
    void sessionCookieFlags(HttpsMode https, String url, boolean secure) {
        GatewayProperties properties = new GatewayProperties(null, null, null, https, new Session("INTEGRITY_SESSION"),
                null, null, null);
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));

        new SignInConfiguration().webSessionIdResolver(properties).setSessionId(exchange, "s-1");

        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("INTEGRITY_SESSION");
        assertThat(cookie.getValue()).isEqualTo("s-1");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isSecure()).isEqualTo(secure);
    }
}
