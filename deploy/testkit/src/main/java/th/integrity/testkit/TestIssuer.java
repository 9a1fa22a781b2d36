package th.integrity.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect issuer for tests: it serves a discovery document and a JWKS over HTTP, as a real
 * provider does, and signs access tokens with any roles and agency. Services under test validate these
 * tokens through their real configuration (issuer discovery, signature, expiry, audience), so tests prove the
 * security chain itself; nothing is mocked. By default a token is an access token for the API: audience
 * {@value #API_AUDIENCE}, JOSE type {@code at+jwt}, no nonce. The builder makes the hostile variants too (a foreign
 * key, a wrong issuer, a past expiry or a future start, another audience or none, a nonce, another JOSE type), so
 * tests prove that such tokens are refused.
 */
public final class TestIssuer implements AutoCloseable {

    /** The audience the services accept by default ({@code integrity.security.audience}). */
    public static final String API_AUDIENCE = "integrity-api";

    private static TestIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://localhost:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer":"%1$s","jwks_uri":"%1$s/jwks","authorization_endpoint":"%1$s/authorize",
                 "token_endpoint":"%1$s/token","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}
                """.formatted(issuer)));
        server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    /** One issuer per test JVM, so every cached Spring context agrees on it. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public String issuerUri() {
        return issuer;
    }

    /** A valid token for a user of {@code agency} holding {@code roles}. */
    public String token(String subject, String agency, String... roles) {
        return builder(subject).agency(agency).roles(roles).sign();
    }

    public Builder builder(String subject) {
        return new Builder(subject);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Builds one token; the defaults make a valid one. */
    public final class Builder {

        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);
        private boolean foreign;
        private JOSEObjectType type = new JOSEObjectType("at+jwt");

        private Builder(String subject) {
            claims.subject(subject).issuer(issuer).audience(API_AUDIENCE).jwtID(UUID.randomUUID().toString())
                    .claim("preferred_username", subject);
        }

        /** The {@code aud} claim (Nimbus writes one value as a string, several as an array). */
        public Builder audience(String... audiences) {
            claims.audience(List.of(audiences));
            return this;
        }

        /** No {@code aud} claim at all. */
        public Builder noAudience() {
            claims.audience((List<String>) null);
            return this;
        }

        /** A {@code nonce} claim, as ID tokens carry. */
        public Builder nonce(String nonce) {
            claims.claim("nonce", nonce);
            return this;
        }

        /** The JOSE header's {@code typ}; null leaves it out. */
        public Builder type(String joseType) {
            type = joseType == null ? null : new JOSEObjectType(joseType);
            return this;
        }

        /**
         * What a provider's ID token for {@code clientId} looks like: {@code aud} = the client, a {@code nonce},
         * {@code azp}, JOSE type {@code JWT}.
         */
        public Builder idToken(String clientId) {
            return audience(clientId).nonce(UUID.randomUUID().toString()).claim("azp", clientId).type("JWT");
        }

        public Builder agency(String agency) {
            claims.claim("agency", agency);
            return this;
        }

        public Builder roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        /**
         * A sign-in with a password and a one-time code, as the development provider and the Keycloak realm say it:
         * {@code acr} {@code mfa} and {@code amr} {@code ["pwd","otp"]}. Without it a token is a password-only one.
         */
        public Builder secondFactor() {
            claims.claim("acr", "mfa");
            claims.claim("amr", List.of("pwd", "otp"));
            return this;
        }

        /** A claim written exactly as given (a number stays a number), for tokens of the wrong shape. */
        public Builder rawClaim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value instanceof Map<?, ?> || value instanceof List<?> ? value : String.valueOf(value));
            return this;
        }

        public Builder issuer(String otherIssuer) {
            claims.issuer(otherIssuer);
            return this;
        }

        /** A token that expired {@code ago} ago. */
        public Builder expired(Duration ago) {
            issuedAt = Instant.now().minus(ago).minus(lifetime);
            return this;
        }

        /** A token whose validity starts {@code ahead} from now (its {@code iat} and {@code nbf}). */
        public Builder notYetValid(Duration ahead) {
            issuedAt = Instant.now().plus(ahead);
            return this;
        }

        /** Signed by a key the issuer never published, under the published key id: a forgery. */
        public Builder forged() {
            foreign = true;
            return this;
        }

        public String sign() {
            claims.issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)));
            RSAKey signingKey = foreign ? foreignKey : key;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(type).build(), claims.build());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
