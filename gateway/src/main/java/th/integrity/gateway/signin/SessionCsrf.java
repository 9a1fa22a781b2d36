package th.integrity.gateway.signin;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import th.integrity.gateway.GatewayProperties.HttpsMode;

/**
 * Cross-site request forgery protection for the browser session, double-submit style: the gateway sets a
 * random token in the {@code XSRF-TOKEN} cookie (readable by the page's own script, SameSite=Lax), and every
 * state-changing request made with the session must echo it in the {@code X-XSRF-TOKEN} header (or a
 * {@code _csrf} form field). A page on another site can make the browser send the cookies, but cannot read
 * them, so it cannot produce the header.
 * <p>
 * <b>Which requests must carry the token.</b> CSRF abuses an <em>ambient</em> credential: one the browser
 * attaches by itself, here the session cookie. A request without the session cookie carries no such
 * credential: it is anonymous (a citizen filing a complaint, {@code curl -X POST /api/complaints}) or it
 * authenticates with an {@code Authorization: Bearer} header, which a foreign page cannot make the browser add.
 * Forging such a request gains an attacker nothing they could not do by sending it themselves, so no token is
 * demanded there, and anonymous API clients need not fetch one first. Every other request with a
 * state-changing method (anything but GET, HEAD, OPTIONS, TRACE) is checked, whatever else it carries.
 */
final class SessionCsrf {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private SessionCsrf() {
    }

    /** Requests that must carry the token: state-changing ones that come with the session cookie. */
    static ServerWebExchangeMatcher requiresToken(String sessionCookie) {
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            boolean ambientCredential = request.getCookies().containsKey(sessionCookie);
            return !SAFE.contains(request.getMethod()) && ambientCredential
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** The token in the XSRF-TOKEN cookie: readable by script, SameSite=Lax, Secure over TLS. */
    static ServerCsrfTokenRepository tokens(HttpsMode https) {
        CookieServerCsrfTokenRepository cookies = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        cookies.setCookieName(COOKIE);
        cookies.setHeaderName(HEADER);
        cookies.setCookiePath("/");
        return new ServerCsrfTokenRepository() {

            @Override
            public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
                return cookies.generateToken(exchange);
            }

            @Override
            public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
                return cookies.saveToken(exchange, token).then(Mono.fromRunnable(() -> {
                    boolean secure = https.isSecure(exchange.getRequest());
                    MultiValueMap<String, ResponseCookie> set = exchange.getResponse().getCookies();
                    List<ResponseCookie> written = set.get(COOKIE);
                    if (written != null) {
                        set.put(COOKIE, written.stream()
                                .map(cookie -> cookie.mutate().secure(secure).sameSite("Lax").build())
                                .toList());
                    }
                }));
            }

            @Override
            public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
                return cookies.loadToken(exchange);
            }
        };
    }

    /**
     * Spring Security makes the token lazily, only when something asks for it. A page that holds a session needs
     * it before its first change, so it is issued on every request that carries the session cookie, and on
     * {@code /api/me}, where the page learns who is signed in.
     */
    static WebFilter issueToken(String sessionCookie) {
        return (ServerWebExchange exchange, WebFilterChain chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            if (token != null && (request.getCookies().containsKey(sessionCookie)
                    || CurrentUserEndpoint.PATH.equals(request.getPath().pathWithinApplication().value()))) {
                return token.then(Mono.defer(() -> chain.filter(exchange)));
            }
            return chain.filter(exchange);
        };
    }
}
