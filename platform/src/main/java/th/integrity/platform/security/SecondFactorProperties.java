package th.integrity.platform.security;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What in an access token shows that its holder signed in with a second factor, for endpoints marked
 * {@link RequiresSecondFactor}. Either is enough: the {@code acr} claim (a string) is one of {@code acrValues}, or
 * the {@code amr} claim (an array of strings, RFC 8176) holds one of {@code amrValues}. A claim of another JSON type
 * counts as absent. The first of {@code acrValues} is what the gateway asks the provider for when it steps a
 * person up; all of them are named in the {@code acr_values} of the 401 challenge.
 *
 * @param acrValues authentication context classes that mean "password and a second factor" at the provider: the
 *                  development provider and the Keycloak realm (its acr-loa-map) both say {@code mfa}
 * @param amrValues authentication methods that are a second factor (RFC 8176: {@code otp}, {@code hwk}, {@code mfa};
 *                  {@code totp} as some providers write it)
 */
@Validated
@ConfigurationProperties("integrity.security.second-factor")
public record SecondFactorProperties(
        @NotEmpty @DefaultValue({ "mfa", "urn:integrity:acr:mfa" }) List<String> acrValues,
        @NotEmpty @DefaultValue({ "otp", "totp", "mfa", "hwk" }) List<String> amrValues) {

    /** Whether these claims of a validated token show a second factor; anything of an unexpected type does not. */
    public boolean shownBy(Object acr, Object amr) {
        if (acr instanceof String value && acrValues.contains(value)) {
            return true;
        }
        if (amr instanceof List<?> methods) {
            return methods.stream().anyMatch(m -> m instanceof String method && amrValues.contains(method));
        }
        return false;
    }

    /** The challenge of RFC 9470, section 3, for a token without a second factor. */
    public String challenge() {
        return "Bearer error=\"insufficient_user_authentication\", error_description=\"A second factor is required\", "
                + "acr_values=\"" + String.join(" ", acrValues) + "\"";
    }
}
