package th.integrity.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.integrity.gateway.GatewayProperties.Claims;

/** {@code /api/me} reads the user from whichever claims the provider uses, as configured. */
class CurrentUserTest {

    private static final Claims DEFAULTS = new Claims("roles", "agency", "name", "preferred_username");

    @Test
    void developmentProviderClaims() {
        CurrentUser user = CurrentUser.fromClaims(DEFAULTS, List.of(Map.of("roles", List.of("HEAD"),
                "agency", "wangthonglang", "name", "นางกาญจนา วงศ์สวัสดิ์", "preferred_username", "head")));

        assertThat(user).isEqualTo(new CurrentUser(true, "นางกาญจนา วงศ์สวัสดิ์", "head", "wangthonglang", List.of("HEAD")));
    }

    @Test
    void keycloakKeepsRealmRolesInANestedObject() {
        Claims keycloak = new Claims("realm_access.roles", "agency", "name", "preferred_username");
        Map<String, Object> accessToken = Map.of("realm_access", Map.of("roles", List.of("OFFICER", "offline_access")),
                "agency", "huaikhwang");
        Map<String, Object> idToken = Map.of("name", "Officer HK", "preferred_username", "officer-hk");

        CurrentUser user = CurrentUser.fromClaims(keycloak, List.of(accessToken, idToken));

        assertThat(user.roles()).containsExactly("OFFICER", "offline_access");
        assertThat(user.agency()).isEqualTo("huaikhwang");
        assertThat(user.name()).isEqualTo("Officer HK");
        assertThat(user.username()).isEqualTo("officer-hk");
    }

    @Test
    void theAccessTokenWinsAndMissingClaimsStayEmpty() {
        CurrentUser user = CurrentUser.fromClaims(DEFAULTS, List.of(Map.of("roles", "STAFF OFFICER"),
                Map.of("roles", List.of("ADMIN"), "name", "x")));

        assertThat(user.roles()).containsExactly("STAFF", "OFFICER");
        assertThat(user.agency()).isNull();
        assertThat(user.authenticated()).isTrue();
    }
}
