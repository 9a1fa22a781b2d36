package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import th.integrity.testkit.RawHttp;

/**
 * Browser sign-in at the gateway (backend-for-frontend): authorization code + PKCE against a provider that is
 * down when the gateway starts, tokens kept in the session, the access token relayed (and renewed) to the
 * services, {@code /api/me}, CSRF on session requests only, bearer tokens passed through, sign-out at both ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInTest extends IntegrationTestSupport {

    @Test
    @Order(2)
    void signInRedirectsToTheProviderWithPkce() throws Exception {
        provider.up();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/oauth2/authorization/integrity")).GET());

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(provider.issuer() + "/oauth2/authorize?");
        Map<String, String> query = FakeOidcProvider.query(location);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", FakeOidcProvider.CLIENT_ID)
                .containsEntry("scope", "openid profile")
                .containsEntry("redirect_uri", "http://localhost:" + port + "/login/oauth2/code/integrity")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");

        // The pending sign-in lives in the session: the browser gets only the cookie, with its protections.
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("INTEGRITY_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        SecurityHeadersTest.assertSecurityHeaders(response);
    }

    @Test
    @Order(3)
    void anonymousVisitorIsNotAuthenticated() throws Exception {
        HttpResponse<String> me = send(HttpRequest.newBuilder(url("/api/me")).GET());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(me.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(me.body()).isEqualTo(
                "{\"authenticated\":false,\"name\":null,\"username\":null,\"agency\":null,\"roles\":[]}");
        // The page gets its CSRF token with it, in a cookie its script can read.
        assertThat(me.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=")
                .doesNotContainIgnoringCase("HttpOnly").contains("SameSite=Lax"));
        // No session is started for an anonymous visitor.
        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("INTEGRITY_SESSION="));
    }

    @Test
    @Order(4)
    void aChangeMadeWithTheSessionCookieButNoCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(url("/api/gifts/declarations"))
                .header("Cookie", "INTEGRITY_SESSION=7f1c9a")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"value\":5000}")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"urn:integrity:problem:csrf-token-missing\"").contains("X-XSRF-TOKEN");
        SecurityHeadersTest.assertSecurityHeaders(refused);

        // A bearer token beside the session cookie does not excuse it: the cookie is still ambient.
        HttpResponse<String> withBearer = send(HttpRequest.newBuilder(url("/api/gifts/declarations"))
                .header("Cookie", "INTEGRITY_SESSION=7f1c9a").header("Authorization", "Bearer abc")
                .DELETE());
        assertThat(withBearer.statusCode()).isEqualTo(403);
        assertThat(gifts.receivedNothing()).isTrue();

        // With the token echoed from its cookie, the same call goes through.
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(url("/api/gifts/declarations"))
                .header("Cookie", "INTEGRITY_SESSION=7f1c9a; XSRF-TOKEN=4d2f0c1e")
                .header("X-XSRF-TOKEN", "4d2f0c1e")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"value\":5000}")));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(gifts.take().headers()).doesNotContainKey("Cookie");
    }

    @Test
    @Order(5)
    void anonymousCallsWithoutASessionCookieNeedNoCsrfToken() throws Exception {
        HttpResponse<String> filed = send(HttpRequest.newBuilder(url("/api/complaints"))
                .header("Content-Type", "application/json").header("X-Stub-Status", "201")
                .POST(BodyPublishers.ofString("{\"details\":\"...\"}")));

        assertThat(filed.statusCode()).isEqualTo(201);
        assertThat(complaints.take().method()).isEqualTo("POST");
    }

    @Test
    @Order(6)
    void accessTokensOfApiClientsPassThroughUnchanged() throws Exception {
        provider.up();
        String token = provider.token("integrity-cli").agency("wangthonglang").roles("OFFICER").sign();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/complaints/cases/c-9/status"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString("{\"to\":\"UNDER_REVIEW\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(complaints.take().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    @Order(7)
    void signedInBrowserGetsItsTokenRelayedRenewedAndSignsOutAtBothEnds() throws Exception {
        provider.up();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();

        // 1. The gateway sends the browser to the provider with a PKCE challenge.
        HttpResponse<String> toProvider = send(browser, HttpRequest.newBuilder(url("/oauth2/authorization/integrity")).GET());
        Map<String, String> authorization = FakeOidcProvider.query(URI.create(toProvider.headers().firstValue("Location").orElseThrow()));
        String sessionBefore = cookie(cookies, "INTEGRITY_SESSION");

        // 2. The user signs in there; the provider sends the browser back with a code.
        String code = provider.issueCode(authorization.get("code_challenge"), authorization.get("nonce"),
                authorization.get("redirect_uri"));
        HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(authorization.get("redirect_uri")
                + "?code=" + code + "&state=" + authorization.get("state"))).GET());

        // 3. The gateway redeemed the code with the PKCE verifier (the provider checks it) and signed the user in.
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/");
        assertThat(provider.grants).contains("authorization_code");
        assertThat(back.body()).doesNotContain("eyJ");
        // A new session id after sign-in (no session fixation), still only a cookie in the browser.
        String session = cookie(cookies, "INTEGRITY_SESSION");
        assertThat(session).isNotNull().isNotEqualTo(sessionBefore);
        assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getValue)
                .noneMatch(value -> value.startsWith("eyJ"));

        HttpResponse<String> me = send(browser, HttpRequest.newBuilder(url("/api/me")).GET());
        assertThat(me.body()).isEqualTo("{\"authenticated\":true,\"name\":\"นายธนากร รักษ์ธรรม\",\"username\":\"officer\","
                + "\"agency\":\"wangthonglang\",\"roles\":[\"OFFICER\"]}");

        // 4. Calls to the services carry the user's access token, not the cookie.
        send(browser, HttpRequest.newBuilder(url("/api/complaints/cases")).GET());
        StubBackend.Received relayed = complaints.take();
        assertThat(relayed.header("Authorization")).isEqualTo("Bearer " + last(provider.issuedAccessTokens));
        assertThat(relayed.headers()).doesNotContainKey("Cookie");

        // 5. An expired access token is renewed with the refresh token before it is relayed.
        provider.accessTokenSeconds = 1;
        signIn(browser, cookies);
        int before = provider.issuedAccessTokens.size();
        send(browser, HttpRequest.newBuilder(url("/api/complaints/cases")).GET());
        assertThat(provider.grants).contains("refresh_token");
        assertThat(provider.issuedAccessTokens).hasSizeGreaterThan(before);
        assertThat(complaints.take().header("Authorization")).isEqualTo("Bearer " + last(provider.issuedAccessTokens));
        provider.accessTokenSeconds = 300;

        // 6. A state-changing call from the signed-in page carries the CSRF token from its cookie.
        String xsrf = cookie(cookies, "XSRF-TOKEN");
        assertThat(xsrf).isNotBlank();
        HttpResponse<String> change = send(browser, HttpRequest.newBuilder(url("/api/complaints/cases/c-1/notes"))
                .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"text\":\"โทรกลับผู้ร้อง\"}")));
        assertThat(change.statusCode()).isEqualTo(200);
        complaints.take();

        // 7. The ID token the gateway got at sign-in says who signed in; it is no key to the API.
        String idToken = last(provider.issuedIdTokens);
        HttpResponse<String> withIdToken = send(HttpRequest.newBuilder(url("/api/complaints/cases/c-1/identity"))
                .header("Authorization", "Bearer " + idToken).GET());
        assertThat(withIdToken.statusCode()).isEqualTo(401);
        assertThat(withIdToken.body()).contains("\"type\":\"urn:integrity:problem:unauthenticated\"");
        assertThat(complaints.receivedNothing()).isTrue();

        // 8. Sign-out ends the gateway session and sends the browser to the provider's end-session endpoint, with
        // the client id instead of the ID token: no token in the body a script reads, none in an address.
        HttpResponse<String> signOut = send(browser, HttpRequest.newBuilder(url("/logout"))
                .header("X-XSRF-TOKEN", xsrf).header("Accept", "application/json").POST(BodyPublishers.noBody()));
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(signOut.body()).contains("\"signedOut\":true")
                .contains("\"redirect\":\"" + provider.issuer() + "/connect/logout?client_id=integrity-gateway"
                        + "&post_logout_redirect_uri=http://localhost:" + port + "/\"")
                .doesNotContain("eyJ").doesNotContain("id_token_hint").doesNotContain(idToken.substring(0, 20));
        assertThat(signOut.headers().map().toString()).doesNotContain("eyJ");
        HttpResponse<String> after = send(browser, HttpRequest.newBuilder(url("/api/me")).GET());
        assertThat(after.body()).startsWith("{\"authenticated\":false");
        send(browser, HttpRequest.newBuilder(url("/api/complaints/cases")).GET());
        assertThat(complaints.take().headers()).doesNotContainKey("Authorization");
    }

    @Test
    @Order(8)
    void aFormSignOutIsASeeOtherToTheProviderWithoutTheIdToken() throws Exception {
        provider.up();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        signIn(browser, cookies);
        send(browser, HttpRequest.newBuilder(url("/api/me")).GET()); // issues the XSRF-TOKEN cookie

        HttpResponse<String> signOut = send(browser, HttpRequest.newBuilder(url("/logout"))
                .header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN")).header("Accept", "text/html")
                .POST(BodyPublishers.noBody()));

        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.headers().firstValue("Location")).hasValue(provider.issuer()
                + "/connect/logout?client_id=integrity-gateway&post_logout_redirect_uri=http://localhost:" + port + "/");
        assertThat(signOut.headers().map().toString() + signOut.body()).doesNotContain("eyJ");
        assertThat(send(browser, HttpRequest.newBuilder(url("/api/me")).GET()).body()).startsWith("{\"authenticated\":false");
    }

    @Test
    @Order(9)
    void anonymousSignOutGoesHome() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/logout")).POST(BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    @Order(10)
    void aSessionWhoseTokenCannotBeRenewedMustSignInAgain() throws Exception {
        provider.up();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        provider.accessTokenSeconds = 1;
        try {
            signIn(browser, cookies);
            provider.revokeRefreshTokens();

            HttpResponse<String> relayed = send(browser, HttpRequest.newBuilder(url("/api/complaints/cases")).GET());
            assertThat(relayed.statusCode()).isEqualTo(401);
            assertThat(relayed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(relayed.body()).contains("\"type\":\"urn:integrity:problem:unauthenticated\"")
                    .contains("กรุณาเข้าสู่ระบบ");
            assertThat(complaints.receivedNothing()).isTrue();
            assertThat(send(browser, HttpRequest.newBuilder(url("/api/me")).GET()).body())
                    .startsWith("{\"authenticated\":false");
        } finally {
            provider.accessTokenSeconds = 300;
        }
    }

    @Test
    @Order(10)
    void aSignedInBrowserSendsServicesItsTokenAndOnlyTheAllowlistedHeaders() throws Exception {
        provider.up();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        signIn(browser, cookies);
        send(browser, HttpRequest.newBuilder(url("/api/me")).GET()); // sets XSRF-TOKEN
        String xsrf = cookie(cookies, "XSRF-TOKEN");
        String session = "INTEGRITY_SESSION=" + cookie(cookies, "INTEGRITY_SESSION") + "; XSRF-TOKEN=" + xsrf
                + "; tracking=" + HostileHeaders.ADDRESSES.get(0);
        record Call(String method, String target, HostileHeaders.Body body, StubBackend backend) {
        }
        for (Call call : List.of(new Call("POST", "/api/complaints/cases/c-1/notes", HostileHeaders.Body.LENGTH, complaints),
                new Call("GET", "/api/complaints/cases", HostileHeaders.Body.NONE, complaints),
                new Call("PUT", "/api/gifts/declarations/d-7", HostileHeaders.Body.CHUNKED, gifts),
                new Call("POST", "/api/stats/publications", HostileHeaders.Body.LENGTH, stats))) {
            String json = "{\"text\":\"โทรกลับผู้ร้อง\"}";
            RawHttp.Response response = RawHttp.send(port,
                    HostileHeaders.request(call.method(), call.target(), call.body(), json, session, xsrf));

            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            StubBackend.Received seen = call.backend().take();
            if (call.body() != HostileHeaders.Body.NONE) {
                assertThat(seen.body()).isEqualTo(json);
            }
            HostileHeaders.assertOnlyAllowlisted(seen, call.backend(), "Bearer " + last(provider.issuedAccessTokens));
            assertThat(seen.headers().toString()).doesNotContain(cookie(cookies, "INTEGRITY_SESSION")).doesNotContain(xsrf);
        }
    }

    /** A sign-in in this browser: to the provider, back with a code, tokens redeemed (again, if signed in). */
    private void signIn(HttpClient browser, CookieManager cookies) throws Exception {
        HttpResponse<String> toProvider = send(browser, HttpRequest.newBuilder(url("/oauth2/authorization/integrity")).GET());
        Map<String, String> authorization = FakeOidcProvider.query(URI.create(toProvider.headers().firstValue("Location").orElseThrow()));
        String code = provider.issueCode(authorization.get("code_challenge"), authorization.get("nonce"),
                authorization.get("redirect_uri"));
        HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(authorization.get("redirect_uri")
                + "?code=" + code + "&state=" + authorization.get("state"))).GET());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(cookie(cookies, "INTEGRITY_SESSION")).isNotNull();
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String last(List<String> values) {
        return values.get(values.size() - 1);
    }
}
