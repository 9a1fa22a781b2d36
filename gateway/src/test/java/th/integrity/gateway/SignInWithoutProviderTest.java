package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.integrity.testkit.TestInfrastructure;

/**
 * The gateway starts, and serves public routes, while its sign-in provider is down; sign-in answers 503 until the
 * provider is up. A context and a provider of its own, down when this context starts: the suite's shared provider
 * may already have been brought up (and discovered) by another test class in the same JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInWithoutProviderTest {

    static final FakeOidcProvider downAtStart = new FakeOidcProvider();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("integrity.gateway.services.complaints", () -> IntegrationTestSupport.complaints.uri().toString());
        registry.add("integrity.gateway.services.gifts", () -> IntegrationTestSupport.gifts.uri().toString());
        registry.add("integrity.gateway.services.stats", () -> IntegrationTestSupport.stats.uri().toString());
        registry.add("integrity.gateway.sign-in.issuer-uri", downAtStart::issuer);
        registry.add("integrity.gateway.sign-in.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("gateway"));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void gatewayRunsWithoutItsProviderAndSignInWaitsForIt() throws Exception {
        // The provider has been down since before the gateway started; public routes work all the same.
        assertThat(get("/api/stats/publications").statusCode()).isEqualTo(200);

        HttpResponse<String> signIn = get("/oauth2/authorization/integrity");
        assertThat(signIn.statusCode()).isEqualTo(503);
        assertThat(signIn.headers().firstValue("Retry-After")).isPresent();
        assertThat(signIn.body()).contains("\"type\":\"urn:integrity:problem:sign-in-unavailable\"")
                .contains("ระบบยืนยันตัวตนไม่พร้อมใช้งานชั่วคราว");

        downAtStart.up();
        assertThat(get("/oauth2/authorization/integrity").statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return IntegrationTestSupport.send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }
}
