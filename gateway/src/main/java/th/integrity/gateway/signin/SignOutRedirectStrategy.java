package th.integrity.gateway.signin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * How {@code POST /logout} sends the browser on to the provider's end-session endpoint. A page script
 * ({@code Accept: application/json}) gets {@code 200 {"signedOut":true,"redirect":"…"}} and navigates there
 * itself: a script cannot follow a cross-origin redirect, and the CSP's {@code form-action 'self'} would stop a
 * plain form's redirect to the provider in some browsers. Anything else gets a {@code 303 See Other}. Either way the
 * address holds the client id and the post-logout URI, never a token ({@link ProviderSignOut}).
 */
final class SignOutRedirectStrategy implements ServerRedirectStrategy {

    @Override
    public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().setCacheControl(CacheControl.noStore());
        if (wantsJson(exchange)) {
            String body = "{\"signedOut\":true,\"redirect\":\"" + jsonEscape(location.toString()) + "\"}";
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.getHeaders().setContentLength(bytes.length);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
        }
        response.setStatusCode(HttpStatus.SEE_OTHER);
        response.getHeaders().setLocation(location);
        return response.setComplete();
    }

    private static boolean wantsJson(ServerWebExchange exchange) {
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        } catch (RuntimeException malformed) {
            return false;
        }
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType())
                && accepted.stream().noneMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
