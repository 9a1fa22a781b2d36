package th.integrity.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Maps the configured roles and agency claims of a validated JWT to authorities and {@link CurrentUser}. */
class TokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties properties;
    private final SecondFactorProperties secondFactor;

    TokenConverter(SecurityProperties properties) {
        this(properties, new SecondFactorProperties(List.of("mfa"), List.of("otp", "totp", "mfa", "hwk")));
    }

    TokenConverter(SecurityProperties properties, SecondFactorProperties secondFactor) {
        this.properties = properties;
        this.secondFactor = secondFactor;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = roles(jwt.getClaims(), properties.rolesClaim()).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        token.setDetails(new CurrentUser.UserClaims(jwt.getClaimAsString(properties.agencyClaim()),
                jwt.getClaimAsString(properties.nameClaim()),
                secondFactor.shownBy(jwt.getClaims().get("acr"), jwt.getClaims().get("amr"))));
        return token;
    }

    /** Follows a dotted path through nested claims, e.g. {@code realm_access.roles}. */
    static List<String> roles(Map<String, Object> claims, String path) {
        Object node = claims;
        for (String step : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(step);
        }
        if (node instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return node instanceof String single ? List.of(single.split("[ ,]+")) : List.of();
    }
}
