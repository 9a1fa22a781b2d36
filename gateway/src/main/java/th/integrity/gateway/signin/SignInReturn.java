package th.integrity.gateway.signin;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * After sign-in the browser goes back to the page it asked for: the UI links to
 * {@code /oauth2/authorization/integrity?continue=/#/officer}, the value is kept in the session through the round
 * trip to the provider, and the sign-in's success handler (Spring Security's request cache, asked for the address
 * to go to) sends the browser there instead of home.
 * <p>
 * Only the UI's own pages are accepted, by an allowlist rather than a search for bad signs: {@code /} alone, or
 * {@code /} followed by a hash route of the single-page app ({@code #/} and letters, digits, {@code _ - /}). No
 * scheme, no host, no second slash or backslash after the first, no percent-encoding, no query, nothing else: an
 * address off the site ({@code https://evil}, {@code //evil}, {@code /\evil}, {@code javascript:…}, their
 * encodings) cannot match, and the browser goes home instead. Nothing is saved for other requests (no saved
 * request at all: every path is open at the gateway), so requests that never sign in never touch a session.
 */
final class SignInReturn implements ServerRequestCache {

    /** The query parameter of the sign-in link naming the page to come back to. */
    static final String PARAMETER = "continue";
    static final String ATTRIBUTE = SignInReturn.class.getName() + ".PAGE";
    private static final Pattern PAGE = Pattern.compile("/(?:#/[A-Za-z0-9_/-]{0,200})?");

    /** {@code value} if it is one of the UI's pages (see the class comment), else empty. */
    static Optional<String> page(Object value) {
        return value instanceof String page && PAGE.matcher(page).matches() ? Optional.of(page) : Optional.empty();
    }

    /**
     * The resolver that starts sign-in, also remembering the page to come back to (or forgetting an earlier one
     * when none, or no acceptable one, is asked for). Only on the sign-in path: every other request passes by.
     */
    static ServerOAuth2AuthorizationRequestResolver remembering(ServerOAuth2AuthorizationRequestResolver resolver) {
        return new ServerOAuth2AuthorizationRequestResolver() {
            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
                return resolver.resolve(exchange).flatMap(request -> remember(exchange).thenReturn(request));
            }

            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String registrationId) {
                return resolver.resolve(exchange, registrationId).flatMap(request -> remember(exchange).thenReturn(request));
            }
        };
    }

    private static Mono<Void> remember(ServerWebExchange exchange) {
        List<String> asked = exchange.getRequest().getQueryParams().getOrDefault(PARAMETER, List.of());
        // One value only: two are ambiguous, so neither is followed.
        Optional<String> page = asked.size() == 1 ? page(asked.get(0)) : Optional.empty();
        return exchange.getSession().doOnNext(session -> page.ifPresentOrElse(
                p -> session.getAttributes().put(ATTRIBUTE, p), () -> session.getAttributes().remove(ATTRIBUTE))).then();
    }

    /** Asked by the sign-in's success handler: the remembered page, once; empty sends the browser home. */
    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return exchange.getSession()
                .flatMap(session -> Mono.justOrEmpty(page(session.getAttributes().remove(ATTRIBUTE))))
                .map(URI::create);
    }

    /** Nothing is saved on the way to an entry point. */
    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return Mono.empty();
    }

    /** Called for every request: answers at once, without reading the session. */
    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        return Mono.empty();
    }
}
