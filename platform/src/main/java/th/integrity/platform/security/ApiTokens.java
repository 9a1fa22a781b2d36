package th.integrity.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What makes a JWT an access token meant for this API, on top of its signature, issuer and time window:
 * <ul>
 * <li>its {@code aud} names the API's audience ({@code integrity-api} by default): a token the provider issued
 * for another client or resource is refused, whatever roles it carries;</li>
 * <li>it has no {@code nonce}: ID tokens carry one (OpenID Connect Core 1.0, 3.1.2.1), and an ID token tells a
 * client who signed in, it grants nothing;</li>
 * <li>its JOSE {@code typ} header is absent, {@code JWT}, {@code at+jwt} or {@code application/at+jwt}
 * (RFC 9068, 2.1); any other type is refused.</li>
 * </ul>
 * The gateway (bearer tokens of API clients) and every service (relayed and direct calls) apply the same rules.
 */
public final class ApiTokens {

    /** The default audience of the API (env {@code OIDC_AUDIENCE}). */
    public static final String DEFAULT_AUDIENCE = "integrity-api";

    /** JOSE {@code typ} values an access token may carry (compared ignoring case); an absent typ is accepted too. */
    public static final List<String> ACCESS_TOKEN_TYPES = List.of("JWT", "at+jwt", "application/at+jwt");

    private ApiTokens() {
    }

    /** {@code aud} must contain {@code audience}; a token without {@code aud} fails. */
    public static OAuth2TokenValidator<Jwt> audience(String audience) {
        return new JwtAudienceValidator(audience);
    }

    /** Refuses any token with a {@code nonce} claim: that is an ID token. */
    public static OAuth2TokenValidator<Jwt> notAnIdToken() {
        return jwt -> jwt.hasClaim("nonce")
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "An ID token (it carries a nonce) is not an access token", null))
                : OAuth2TokenValidatorResult.success();
    }

    /**
     * The allowed JOSE types. A {@link JwtTypeValidator} of its own, so that Spring's default one (only
     * {@code JWT}) is not added next to it by {@link JwtValidators#createDefaultWithValidators}.
     */
    public static JwtTypeValidator accessTokenType() {
        JwtTypeValidator type = new JwtTypeValidator(ACCESS_TOKEN_TYPES);
        type.setAllowEmpty(true);
        return type;
    }

    /** Everything, for a decoder built by hand (the gateway's): issuer, timestamps and the rules above. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
        all.add(new JwtIssuerValidator(issuer));
        all.add(audience(audience));
        all.add(notAnIdToken());
        all.add(accessTokenType());
        return JwtValidators.createDefaultWithValidators(all);
    }
}
