package th.integrity.stats.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import th.integrity.testkit.TestIssuer;
import th.integrity.stats.IntegrationTestSupport;

/** Who may read an agency's draft statistics: OFFICER and ADMIN of that agency, nobody else. */
class DraftAccessTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final String DRAFT = "/api/stats/complaints/" + AGENCY + "/2568/draft";
    private final TestIssuer issuer = TestIssuer.shared();

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of("STAFF", 403),
                Arguments.of("OFFICER", 200),
                Arguments.of("HEAD", 403),
                Arguments.of("ADMIN", 200));
    }

    @ParameterizedTest(name = "{0} of the same agency gets {1}")
    @MethodSource("roles")
    void eachRoleOfTheAgency(String role, int expected) {
        Response response = get(DRAFT, issuer.token(role.toLowerCase(), AGENCY, role));
        assertThat(response.status()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("type").asString()).isEqualTo("urn:integrity:problem:forbidden");
            assertThat(response.body().path("title_th").asString()).isNotBlank();
        } else {
            assertThat(response.body().path("agency").asString()).isEqualTo(AGENCY);
        }
    }

    @Test
    void anonymousIsAskedToSignIn() {
        Response response = get(DRAFT);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("type").asString()).isEqualTo("urn:integrity:problem:unauthenticated");
    }

    @Test
    void anOfficerOfAnotherAgencyFindsNothing() {
        Response response = get(DRAFT, issuer.token("officer-hk", "huaikhwang", "OFFICER"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).doesNotContain("blocks").doesNotContain("totalReceived");
    }

    @Test
    void expiredForgedAndForeignTokensAreRefused() {
        String expired = issuer.builder("officer").agency(AGENCY).roles("OFFICER").expired(Duration.ofMinutes(5)).sign();
        String forged = issuer.builder("officer").agency(AGENCY).roles("OFFICER").forged().sign();
        String foreign = issuer.builder("officer").agency(AGENCY).roles("OFFICER")
                .issuer("https://elsewhere.example").sign();
        for (String token : new String[] { expired, forged, foreign, "not-a-jwt" }) {
            Response response = get(DRAFT, token);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.text()).doesNotContain("blocks");
        }
    }

    @Test
    void rolesAreReadFromTheConfiguredClaimOnly() {
        // A token whose roles sit under another claim grants nothing here (roles-claim is `roles`).
        String token = issuer.builder("kc-user").agency(AGENCY)
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("OFFICER"))).sign();
        assertThat(get(DRAFT, token).status()).isEqualTo(403);
    }
}
