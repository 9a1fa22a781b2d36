package th.integrity.gateway.signin;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import reactor.core.publisher.Mono;
import th.integrity.gateway.problem.GatewayProblemException;
import th.integrity.gateway.GatewayProperties;
import th.integrity.gateway.GatewayProperties.HttpsMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browser sign-in as a backend-for-frontend. The gateway is the OAuth2 client: it signs people in with the
 * authorization code flow plus PKCE (sent even though the client is confidential, as OAuth 2.1 asks), keeps
 * their tokens in its own session (server-side, in MongoDB) and relays the access token to the services, renewing
 * it with the refresh token when it expires. The browser holds only the session cookie: HttpOnly, SameSite=Lax,
 * Secure over TLS. Sign-out ends the gateway session and, through OpenID Connect RP-initiated logout, the
 * provider's ({@link ProviderSignOut}: with the client id, never the ID token).
 * <p>
 * Authorisation stays with the services: every path is open at the gateway, each service answers 401/403 for
 * its own endpoints after validating the token itself. An API client's {@code Authorization: Bearer} token is
 * checked here too ({@link ApiBearerTokens}: only access tokens for this API) and then passed through untouched.
 * <p>
 * Sessions live in MongoDB, shared by every gateway instance ({@code th.integrity.gateway.session}).
 */
@Configuration(proxyBeanMethods = false)
public class SignInConfiguration {

    @Bean
    LazyOidcRegistrations clientRegistrations(GatewayProperties properties, JsonMapper json) {
        return new LazyOidcRegistrations(properties.signIn(), json);
    }

    /** Tokens belong to the browser session that signed in, and die with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by TokenRelay and {@code /api/me}: hands out the session's access token, refreshed when expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                // Renew a little early, so a token does not expire between the gateway and the service.
                .refreshToken(refresh -> refresh.clockSkew(Duration.ofSeconds(30)))
                .build());
        return manager;
    }

    /** The session cookie: HttpOnly, SameSite=Lax, path /, Secure as {@code integrity.gateway.https} says. */
    @Bean
    WebSessionIdResolver webSessionIdResolver(GatewayProperties properties) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(properties.session().cookieName());
        HttpsMode https = properties.https();
        resolver.addCookieInitializer(cookie -> {
            cookie.httpOnly(true).sameSite("Lax").path("/");
            // AUTO keeps the resolver's own rule: Secure when the request came over https.
            if (https != HttpsMode.AUTO) {
                cookie.secure(https == HttpsMode.ALWAYS);
            }
        });
        return resolver;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayProperties properties,
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients) {
        String sessionCookie = properties.session().cookieName();

        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                // The signed-in user's context is in the session; a request without the session cookie has none.
                .securityContextRepository(new SessionSecurityContexts(sessionCookie))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(SignInReturn.remembering(
                                StepUp.asking(authorizationRequests, properties.signIn().stepUpAcrValues())))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/?signin=failed")))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signOut(registrations, properties)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(SessionCsrf.tokens(properties.https()))
                        // The plain handler: the page sends the cookie's value as is (no BREACH masking is
                        // needed, as the token never appears in a response body).
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SessionCsrf.requiresToken(sessionCookie))
                        .accessDeniedHandler((exchange, denied) -> Mono.error(GatewayProblemException.csrfTokenMissing())))
                .addFilterAfter(SessionCsrf.issueToken(sessionCookie), SecurityWebFiltersOrder.CSRF)
                // An API client's bearer token must be an access token for this API, or the call ends here with a
                // 401 problem; without one, or with the session, nothing changes (the services decide per path).
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(new ApiBearerTokens(registrations, properties.signIn())))
                        .authenticationEntryPoint((exchange, refused) -> Mono.error(GatewayProblemException.tokenRefused())))
                // After sign-in the browser goes back to the UI page it asked for (?continue=/#/officer, an allowlist
                // of the UI's own pages), else home; no request is ever saved (SignInReturn).
                .requestCache(cache -> cache.requestCache(new SignInReturn()))
                // SecurityHeadersFilter writes the headers, on every response including those of other filters.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, denied) -> Mono.error(GatewayProblemException.signInRequired()))
                        .accessDeniedHandler((exchange, denied) -> Mono.error(GatewayProblemException.forbidden())));

        List<String> origins = properties.cors().allowedOrigins();
        if (origins.isEmpty()) {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        } else {
            http.cors(cors -> cors.configurationSource(corsConfiguration(origins, properties.cors().maxAge())));
        }
        return http.build();
    }

    /** Provider logout (without the ID token) for a user who signed in with OpenID Connect; home otherwise. */
    private static ServerLogoutSuccessHandler signOut(ReactiveClientRegistrationRepository registrations,
            GatewayProperties properties) {
        return new ProviderSignOut(registrations, properties.signIn().postLogoutRedirectUri(),
                new SignOutRedirectStrategy());
    }

    /**
     * Only for origins a deployment names: other web applications calling the API with their own bearer tokens.
     * No credentials (cookies) cross origins: the session is for the gateway's own pages.
     */
    private static UrlBasedCorsConfigurationSource corsConfiguration(List<String> origins, Duration maxAge) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE, "Idempotency-Key"));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        cors.setAllowCredentials(false);
        cors.setMaxAge(maxAge);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
