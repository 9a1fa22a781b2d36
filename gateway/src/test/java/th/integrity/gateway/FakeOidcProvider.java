package th.integrity.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import th.integrity.testkit.TestIssuer;

/**
 * Just enough of an OpenID Connect provider for the gateway's sign-in to run end to end in a test: discovery,
 * a token endpoint (authorization code with PKCE verification, refresh token) and the end-session endpoint's
 * address. Tokens are signed by {@link TestIssuer} (its JWKS is the one published here) under this provider's
 * issuer. The authorization endpoint is not served: a test plays the browser and the user, reads the
 * authorization request from the gateway's redirect, and comes back with a code from {@link #issueCode}.
 * <p>
 * It starts <em>down</em> (connections refused), so the gateway is shown to start and serve public routes
 * without its provider; {@link #up()} brings it up on the same port.
 */
final class FakeOidcProvider {

    static final String CLIENT_ID = "integrity-gateway";
    static final String CLIENT_SECRET = "test-gateway-secret";

    record Code(String challenge, String nonce, String redirectUri) {
    }

    private final TestIssuer signer = TestIssuer.shared();
    private final int port;
    private final String issuer;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    final List<String> issuedAccessTokens = new CopyOnWriteArrayList<>();
    final List<String> issuedIdTokens = new CopyOnWriteArrayList<>();
    final List<String> grants = new CopyOnWriteArrayList<>();
    volatile long accessTokenSeconds = 300;
    private HttpServer server;

    FakeOidcProvider() {
        port = unusedPortBelowTheEphemeralRange();
        issuer = "http://localhost:" + port;
    }

    /**
     * A port to come up on later. Not one the system hands out for outgoing connections (Linux: 32768 and up),
     * or one of the many connections a test run makes could hold it by the time the provider comes up.
     */
    static int unusedPortBelowTheEphemeralRange() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20000 + random.nextInt(12000);
            try (java.net.ServerSocket probe = new java.net.ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    String issuer() {
        return issuer;
    }

    synchronized void up() {
        if (server == null) {
            server = bind(port);
            server.createContext("/.well-known/openid-configuration", this::discovery);
            server.createContext("/token", this::token);
            // Handlers on their own threads, as in StubBackend: with the default (the dispatcher thread) a request
            // arriving on a kept-alive connection was at times not picked up, and the sign-in hung.
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "fake-oidc-provider");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
    }

    /** As when the user's provider session ends or an administrator revokes it: no token can be renewed. */
    void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    /** What the provider would send back to the redirect URI after the user signed in. */
    String issueCode(String codeChallenge, String nonce, String redirectUri) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new Code(codeChallenge, nonce, redirectUri));
        return code;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String jwks = signer.issuerUri() + "/jwks";
        json(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%2$s","end_session_endpoint":"%1$s/connect/logout",
                 "token_endpoint_auth_methods_supported":["client_secret_basic"],
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],
                 "scopes_supported":["openid","profile"]}
                """.formatted(issuer, jwks));
    }

    private void token(HttpExchange exchange) throws IOException {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grant = form.get("grant_type");
        grants.add(grant);
        if ("authorization_code".equals(grant)) {
            Code code = codes.remove(form.get("code"));
            if (code == null || !code.redirectUri().equals(form.get("redirect_uri"))
                    || !code.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                json(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            String refresh = UUID.randomUUID().toString();
            refreshTokens.put(refresh, "officer");
            String idToken = person(signer.builder("officer")).idToken(CLIENT_ID).nonce(code.nonce()).sign();
            issuedIdTokens.add(idToken);
            json(exchange, 200, tokens(accessToken(), refresh, idToken));
        } else if ("refresh_token".equals(grant) && refreshTokens.containsKey(form.get("refresh_token"))) {
            refreshTokens.remove(form.get("refresh_token"));
            String refresh = UUID.randomUUID().toString();
            refreshTokens.put(refresh, "officer");
            json(exchange, 200, tokens(accessToken(), refresh, null));
        } else {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
        }
    }

    /** A token of this provider's issuer, signed with the key its discovery document publishes. */
    TestIssuer.Builder token(String subject) {
        return signer.builder(subject).issuer(issuer);
    }

    private TestIssuer.Builder person(TestIssuer.Builder builder) {
        return builder.issuer(issuer).agency("wangthonglang").roles("OFFICER")
                .claim("name", "นายธนากร รักษ์ธรรม").claim("preferred_username", "officer");
    }

    private String accessToken() {
        String token = person(signer.builder("officer")).sign(); // aud integrity-api, typ at+jwt
        issuedAccessTokens.add(token);
        return token;
    }

    private String tokens(String access, String refresh, String idToken) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":" + accessTokenSeconds
                + ",\"scope\":\"openid profile\",\"refresh_token\":\"" + refresh + "\""
                + (idToken == null ? "" : ",\"id_token\":\"" + idToken + "\"") + "}";
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
