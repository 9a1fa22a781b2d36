package th.integrity.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenConverterTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("u1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void readsRolesAgencyAndNameFromTheDefaultClaims() {
        var converter = new TokenConverter(new SecurityProperties("roles", "agency", "name", List.of(), "integrity-api"));
        var token = converter.convert(jwt(Map.of("roles", List.of("OFFICER", "HEAD"), "agency", "wangthonglang",
                "name", "นายธนากร รักษ์ธรรม")));
        CurrentUser user = CurrentUser.from(token).orElseThrow();
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.HEAD);
        assertThat(user.agency()).isEqualTo("wangthonglang");
        assertThat(user.name()).isEqualTo("นายธนากร รักษ์ธรรม");
        assertThat(user.belongsTo("huaikhwang")).isFalse();
    }

    @Test
    void followsADottedPathForKeycloakRealmRoles() {
        var converter = new TokenConverter(new SecurityProperties("realm_access.roles", "agency", "name", List.of(), "integrity-api"));
        var token = converter.convert(jwt(Map.of("realm_access", Map.of("roles", List.of("ADMIN", "offline_access")),
                "agency", "huaikhwang")));
        // Roles the system does not know (offline_access) become authorities but never a Role.
        assertThat(CurrentUser.from(token).orElseThrow().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void aTokenWithoutRolesGrantsNone() {
        var converter = new TokenConverter(new SecurityProperties("roles", "agency", "name", List.of(), "integrity-api"));
        assertThat(converter.convert(jwt(Map.of("agency", "x"))).getAuthorities()).isEmpty();
        assertThat(TokenConverter.roles(Map.of("roles", "STAFF OFFICER"), "roles")).containsExactly("STAFF", "OFFICER");
    }
}
