package th.integrity.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.integrity.testkit.HostileTokens;
import th.integrity.testkit.TestIssuer;

/**
 * Every service accepts only access tokens meant for this API (the shared resource-server setup, with the issuer's
 * real discovery and JWKS): an ID token, a token for another client or audience, one with a nonce or a foreign JOSE
 * type, an expired or not-yet-valid one, one of another issuer or a forged one get a 401 problem and reach no
 * controller; access tokens for the API in each form a provider may send work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ApiTokensApp.class)
class ApiTokensTest {

    private static final Function<String, TestIssuer.Builder> TOKENS = TestIssuer.shared()::builder;

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.shared().issuerUri());
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    static List<HostileTokens.Variant> refused() {
        return HostileTokens.refused(TOKENS);
    }

    static List<HostileTokens.Variant> accepted() {
        return HostileTokens.accepted(TOKENS);
    }

    @ParameterizedTest(name = "{0} → 401 problem")
    @MethodSource("refused")
    void aTokenNotMeantForThisApiIsRefused(HostileTokens.Variant variant) throws Exception {
        HttpResponse<String> response = get(variant.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).contains("\"type\":\"urn:integrity:problem:unauthenticated\"")
                .contains("กรุณาเข้าสู่ระบบ").doesNotContain("wangthonglang");
    }

    @ParameterizedTest(name = "{0} → 200")
    @MethodSource("accepted")
    void anAccessTokenForThisApiWorks(HostileTokens.Variant variant) throws Exception {
        HttpResponse<String> response = get(variant.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"officer\"").contains("\"agency\":\"wangthonglang\"");
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/secret"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
