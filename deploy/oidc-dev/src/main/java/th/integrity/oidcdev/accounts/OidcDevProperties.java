package th.integrity.oidcdev.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The demo users and OAuth clients of the development provider. Validated so that a typo in the YAML
 * (a role with a ROLE_ prefix, a login client without a redirect URI, a duplicate username) stops
 * start-up with the offending property named, instead of surfacing later as a refused login.
 */
@Validated
@ConfigurationProperties("oidc-dev")
public record OidcDevProperties(
        @NotEmpty List<@Valid DemoUser> users,
        @NotEmpty List<@Valid DemoClient> clients,
        @NotNull @DefaultValue("15m") Duration accessTokenTimeToLive,
        @NotNull @DefaultValue("8h") Duration refreshTokenTimeToLive) {

    /** Role names as the services check them; tokens carry them without Spring's ROLE_ prefix. */
    public static final String ROLE = "STAFF|OFFICER|HEAD|ADMIN";

    /** A person who can sign in on the login form. */
    public record DemoUser(
            @NotBlank String username,
            /** Stored form: {@code {noop}demo}, {@code {bcrypt}$2a$...}; a value without {id} is plain text. */
            @NotBlank String password,
            @NotEmpty List<@Pattern(regexp = ROLE, message = "must be one of " + ROLE + " (no ROLE_ prefix)") String> roles,
            @NotBlank @Pattern(regexp = "[a-z0-9-]+", message = "must be an agency code: lower-case letters, digits, -") String agency,
            /** Display name in Thai, e.g. นางสาวสมใจ ใจดี. */
            @NotBlank String name,
            @NotBlank String position,
            /** Code of the division the user works in (reference data of the agency). */
            @NotBlank String division,
            /**
             * The user's TOTP secret (RFC 6238, Base32), the second factor asked for when a sign-in carries
             * {@code acr_values=mfa}. DEMO ONLY: a real provider enrols a secret per person and never shows it.
             * Absent: the user cannot step up.
             */
            @Pattern(regexp = "[A-Z2-7]{16,}", message = "must be a Base32 secret of 16 or more characters (A-Z, 2-7)")
            String totpSecret) {

        /** The demo address notices are mailed to: {@code <username>@<agency>.example} (RFC 2606, never delivered). */
        public String email() {
            return username + "@" + agency + ".example";
        }
    }

    /** An OAuth client: the gateway (login for people) or a machine client (client credentials). */
    public record DemoClient(
            @NotBlank String clientId,
            @NotBlank String clientSecret,
            @NotEmpty List<@Pattern(regexp = "authorization_code|refresh_token|client_credentials") String> grantTypes,
            @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris,
            @DefaultValue List<String> scopes,
            /** PKCE (S256) required on the authorization-code flow. */
            @DefaultValue("true") boolean requirePkce,
            /** Roles of the client itself, carried by its client-credentials tokens. */
            @DefaultValue List<@Pattern(regexp = ROLE, message = "must be one of " + ROLE + " (no ROLE_ prefix)") String> roles,
            /** Agency the client acts for in its client-credentials tokens. */
            String agency,
            /**
             * The {@code aud} of the access tokens this client gets (the API's, {@code integrity-api}); empty keeps
             * the provider's default (the client id), which no API accepts. ID tokens keep aud = the client id.
             */
            @DefaultValue List<@NotBlank String> audiences) {

        @AssertTrue(message = "a client with grant authorization_code needs at least one redirect-uris entry")
        public boolean isRedirectUriGivenForLogin() {
            return !grantTypes.contains("authorization_code") || !redirectUris.isEmpty();
        }

        @AssertTrue(message = "a client with grant client_credentials needs roles and an agency for its tokens")
        public boolean isIdentityGivenForClientCredentials() {
            return !grantTypes.contains("client_credentials")
                    || (!roles.isEmpty() && agency != null && !agency.isBlank());
        }
    }

    @AssertTrue(message = "usernames must be unique")
    public boolean isUsernamesUnique() {
        return users == null || users.stream().map(DemoUser::username).distinct().count() == users.size();
    }

    @AssertTrue(message = "client ids must be unique")
    public boolean isClientIdsUnique() {
        return clients == null || clients.stream().map(DemoClient::clientId).distinct().count() == clients.size();
    }

    public Optional<DemoUser> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public Optional<DemoClient> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    /**
     * The value as Spring's delegating password encoder expects it: {@code {id}encoded}. A value without
     * an {id} prefix is a plain development secret (the environment-supplied client secrets are).
     */
    public static String storedSecret(String value) {
        return value.matches("^\\{[A-Za-z0-9_-]+}.*") ? value : "{noop}" + value;
    }
}
