package th.integrity.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import th.integrity.gateway.problem.GatewayProblem;
import th.integrity.gateway.problem.GatewayProblemException;
import th.integrity.gateway.GatewayProperties.Claims;
import th.integrity.gateway.GatewayProperties.SignIn;
import tools.jackson.databind.json.JsonMapper;

/** The registration comes from the provider's discovery document, read when first needed and checked. */
class LazyOidcRegistrationsTest {

    private static SignIn signIn(String issuer) {
        return new SignIn(URI.create(issuer), "integrity-gateway", "secret", List.of("openid", "profile"), "{baseUrl}/",
                Duration.ofSeconds(2), new Claims("roles", "agency", "name", "preferred_username"), "integrity-api",
                List.of("mfa"));
    }

    @Test
    void providerThatIsDownMeansSignInUnavailableAndIsRetriedLater() throws Exception {
        int port = th.integrity.gateway.FakeOidcProviderPorts.unused();
        String issuer = "http://localhost:" + port;
        var registrations = new LazyOidcRegistrations(signIn(issuer), JsonMapper.builder().build());

        assertThatThrownBy(() -> registrations.findByRegistrationId("integrity").block())
                .isInstanceOfSatisfying(GatewayProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(GatewayProblem.SIGN_IN_UNAVAILABLE));

        HttpServer provider = discoveryServer(port, issuer);
        try {
            ClientRegistration registration = registrations.findByRegistrationId("integrity").block();
            assertThat(registration.getRegistrationId()).isEqualTo("integrity");
            assertThat(registration.getClientId()).isEqualTo("integrity-gateway");
            assertThat(registration.getScopes()).containsExactlyInAnyOrder("openid", "profile");
            assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer + "/oauth2/authorize");
            assertThat(registration.getProviderDetails().getConfigurationMetadata())
                    .containsEntry("end_session_endpoint", issuer + "/connect/logout");
        } finally {
            provider.stop(0);
        }
        // Kept once read: the provider going away later does not undo it.
        assertThat(registrations.findByRegistrationId("integrity").block()).isNotNull();
        assertThat(registrations.findByRegistrationId("other").block()).isNull();
    }

    @Test
    void aDiscoveryDocumentForAnotherIssuerIsRefused() throws Exception {
        HttpServer provider = discoveryServer(0, "https://impostor.example");
        try {
            String issuer = "http://localhost:" + provider.getAddress().getPort();
            var registrations = new LazyOidcRegistrations(signIn(issuer), JsonMapper.builder().build());
            assertThatThrownBy(() -> registrations.findByRegistrationId("integrity").block())
                    .isInstanceOf(GatewayProblemException.class);
        } finally {
            provider.stop(0);
        }
    }

    private static HttpServer discoveryServer(int port, String issuer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> {
            byte[] body = """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                     "jwks_uri":"%1$s/oauth2/jwks","end_session_endpoint":"%1$s/connect/logout",
                     "response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"]}
                    """.formatted(issuer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
