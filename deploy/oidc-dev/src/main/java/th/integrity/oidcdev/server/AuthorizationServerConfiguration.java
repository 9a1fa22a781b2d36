package th.integrity.oidcdev.server;

import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import th.integrity.oidcdev.accounts.OidcDevProperties;
import th.integrity.oidcdev.secondfactor.StepUpFilter;
import th.integrity.oidcdev.accounts.OidcDevProperties.DemoClient;

/**
 * Spring Authorization Server with OpenID Connect (discovery, JWKS, user info, RP-initiated logout at
 * {@code /connect/logout}, also with {@code client_id} instead of {@code id_token_hint}: {@link ClientLogout}), the
 * clients and users of {@link OidcDevProperties}. Boot supplies the issuer
 * ({@code spring.security.oauth2.authorizationserver.issuer}), the signing key (an RSA key generated at
 * start-up: tokens do not survive a restart, which is fine for development) and the JWT decoder.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    /** The protocol endpoints; a browser that is not signed in is sent to the login form. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, ClaimsUserInfoMapper userInfo,
            RegisteredClientRepository clients) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc
                    .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo))
                    // Logout with client_id instead of the ID token, so that the token never reaches the browser.
                    .logoutEndpoint(logout -> logout
                            .logoutRequestConverters(converters -> converters.add(0, ClientLogout.converter()))
                            .authenticationProvider(ClientLogout.provider(clients))
                            .logoutResponseHandler(ClientLogout.responseHandler())));
        });
        // A request asking acr_values=mfa from a password-only sign-in goes to the one-time-code page first.
        http.addFilterAfter(new StepUpFilter(), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The user-info endpoint takes the access token as a bearer token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** Login form, probes and metrics. */
    @Bean
    @Order(2)
    SecurityFilterChain applicationFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.permitAll());
        return http.build();
    }

    /** Accepts {noop} and {bcrypt} (and the other ids Spring knows) for both passwords and client secrets. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(OidcDevProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(OidcDevProperties.storedSecret(user.password()))
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    RegisteredClientRepository registeredClients(OidcDevProperties properties) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                .refreshTokenTimeToLive(properties.refreshTokenTimeToLive())
                .reuseRefreshTokens(false)
                .build();
        List<RegisteredClient> clients = properties.clients().stream().map(client -> registered(client, tokens)).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient registered(DemoClient client, TokenSettings tokens) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                .clientId(client.clientId())
                .clientSecret(OidcDevProperties.storedSecret(client.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantTypes(grants -> client.grantTypes()
                        .forEach(grant -> grants.add(new AuthorizationGrantType(grant))))
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                // First-party clients of the agency: no consent screen.
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(client.requirePkce())
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();
    }
}
