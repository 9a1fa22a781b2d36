package th.integrity.gateway.signin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Step-up (RFC 9470): when a service answers 401 {@code second-factor-required}, the UI sends the person to
 * {@code /oauth2/authorization/integrity?step-up=1&continue=/#/cases/<id>}. This adds the configured
 * {@code acr_values} (a second factor: {@code mfa}) to the authorization request, so the provider asks for the
 * one-time code; the new tokens replace the session's, and {@link SignInReturn} brings the browser back to the page.
 * Only the value {@code 1} steps up; any other sign-in is the ordinary one.
 */
final class StepUp {

    static final String PARAMETER = "step-up";

    private StepUp() {
    }

    static ServerOAuth2AuthorizationRequestResolver asking(ServerOAuth2AuthorizationRequestResolver resolver,
            List<String> acrValues) {
        String acr = String.join(" ", acrValues);
        return new ServerOAuth2AuthorizationRequestResolver() {
            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
                return resolver.resolve(exchange).map(request -> stepUp(exchange, request, acr));
            }

            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String registrationId) {
                return resolver.resolve(exchange, registrationId).map(request -> stepUp(exchange, request, acr));
            }
        };
    }

    private static OAuth2AuthorizationRequest stepUp(ServerWebExchange exchange, OAuth2AuthorizationRequest request,
            String acr) {
        if (!List.of("1").equals(exchange.getRequest().getQueryParams().get(PARAMETER))) {
            return request;
        }
        // The request URI is already built and encoded: append the parameter rather than re-encode the rest.
        String uri = request.getAuthorizationRequestUri()
                + (request.getAuthorizationRequestUri().contains("?") ? "&" : "?") + "acr_values="
                + URLEncoder.encode(acr, StandardCharsets.UTF_8).replace("+", "%20");
        return OAuth2AuthorizationRequest.from(request)
                .additionalParameters(parameters -> parameters.put("acr_values", acr))
                .authorizationRequestUri(uri)
                .build();
    }
}
