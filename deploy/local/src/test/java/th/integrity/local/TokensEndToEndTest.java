package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;
import static th.integrity.local.BrowserRequests.browse;
import static th.integrity.local.BrowserRequests.fetch;
import static th.integrity.local.BrowserRequests.location;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which tokens open the API, on the real system (launcher, development provider, gateway, three services): the
 * script client's access token does, at the gateway and at each service directly; a token the same provider issued
 * to another client ({@code integrity-other}, same roles and agency) does not, and neither does the ID token of a
 * real sign-in of {@code officer} on the provider's login page. Sign-out puts no token in what the page's script
 * reads, and ends the provider's session: signing in again asks for the password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokensEndToEndTest {

    private static final String AGENCY = GatewayClient.AGENCY;
    /** The development values the launcher runs with (README, demo users). */
    private static final String GATEWAY_CLIENT = "integrity-gateway";
    private static final String GATEWAY_SECRET = "integrity-gateway-secret";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;
    private LocalSystem system;
    private String notBuilt;

    @BeforeAll
    void startTheSystem() throws Exception {
        Path home = Path.of("../..").toAbsolutePath().normalize();
        List<String> missing = Components.SERVICES.stream().map(spec -> spec.jar(home))
                .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            notBuilt = "Skipping the end-to-end test: service jars not built " + missing
                    + ". Build them from the repository root with ./mvnw -q install -DskipTests";
            return;
        }
        system = LocalSystem.start(LauncherConfig.defaults(home, data).withFreePorts()
                .withStartupTimeout(Duration.ofMinutes(5)));
    }

    @BeforeEach
    void requireBuiltServices() {
        Assumptions.assumeTrue(notBuilt == null, notBuilt);
    }

    @AfterAll
    void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    /** One protected read per service, each once through the gateway and once straight at the service. */
    private List<String> protectedReads() {
        int year = GatewayClient.fiscalYear();
        List<String> paths = List.of("/api/complaints/cases", "/api/gifts/registers/" + year + "/FY",
                "/api/stats/complaints/" + AGENCY + "/" + year + "/draft");
        List<String> bases = List.of(system.serviceUrl("complaints-service"), system.serviceUrl("gifts-service"),
                system.serviceUrl("stats-service"));
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            urls.add(system.gatewayUrl() + paths.get(i));
            urls.add(bases.get(i) + paths.get(i));
        }
        return urls;
    }

    @Test
    void theScriptClientsAccessTokenOpensTheApiEverywhere() throws Exception {
        String token = clientCredentials("integrity-cli", "integrity-cli-secret");
        for (String url : protectedReads()) {
            HttpResponse<String> response = bearer(url, token);
            assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void anotherClientsTokenIsRefusedEverywhere() throws Exception {
        String token = clientCredentials("integrity-other", "integrity-other-secret");
        for (String url : protectedReads()) {
            assertRefused(url, bearer(url, token));
        }
    }

    @Test
    void theIdTokenOfARealSignInIsRefusedEverywhere() throws Exception {
        JsonNode tokens = signInAtTheProvider("officer");
        String idToken = tokens.path("id_token").asString();
        assertThat(idToken).startsWith("eyJ");
        for (String url : protectedReads()) {
            assertRefused(url, bearer(url, idToken));
            // The access token of the same sign-in works: the ID token is refused for what it is.
            assertThat(bearer(url, tokens.path("access_token").asString()).statusCode()).as(url)
                    .isIn(200, 403);
        }
    }

    @Test
    void signOutShowsTheBrowserNoTokenAndEndsTheProviderSession() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = browser(cookies);
        signInAtTheGateway(browser, "officer");
        assertThat(fetch(browser, system.gatewayUrl() + "/api/me").body()).contains("\"authenticated\":true");

        // What the page's script does: POST /logout, read where to go.
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> signOut = browser.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/logout"))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(200);
        assertThat(signOut.body()).doesNotContain("eyJ").doesNotContain("id_token_hint");
        assertThat(signOut.headers().map().toString()).doesNotContain("eyJ");
        String redirect = json.readTree(signOut.body()).path("redirect").asString();
        assertThat(redirect).startsWith(system.serviceUrl("oidc-dev") + "/connect/logout?client_id=" + GATEWAY_CLIENT);

        // The browser goes there; the provider ends its session and sends it home.
        HttpResponse<String> atProvider = browse(browser, redirect);
        assertThat(atProvider.statusCode()).as(atProvider.body()).isBetween(300, 399);
        assertThat(location(atProvider)).isEqualTo(system.gatewayUrl() + "/");
        assertThat(location(atProvider)).doesNotContain("eyJ");
        assertThat(fetch(browser, system.gatewayUrl() + "/api/me").body()).contains("\"authenticated\":false");

        // Signing in again asks for the password.
        String authorize = location(browse(browser, system.gatewayUrl() + "/oauth2/authorization/integrity"));
        String next = location(browse(browser, authorize));
        assertThat(next).isEqualTo(system.serviceUrl("oidc-dev") + "/login");
    }

    // --- sign-in as a browser does it (as in SystemEndToEndTest) ------------------------------------

    /** Through the gateway: it sends the browser to the provider, the user types the password, back with a code. */
    private void signInAtTheGateway(HttpClient browser, String username) throws Exception {
        String authorize = location(browse(browser, system.gatewayUrl() + "/oauth2/authorization/integrity"));
        String next = typePassword(browser, location(browse(browser, authorize)), username);
        for (int hop = 0; hop < 5 && !next.startsWith(system.gatewayUrl() + "/login/oauth2/code/"); hop++) {
            next = location(browse(browser, next));
        }
        HttpResponse<String> callback = browse(browser, next);
        assertThat(callback.statusCode()).isBetween(300, 399);
    }

    /**
     * The same sign-in with the gateway's development client, played by the test itself (PKCE, the provider's own
     * login page), so that the test holds the tokens the provider hands out: the ID token as an attacker who got
     * hold of it would.
     */
    private JsonNode signInAtTheProvider(String username) throws Exception {
        HttpClient browser = browser(new CookieManager());
        String oidc = system.serviceUrl("oidc-dev");
        String redirectUri = system.gatewayUrl() + "/login/oauth2/code/integrity";
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = oidc + "/oauth2/authorize?response_type=code&client_id=" + GATEWAY_CLIENT
                + "&scope=" + encode("openid profile") + "&redirect_uri=" + encode(redirectUri) + "&state=" + random()
                + "&nonce=" + random() + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        String next = typePassword(browser, location(browse(browser, authorize)), username);
        for (int hop = 0; hop < 5 && !next.startsWith(redirectUri); hop++) {
            next = location(browse(browser, next));
        }
        assertThat(next).startsWith(redirectUri + "?code=");
        String code = query(URI.create(next)).get("code");
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(oidc + "/oauth2/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(GATEWAY_CLIENT, GATEWAY_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code)
                        + "&redirect_uri=" + encode(redirectUri) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json.readTree(token.body());
    }

    /** On the provider's login page: the form with its CSRF token, the user's password ({@code demo}). */
    private String typePassword(HttpClient browser, String loginPage, String username) throws Exception {
        assertThat(loginPage).endsWith("/login");
        HttpResponse<String> form = browse(browser, loginPage);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(loginPage))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf="
                        + encode(csrf.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return location(signedIn);
    }

    // --- plumbing -------------------------------------------------------------------------------------

    private void assertRefused(String url, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).as(url).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).as(url).contains("\"type\":\"urn:integrity:problem:unauthenticated\"")
                .doesNotContain("\"cases\"").doesNotContain("totalReceived");
    }

    private String clientCredentials(String clientId, String secret) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(system.serviceUrl("oidc-dev") + "/oauth2/token")).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    private HttpResponse<String> bearer(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser(CookieManager cookies) {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
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
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
