package th.integrity.oidcdev.server;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * RP-initiated logout without {@code id_token_hint}: {@code /connect/logout?client_id=…&post_logout_redirect_uri=…}
 * (OpenID Connect RP-Initiated Logout 1.0, section 2, allows {@code client_id} in its place). The gateway signs out
 * this way so that the ID token never reaches the browser; Spring Authorization Server's own endpoint insists on
 * the hint. The request ends the session this provider holds for the browser making it (its own cookie), and
 * returns it to the post-logout URI only when that URI is registered for the client. A request that does carry
 * {@code id_token_hint} is left to Spring Authorization Server's own converter, provider and handler.
 * <p>
 * Without the hint, any page could send a browser here and end its provider session (logout CSRF), as with any
 * provider that accepts such requests: a nuisance, not a disclosure, in a development provider. Keycloak asks the
 * user to confirm instead.
 */
final class ClientLogout {

    private ClientLogout() {
    }

    /** The request as understood; authenticated once the client and its post-logout URI are checked. */
    static final class Request extends AbstractAuthenticationToken {

        private final Authentication user;
        private final String clientId;
        private final String postLogoutRedirectUri;
        private final String state;

        Request(Authentication user, String clientId, String postLogoutRedirectUri, String state, boolean checked) {
            super(List.of());
            this.user = user;
            this.clientId = clientId;
            this.postLogoutRedirectUri = postLogoutRedirectUri;
            this.state = state;
            setAuthenticated(checked);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return user == null ? clientId : user;
        }

        boolean userSignedIn() {
            return user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
        }
    }

    /** Reads {@code client_id}, {@code post_logout_redirect_uri} and {@code state}; null when an ID token is given. */
    static AuthenticationConverter converter() {
        return request -> {
            if (request.getParameter("id_token_hint") != null) {
                return null;
            }
            String clientId = single(request, "client_id", true);
            String postLogout = single(request, "post_logout_redirect_uri", false);
            String state = single(request, "state", false);
            return new Request(SecurityContextHolder.getContext().getAuthentication(), clientId, postLogout, state, false);
        };
    }

    /** The client must exist and have registered the post-logout URI exactly. */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                Request request = (Request) authentication;
                RegisteredClient client = clients.findByClientId(request.clientId);
                if (client == null) {
                    throw error(OAuth2ErrorCodes.INVALID_REQUEST, "client_id");
                }
                if (request.postLogoutRedirectUri != null
                        && !client.getPostLogoutRedirectUris().contains(request.postLogoutRedirectUri)) {
                    throw error(OAuth2ErrorCodes.INVALID_REQUEST, "post_logout_redirect_uri");
                }
                return new Request(request.user, request.clientId, request.postLogoutRedirectUri, request.state, true);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return Request.class.isAssignableFrom(authentication);
            }
        };
    }

    /** Ends the browser's session here, then sends it to the checked post-logout URI (with state) or the home page. */
    static AuthenticationSuccessHandler responseHandler() {
        OidcLogoutAuthenticationSuccessHandler withIdToken = new OidcLogoutAuthenticationSuccessHandler();
        SecurityContextLogoutHandler endSession = new SecurityContextLogoutHandler();
        DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws IOException, ServletException {
                if (!(authentication instanceof Request logout)) {
                    withIdToken.onAuthenticationSuccess(request, response, authentication);
                    return;
                }
                if (logout.userSignedIn()) {
                    endSession.logout(request, response, logout.user);
                } else {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                }
                String target = "/";
                if (logout.postLogoutRedirectUri != null) {
                    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(logout.postLogoutRedirectUri);
                    if (logout.state != null) {
                        uri.queryParam("state", logout.state);
                    }
                    target = uri.encode().build().toUriString();
                }
                redirect.sendRedirect(request, response, target);
            }
        };
    }

    private static String single(HttpServletRequest request, String name, boolean required) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            if (required) {
                throw error(OAuth2ErrorCodes.INVALID_REQUEST, name);
            }
            return null;
        }
        if (values.length > 1) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, name);
        }
        return values[0];
    }

    private static OAuth2AuthenticationException error(String code, String parameter) {
        return new OAuth2AuthenticationException(new OAuth2Error(code,
                "OpenID Connect 1.0 Logout Request Parameter: " + parameter, null));
    }
}
