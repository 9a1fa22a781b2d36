package th.integrity.gateway.signin;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Where a signed-in browser's security context lives: its session ({@link WebSessionServerSecurityContextRepository}),
 * read only when the request carries the session cookie.
 * <p>
 * Spring Security loads the context on every request, anonymous ones included. Through the session repository that
 * meant a session for every public call without a cookie: the MongoDB session repository makes one (a random id from
 * {@code SecureRandom}, twice, and a hop to the bounded-elastic pool) only for Spring Security to find it empty and
 * drop it. A request without the cookie cannot have a session to find, so it is answered "no context" at once.
 * That is exactly what the session repository would conclude, so nothing about who is signed in changes; only the
 * work is gone (docs/benchmarks.md, round 5). Saving (sign-in) and every request that does carry the cookie go to
 * the session as before.
 */
final class SessionSecurityContexts implements ServerSecurityContextRepository {

    private final String sessionCookie;
    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    SessionSecurityContexts(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        if (!exchange.getRequest().getCookies().containsKey(sessionCookie)) {
            return Mono.empty();
        }
        return sessions.load(exchange);
    }
}
