package th.integrity.gateway.signin;

import java.net.URI;
import java.util.Map;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * After the gateway session has ended, sends the browser to the provider's end-session endpoint with
 * {@code client_id} and {@code post_logout_redirect_uri} (OpenID Connect RP-Initiated Logout 1.0, section 2), never
 * with {@code id_token_hint}: the ID token must not reach the browser, neither in a JSON body a script reads nor in
 * an address the browser keeps in its history (Spring Security's {@code OidcClientInitiatedServerLogoutSuccessHandler}
 * puts it there). The provider ends the session it holds for this browser (its own cookie), checks that the
 * post-logout URI is registered for the client, and sends the browser back. Someone who did not sign in with
 * OpenID Connect, or a provider without an end-session endpoint, goes to the home page.
 */
final class ProviderSignOut implements ServerLogoutSuccessHandler {

    private final ReactiveClientRegistrationRepository registrations;
    private final String postLogoutRedirectUri;
    private final ServerRedirectStrategy redirect;

    ProviderSignOut(ReactiveClientRegistrationRepository registrations, String postLogoutRedirectUri,
            ServerRedirectStrategy redirect) {
        this.registrations = registrations;
        this.postLogoutRedirectUri = postLogoutRedirectUri;
        this.redirect = redirect;
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        Mono<URI> target = authentication instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof OidcUser
                        ? registrations.findByRegistrationId(token.getAuthorizedClientRegistrationId())
                                .flatMap(registration -> Mono.justOrEmpty(endSession(registration,
                                        exchange.getExchange().getRequest())))
                        : Mono.empty();
        return target.defaultIfEmpty(URI.create("/"))
                .flatMap(location -> redirect.sendRedirect(exchange.getExchange(), location));
    }

    private URI endSession(ClientRegistration registration, ServerHttpRequest request) {
        Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endpoint == null) {
            return null;
        }
        return UriComponentsBuilder.fromUriString(endpoint.toString())
                .queryParam("client_id", registration.getClientId())
                .queryParam("post_logout_redirect_uri", postLogoutUri(registration, request))
                .encode()
                .build()
                .toUri();
    }

    /** {@code {baseUrl}} (this gateway as the browser reached it) and {@code {registrationId}} filled in. */
    private String postLogoutUri(ClientRegistration registration, ServerHttpRequest request) {
        String baseUrl = UriComponentsBuilder.fromUri(request.getURI())
                .replacePath(request.getPath().contextPath().value())
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
        return UriComponentsBuilder.fromUriString(postLogoutRedirectUri)
                .buildAndExpand(Map.of("baseUrl", baseUrl, "registrationId", registration.getRegistrationId()))
                .toUriString();
    }
}
