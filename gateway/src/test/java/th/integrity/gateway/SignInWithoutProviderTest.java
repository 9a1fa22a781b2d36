package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway starts, and serves public routes, while its sign-in provider is down; sign-in answers 503 until the
 * provider is up. A provider of its own, down when this context starts: the suite's shared provider may already
 * have been brought up (and discovered) by another test class in the same JVM.
 */
class SignInWithoutProviderTest extends GatewayTestBase {

    static final FakeOidcProvider downAtStart = new FakeOidcProvider();

    @DynamicPropertySource
    static void ownProvider(DynamicPropertyRegistry registry) {
        registry.add("integrity.gateway.sign-in.issuer-uri", downAtStart::issuer);
    }

    @Test
    void gatewayRunsWithoutItsProviderAndSignInWaitsForIt() throws Exception {
        // The provider has been down since before the gateway started; public routes work all the same.
        assertThat(send(HttpRequest.newBuilder(url("/api/stats/publications")).GET()).statusCode()).isEqualTo(200);

        HttpResponse<String> signIn = send(HttpRequest.newBuilder(url("/oauth2/authorization/integrity")).GET());
        assertThat(signIn.statusCode()).isEqualTo(503);
        assertThat(signIn.headers().firstValue("Retry-After")).isPresent();
        assertThat(signIn.body()).contains("\"type\":\"urn:integrity:problem:sign-in-unavailable\"")
                .contains("ระบบยืนยันตัวตนไม่พร้อมใช้งานชั่วคราว");

        downAtStart.up();
        assertThat(send(HttpRequest.newBuilder(url("/oauth2/authorization/integrity")).GET()).statusCode()).isEqualTo(302);
    }
}
