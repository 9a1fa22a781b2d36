package th.integrity.oidcdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import th.integrity.oidcdev.secondfactor.Totp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider over real HTTP, as the gateway and scripts use it: discovery, client credentials, and the
 * browser's authorization-code + PKCE login driven with a cookie-keeping client. Every token is verified
 * against the JWKS the provider publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "OIDC_ISSUER=http://issuer.test:9000")
class OidcDevProviderTest {

    private static final String ISSUER = "http://issuer.test:9000";
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/integrity";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void discoveryNamesTheIssuerAndItsEndpoints() throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(),
                get("/.well-known/openid-configuration").build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(response.body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void clientCredentialsTokenOfTheCliCarriesItsRolesAndAgency() throws Exception {
        JsonNode token = clientCredentials("integrity-cli", "integrity-cli-secret");

        JWTClaimsSet claims = verified(token.path("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("integrity-cli");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OFFICER", "ADMIN");
        assertThat(claims.getStringClaim("agency")).isEqualTo("wangthonglang");
        assertThat(claims.getAudience()).containsExactly("integrity-api");
        assertThat(claims.getClaim("nonce")).isNull();
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertThat(lifetime).isEqualTo(15 * 60 * 1000L);
    }

    @Test
    void theOtherClientsTokenIsNotForTheApi() throws Exception {
        JsonNode token = clientCredentials("integrity-other", "integrity-other-secret");

        JWTClaimsSet claims = verified(token.path("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("integrity-other");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OFFICER", "ADMIN");
        assertThat(claims.getAudience()).containsExactly("integrity-other");
    }

    @Test
    void aWrongClientSecretIsRefused() throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(), post("/oauth2/token",
                Map.of("grant_type", "client_credentials"))
                .header("Authorization", basic("integrity-cli", "not-the-secret")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void officerSignsInWithAuthorizationCodeAndPkce() throws Exception {
        Login login = signIn("officer", "demo");

        JWTClaimsSet access = verified(login.tokens().path("access_token").asString());
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getSubject()).isEqualTo("officer");
        assertThat(access.getAudience()).containsExactly("integrity-api");
        assertThat(access.getClaim("nonce")).isNull();
        assertThat(access.getStringListClaim("roles")).containsExactly("OFFICER");
        assertThat(access.getStringClaim("agency")).isEqualTo("wangthonglang");
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("officer");
        assertThat(access.getStringClaim("division")).isEqualTo("ADM");
        // Notices are mailed to the token's address (issue 18 §3): every demo user has one, never delivered.
        assertThat(access.getStringClaim("email")).isEqualTo("officer@wangthonglang.example");

        JWTClaimsSet id = verified(login.tokens().path("id_token").asString());
        assertThat(id.getAudience()).containsExactly("integrity-gateway");
        assertThat(id.getStringClaim("nonce")).isEqualTo(login.nonce());
        assertThat(id.getStringClaim("name")).isEqualTo("นายธนากร รักษ์ธรรม");
        assertThat(id.getStringClaim("position")).isEqualTo("นักทรัพยากรบุคคลชำนาญการ");
        assertThat(id.getStringListClaim("roles")).containsExactly("OFFICER");
        assertThat(id.getStringClaim("agency")).isEqualTo("wangthonglang");

        // User info (what Spring's OAuth2 login merges into the user) keeps the custom claims.
        HttpResponse<String> userInfo = send(login.browser(), get("/userinfo")
                .header("Authorization", "Bearer " + login.tokens().path("access_token").asString()).build());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(userInfo.body());
        assertThat(info.path("sub").asString()).isEqualTo("officer");
        assertThat(info.path("agency").asString()).isEqualTo("wangthonglang");
        assertThat(info.path("roles").toString()).isEqualTo("[\"OFFICER\"]");

        // The refreshed access token keeps the person's claims.
        HttpResponse<String> refreshed = send(login.browser(), post("/oauth2/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", login.tokens().path("refresh_token").asString()))
                .header("Authorization", basic("integrity-gateway", "integrity-gateway-secret")).build());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JWTClaimsSet again = verified(JSON.readTree(refreshed.body()).path("access_token").asString());
        assertThat(again.getAudience()).containsExactly("integrity-api");
        assertThat(again.getStringListClaim("roles")).containsExactly("OFFICER");
        assertThat(again.getStringClaim("name")).isEqualTo("นายธนากร รักษ์ธรรม");
    }

    @Test
    void aSignInAskingForASecondFactorTakesTheOneTimeCodeAndTheTokensSaySo() throws Exception {
        String secret = "WJR3WLG3C2TBQLA2RA3HTENBM2VKK4KK"; // head's demo secret (application.yml)
        HttpClient browser = browser();
        Authorize authorize = startAuthorization(browser, "&acr_values=mfa");
        HttpResponse<String> posted = postLogin(browser, "head", "demo");
        // the password alone does not finish it: the parked request sends the person to the code page
        HttpResponse<String> parked = send(browser, HttpRequest.newBuilder(absolute(location(posted)))
                .header("Accept", "text/html").build());
        assertThat(parked.statusCode()).isEqualTo(302);
        assertThat(location(parked)).endsWith("/login/otp");

        HttpResponse<String> page = send(browser, get("/login/otp").header("Accept", "text/html").build());
        assertThat(page.body()).contains("รหัสใช้ครั้งเดียว", "One-time code", secret, "oathtool --totp -b " + secret);

        // wrong, malformed and empty codes are refused and finish nothing
        String right = Totp.code(secret, Instant.now());
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        for (String bad : new String[] { wrong, "12345", "abcdef", "", right + "0" }) {
            HttpResponse<String> refused = postCode(browser, bad);
            assertThat(location(refused)).as(bad).endsWith("/login/otp?error");
        }

        HttpResponse<String> accepted = postCode(browser, right);
        assertThat(location(accepted)).contains("/oauth2/authorize?").contains("acr_values=mfa");
        JsonNode tokens = redeem(browser, location(accepted), authorize);
        JWTClaimsSet access = verified(tokens.path("access_token").asString());
        assertThat(access.getStringClaim("acr")).isEqualTo("mfa");
        assertThat(access.getStringListClaim("amr")).containsExactly("pwd", "otp");
        assertThat(verified(tokens.path("id_token").asString()).getStringClaim("acr")).isEqualTo("mfa");

        // the same code cannot be spent twice, even by someone who has the password
        HttpClient thief = browser();
        startAuthorization(thief, "&acr_values=mfa");
        HttpResponse<String> stolen = postLogin(thief, "head", "demo");
        send(thief, HttpRequest.newBuilder(absolute(location(stolen))).header("Accept", "text/html").build());
        assertThat(location(postCode(thief, right))).endsWith("/login/otp?error");
    }

    @Test
    void someoneSignedInWithAPasswordIsAskedOnlyForTheCodeWhenTheyStepUp() throws Exception {
        Login login = signIn("officer", "demo");
        JWTClaimsSet plain = verified(login.tokens().path("access_token").asString());
        assertThat(plain.getClaim("acr")).isNull();
        assertThat(plain.getStringListClaim("amr")).containsExactly("pwd");

        Authorize stepUp = startAuthorization(login.browser(), "&acr_values=" + encode("mfa urn:integrity:acr:mfa"));
        assertThat(stepUp.loginRedirect()).endsWith("/login/otp");
        HttpResponse<String> accepted = postCode(login.browser(),
                Totp.code("6ZOREFMZ47HJ65LCFR7HHVUT4N4FXP6M", Instant.now()));
        JWTClaimsSet stepped = verified(redeem(login.browser(), location(accepted), stepUp)
                .path("access_token").asString());
        assertThat(stepped.getStringClaim("acr")).isEqualTo("mfa");
        assertThat(stepped.getSubject()).isEqualTo("officer");
    }

    @Test
    void totpMatchesRfc6238() {
        // RFC 6238, appendix B (SHA-1 key "12345678901234567890"), the last 6 digits
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
        assertThat(Totp.matchingStep(secret, "287082", Instant.ofEpochSecond(59 + 30))).isPresent();
        assertThat(Totp.matchingStep(secret, "287082", Instant.ofEpochSecond(59 + 90))).isEmpty();
    }

    @Test
    void officerOfAnotherAgencyGetsThatAgency() throws Exception {
        Login login = signIn("officer-hk", "demo");

        JWTClaimsSet access = verified(login.tokens().path("access_token").asString());
        assertThat(access.getStringClaim("agency")).isEqualTo("huaikhwang");
        assertThat(access.getStringListClaim("roles")).containsExactly("OFFICER");
        assertThat(verified(login.tokens().path("id_token").asString()).getStringClaim("agency"))
                .isEqualTo("huaikhwang");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpClient browser = browser();
        Authorize authorize = startAuthorization(browser);

        HttpResponse<String> posted = postLogin(browser, "officer", "not-demo");

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(location(posted)).endsWith("/login?error");
        HttpResponse<String> form = send(browser, get("/login?error").header("Accept", "text/html").build());
        assertThat(form.body()).contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "Wrong username or password");
        // Still not signed in: the authorization endpoint sends the browser back to the login form.
        HttpResponse<String> again = send(browser, get(authorize.path()).header("Accept", "text/html").build());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(location(again)).endsWith("/login");
    }

    @Test
    void rpInitiatedLogoutReturnsToTheGateway() throws Exception {
        Login login = signIn("head", "demo");

        HttpResponse<String> logout = send(login.browser(), get("/connect/logout?id_token_hint="
                + login.tokens().path("id_token").asString()
                + "&post_logout_redirect_uri=" + encode("http://localhost:8080/") + "&state=bye").build());

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo("http://localhost:8080/?state=bye");
        // The provider's session is gone: authorizing again asks for the password.
        Authorize next = startAuthorization(login.browser());
        assertThat(next.loginRedirect()).endsWith("/login");
    }

    @Test
    void logoutWithTheClientIdInsteadOfTheIdTokenEndsTheSession() throws Exception {
        Login login = signIn("officer", "demo");

        HttpResponse<String> logout = send(login.browser(), get("/connect/logout?client_id=integrity-gateway"
                + "&post_logout_redirect_uri=" + encode("http://localhost:8080/")).header("Accept", "text/html").build());

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo("http://localhost:8080/");
        Authorize next = startAuthorization(login.browser());
        assertThat(next.loginRedirect()).as("signing in again asks for the password").endsWith("/login");
    }

    @Test
    void logoutWithTheClientIdGoesOnlyToARegisteredAddress() throws Exception {
        Login login = signIn("officer", "demo");

        for (String query : new String[] {
                "client_id=integrity-gateway&post_logout_redirect_uri=" + encode("https://attacker.example/"),
                "client_id=integrity-gateway&post_logout_redirect_uri=" + encode("http://localhost:8080/x"),
                "client_id=nobody&post_logout_redirect_uri=" + encode("http://localhost:8080/"),
                "post_logout_redirect_uri=" + encode("http://localhost:8080/") }) {
            HttpResponse<String> logout = send(login.browser(), get("/connect/logout?" + query).build());
            assertThat(logout.statusCode()).as(query).isEqualTo(400);
            assertThat(logout.headers().firstValue("Location")).as(query).isEmpty();
        }
        // None of them ended the session.
        assertThat(startAuthorization(login.browser()).loginRedirect()).startsWith(REDIRECT + "?");
    }

    @Test
    void loginPageIsBilingualAndProbesAndMetricsAreOpen() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = send(client, get("/login").build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"th\">", "เข้าสู่ระบบ", "Sign in", "officer-hk");

        assertThat(send(client, get("/actuator/health/readiness").build()).body()).contains("\"UP\"");
        assertThat(send(client, get("/actuator/health/liveness").build()).statusCode()).isEqualTo(200);
        assertThat(send(client, get("/actuator/prometheus").build()).body()).contains("jvm_memory_used_bytes");
    }

    // --- the browser's side of the authorization-code flow -----------------------------------------

    private record Authorize(String path, String verifier, String nonce, String state, String loginRedirect) {
    }

    private record Login(HttpClient browser, JsonNode tokens, String nonce) {
    }

    private Login signIn(String username, String password) throws Exception {
        HttpClient browser = browser();
        Authorize authorize = startAuthorization(browser);
        assertThat(authorize.loginRedirect()).endsWith("/login");

        HttpResponse<String> posted = postLogin(browser, username, password);
        assertThat(posted.statusCode()).isEqualTo(302);
        // Back to the saved authorization request, which now redirects to the gateway with a code.
        HttpResponse<String> resumed = send(browser, HttpRequest.newBuilder(absolute(location(posted)))
                .header("Accept", "text/html").build());
        assertThat(resumed.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(resumed));
        assertThat(callback.toString()).startsWith(REDIRECT + "?");
        Map<String, String> query = query(callback);
        assertThat(query).containsEntry("state", authorize.state());

        HttpResponse<String> token = send(browser, post("/oauth2/token", Map.of(
                "grant_type", "authorization_code",
                "code", query.get("code"),
                "redirect_uri", REDIRECT,
                "code_verifier", authorize.verifier()))
                .header("Authorization", basic("integrity-gateway", "integrity-gateway-secret")).build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return new Login(browser, JSON.readTree(token.body()), authorize.nonce());
    }

    /** Follows {@code resumedLocation} (the authorization endpoint) to the gateway's callback and redeems the code. */
    private JsonNode redeem(HttpClient browser, String resumedLocation, Authorize authorize) throws Exception {
        HttpResponse<String> resumed = send(browser, HttpRequest.newBuilder(absolute(resumedLocation))
                .header("Accept", "text/html").build());
        assertThat(resumed.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(resumed));
        assertThat(callback.toString()).startsWith(REDIRECT + "?");
        HttpResponse<String> token = send(browser, post("/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", query(callback).get("code"), "redirect_uri", REDIRECT,
                "code_verifier", authorize.verifier()))
                .header("Authorization", basic("integrity-gateway", "integrity-gateway-secret")).build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    private HttpResponse<String> postCode(HttpClient browser, String code) throws Exception {
        HttpResponse<String> form = send(browser, get("/login/otp").header("Accept", "text/html").build());
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        return send(browser, post("/login/otp", Map.of("code", code, "_csrf", csrf.group(1)))
                .header("Accept", "text/html").build());
    }

    private Authorize startAuthorization(HttpClient browser) throws Exception {
        return startAuthorization(browser, "");
    }

    private Authorize startAuthorization(HttpClient browser, String extraQuery) throws Exception {
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = random();
        String nonce = random();
        String path = "/oauth2/authorize?response_type=code&client_id=integrity-gateway"
                + "&scope=" + encode("openid profile") + "&redirect_uri=" + encode(REDIRECT)
                + "&state=" + state + "&nonce=" + nonce
                + "&code_challenge=" + challenge + "&code_challenge_method=S256" + extraQuery;
        HttpResponse<String> response = send(browser, get(path).header("Accept", "text/html").build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return new Authorize(path, verifier, nonce, state, location(response));
    }

    private HttpResponse<String> postLogin(HttpClient browser, String username, String password) throws Exception {
        HttpResponse<String> form = send(browser, get("/login").header("Accept", "text/html").build());
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
        return send(browser, post("/login", Map.of("username", username, "password", password,
                "_csrf", csrf.group(1))).header("Accept", "text/html").build());
    }

    // --- plumbing ----------------------------------------------------------------------------------

    private JsonNode clientCredentials(String clientId, String secret) throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(), post("/oauth2/token",
                Map.of("grant_type", "client_credentials")).header("Authorization", basic(clientId, secret)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Checks the RS256 signature against the published JWKS and returns the claims. */
    private JWTClaimsSet verified(String token) throws Exception {
        JWKSet keys = JWKSet.parse(send(HttpClient.newHttpClient(), get("/oauth2/jwks").build()).body());
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("signing key published in the JWKS").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(absolute(path));
    }

    private HttpRequest.Builder post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(absolute(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI absolute(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create("http://localhost:" + port + pathOrUrl);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request)
            throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no Location header, status " + response.statusCode()));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
