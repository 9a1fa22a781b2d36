package th.integrity.platform.security;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service reads the caller from a relayed access token.
 *
 * @param rolesClaim  where the roles are: a claim name or a dotted path ({@code realm_access.roles} for Keycloak)
 * @param agencyClaim the claim naming the caller's agency code
 * @param nameClaim   the claim holding the person's display name
 * @param publicPaths requests anyone may make without a token, as {@code METHOD /ant/path/**} or {@code /path/**}
 * @param audience    the {@code aud} every access token must name to be accepted (env {@code OIDC_AUDIENCE});
 *                    tokens for other audiences and ID tokens are refused with 401
 */
@Validated
@ConfigurationProperties("integrity.security")
public record SecurityProperties(
        @NotBlank @DefaultValue("roles") String rolesClaim,
        @NotBlank @DefaultValue("agency") String agencyClaim,
        @NotBlank @DefaultValue("name") String nameClaim,
        @NotNull @DefaultValue List<String> publicPaths,
        @NotBlank @DefaultValue(ApiTokens.DEFAULT_AUDIENCE) String audience) {
}
