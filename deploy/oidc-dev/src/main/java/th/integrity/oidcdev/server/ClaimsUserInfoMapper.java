package th.integrity.oidcdev.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * User info answers with the ID token's claims about the person, including roles, agency and division.
 * The default mapper keeps only the standard claims of the granted scopes, so a client that reads user
 * info (as Spring's OAuth2 login does) would otherwise merge a user without them.
 */
@Component
class ClaimsUserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    /** Claims about the token itself, not about the person. */
    private static final Set<String> TOKEN_ONLY = Set.of("iss", "aud", "exp", "iat", "nbf", "jti", "azp", "nonce",
            "auth_time", "sid", "at_hash", "c_hash");

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization.Token<OidcIdToken> idToken = context.getAuthorization().getToken(OidcIdToken.class);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", context.getAuthorization().getPrincipalName());
        if (idToken != null) {
            claims.putAll(idToken.getToken().getClaims());
            claims.keySet().removeAll(TOKEN_ONLY);
        }
        return new OidcUserInfo(claims);
    }
}
