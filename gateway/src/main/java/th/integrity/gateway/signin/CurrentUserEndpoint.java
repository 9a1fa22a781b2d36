package th.integrity.gateway.signin;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import th.integrity.gateway.GatewayProperties;
import th.integrity.gateway.GatewayProperties.Claims;

/**
 * {@code GET /api/me}, answered by the gateway itself: who the browser's session belongs to, for the web UI to
 * show the right pages. Anonymous visitors get {@code {"authenticated":false,…}}. A session whose tokens have
 * expired is renewed with its refresh token here, as on any relayed call; one that can no longer be renewed
 * counts as signed out.
 */
@Configuration(proxyBeanMethods = false)
public class CurrentUserEndpoint {

    public static final String PATH = "/api/me";

    @Bean
    RouterFunction<ServerResponse> currentUserRoute(ReactiveOAuth2AuthorizedClientManager clients,
            GatewayProperties properties) {
        Claims claims = properties.signIn().claims();
        return RouterFunctions.route(RequestPredicates.GET(PATH), request -> currentUser(request, clients, claims)
                .flatMap(user -> ServerResponse.ok()
                        .cacheControl(CacheControl.noStore())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(user)));
    }

    private static Mono<CurrentUser> currentUser(ServerRequest request, ReactiveOAuth2AuthorizedClientManager clients,
            Claims claims) {
        ServerWebExchange exchange = request.exchange();
        return request.principal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(token -> clients.authorize(OAuth2AuthorizeRequest
                                .withClientRegistrationId(token.getAuthorizedClientRegistrationId())
                                .principal(token)
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build())
                        .map(client -> CurrentUser.fromClaims(claims, List.of(accessTokenClaims(client),
                                token.getPrincipal().getAttributes())))
                        .onErrorResume(ClientAuthorizationException.class, expired -> Mono.empty()))
                .defaultIfEmpty(CurrentUser.ANONYMOUS);
    }

    /**
     * The access token's own claims when it is a JWT. Not verified here: it came straight from the provider's
     * token endpoint over the back channel, and the services verify it on every call.
     */
    private static Map<String, Object> accessTokenClaims(OAuth2AuthorizedClient client) {
        try {
            return JWTParser.parse(client.getAccessToken().getTokenValue()).getJWTClaimsSet().getClaims();
        } catch (ParseException | RuntimeException opaque) {
            return Map.of();
        }
    }
}
