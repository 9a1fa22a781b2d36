package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import th.integrity.testkit.HostileTokens;

/**
 * The gateway lets an API client's bearer token through only when it is an access token for this API: every hostile
 * variant (an ID token, another audience or none, a nonce, a foreign JOSE type, expired, not yet valid, another issuer,
 * forged) is a 401 problem at the door and reaches no service, on each route; access tokens in every form a provider
 * may send go through unchanged.
 */
class ApiTokensTest extends IntegrationTestSupport {

    static List<HostileTokens.Variant> refused() {
        return HostileTokens.refused(provider::token);
    }

    static List<HostileTokens.Variant> accepted() {
        return HostileTokens.accepted(provider::token);
    }

    @ParameterizedTest(name = "{0} → 401 at the gateway")
    @MethodSource("refused")
    void aTokenNotMeantForThisApiStopsAtTheGateway(HostileTokens.Variant variant) throws Exception {
        provider.up();
        for (String path : List.of("/api/complaints/cases/c-1/identity", "/api/gifts/declarations", "/api/stats/publications")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url(path))
                    .header("Authorization", "Bearer " + variant.token()).GET());

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(response.body()).contains("\"type\":\"urn:integrity:problem:unauthenticated\"")
                    .contains("ต้องเข้าสู่ระบบ");
        }
        assertThat(complaints.receivedNothing()).isTrue();
        assertThat(gifts.receivedNothing()).isTrue();
        assertThat(stats.receivedNothing()).isTrue();
    }

    @ParameterizedTest(name = "{0} → passed on")
    @MethodSource("accepted")
    void anAccessTokenForThisApiIsPassedOn(HostileTokens.Variant variant) throws Exception {
        provider.up();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/gifts/declarations"))
                .header("Authorization", "Bearer " + variant.token()).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gifts.take().header("Authorization")).isEqualTo("Bearer " + variant.token());
    }
}
