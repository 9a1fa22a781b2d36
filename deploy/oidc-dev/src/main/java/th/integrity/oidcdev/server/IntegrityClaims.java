package th.integrity.oidcdev.server;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import th.integrity.oidcdev.accounts.OidcDevProperties;
import th.integrity.oidcdev.secondfactor.SecondFactor;

/**
 * Puts what the services authorise on into access and ID tokens: {@code roles} (STAFF, OFFICER, HEAD,
 * ADMIN; no ROLE_ prefix) and {@code agency}; for a person also {@code name} (Thai), {@code position},
 * {@code division} and {@code preferred_username}. Client-credentials tokens carry the client's own
 * roles and agency from configuration. A person's tokens say how they signed in: {@code amr} {@code ["pwd"]}, or
 * after the one-time code {@code acr} {@code mfa} and {@code amr} {@code ["pwd","otp"]}. Access tokens carry the audiences configured for their client (the API's,
 * {@code integrity-api}, for the gateway and the script client); ID tokens keep their client as audience.
 */
@Component
class IntegrityClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String AGENCY = "agency";

    private final OidcDevProperties properties;

    IntegrityClaims(OidcDevProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (accessToken) {
            // Access tokens name the API they are for; ID tokens keep aud = the client id (OpenID Connect Core).
            properties.client(context.getRegisteredClient().getClientId())
                    .filter(client -> !client.audiences().isEmpty())
                    .ifPresent(client -> claims.audience(client.audiences()));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            properties.client(context.getRegisteredClient().getClientId()).ifPresent(client -> {
                claims.claim(ROLES, client.roles());
                claims.claim(AGENCY, client.agency());
            });
            return;
        }
        // Authorization code and refresh token: the principal is the person who signed in.
        properties.user(context.getPrincipal().getName()).ifPresent(user -> {
            claims.claim(ROLES, user.roles());
            claims.claim(AGENCY, user.agency());
            claims.claim("name", user.name());
            claims.claim("preferred_username", user.username());
            claims.claim("position", user.position());
            claims.claim("division", user.division());
            // Where the services mail this person's notices (docs/operations.md, "Notices by e-mail").
            claims.claim("email", user.email());
        });
        // How they signed in (the services ask for a second factor before a reveal: docs/security.md).
        if (SecondFactor.shown(context.getPrincipal())) {
            claims.claim("acr", SecondFactor.ACR);
            claims.claim("amr", SecondFactor.AMR_WITH_CODE);
        } else {
            claims.claim("amr", SecondFactor.AMR_PASSWORD);
        }
    }
}
