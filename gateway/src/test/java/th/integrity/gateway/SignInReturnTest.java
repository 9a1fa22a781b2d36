package th.integrity.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Sign-in brings the browser back to the UI page it asked for ({@code ?continue=/#/officer}), and to nothing but
 * the UI's own pages: every address off the site, however written or encoded, lands on the home page.
 */
class SignInReturnTest extends IntegrationTestSupport {

    /** Where the gateway sends the browser after a complete sign-in started with {@code query} (raw, or null). */
    private String landingAfterSignIn(HttpClient browser, String query) throws Exception {
        provider.up();
        String start = "/oauth2/authorization/integrity" + (query == null ? "" : "?" + query);
        HttpResponse<String> toProvider = send(browser, HttpRequest.newBuilder(url(start)).GET());
        assertThat(toProvider.statusCode()).as(start).isEqualTo(302);
        Map<String, String> authorization = FakeOidcProvider.query(URI.create(toProvider.headers().firstValue("Location").orElseThrow()));
        String code = provider.issueCode(authorization.get("code_challenge"), authorization.get("nonce"),
                authorization.get("redirect_uri"));
        HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(authorization.get("redirect_uri")
                + "?code=" + code + "&state=" + authorization.get("state"))).GET());
        assertThat(back.statusCode()).as(start).isEqualTo(302);
        return back.headers().firstValue("Location").orElseThrow();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String continueWith(String page) {
        return "continue=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
    }

    @Test
    void theBrowserComesBackToTheUiPageItAskedFor() throws Exception {
        for (String page : List.of("/#/officer", "/#/officer/case/c0ffee00-1111-4222-8333-444455556666", "/#/head",
                "/#/officer/registers", "/")) {
            assertThat(landingAfterSignIn(browser(), continueWith(page))).as(page).isEqualTo(page);
        }
        assertThat(landingAfterSignIn(browser(), null)).as("no page asked for").isEqualTo("/");
    }

    @Test
    void nothingSendsTheBrowserOffTheSite() throws Exception {
        List<String> hostile = List.of("https://evil.example/", "http://evil.example", "//evil.example", "///evil.example",
                "/\\evil.example", "\\\\evil.example", "/\\/evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
                "data:text/html,<script>alert(1)</script>", "evil.example", "https:evil.example", "/%2F%2Fevil.example",
                "%2F%2Fevil.example", "/%5Cevil.example", "/%09/evil.example", " //evil.example", "\t//evil.example",
                "/\t/evil.example", "/#/x\r\nLocation: https://evil.example", "/#/officer@evil.example",
                "/#/officer?next=https://evil.example", "/@evil.example", "/.evil.example", "/officer", "/..//evil.example",
                "/#/" + "a".repeat(300), "");
        for (String page : hostile) {
            assertThat(landingAfterSignIn(browser(), continueWith(page))).as(page).isEqualTo("/");
        }
        // Encoded twice: the parameter decodes once, to a percent-encoded value, which is no UI page either.
        assertThat(landingAfterSignIn(browser(), "continue=%252F%252Fevil.example")).isEqualTo("/");
        assertThat(landingAfterSignIn(browser(), "continue=%2F%2Fevil.example")).isEqualTo("/");
        // Two values are ambiguous: neither is followed.
        assertThat(landingAfterSignIn(browser(), continueWith("/#/officer") + "&" + continueWith("//evil.example")))
                .isEqualTo("/");
        // Other names for the parameter are not read.
        assertThat(landingAfterSignIn(browser(), "redirect=%2F%2Fevil.example&returnTo=https%3A%2F%2Fevil.example&next=%2F%23%2Fhead"))
                .isEqualTo("/");
    }

    @Test
    void aPageAskedForIsFollowedOnceAndNotByALaterSignIn() throws Exception {
        HttpClient browser = browser();
        assertThat(landingAfterSignIn(browser, continueWith("/#/head"))).isEqualTo("/#/head");
        assertThat(landingAfterSignIn(browser, null)).isEqualTo("/");

        // An abandoned sign-in's page is forgotten when the next one asks for none, or for one off the site.
        HttpClient other = browser();
        provider.up();
        send(other, HttpRequest.newBuilder(url("/oauth2/authorization/integrity?" + continueWith("/#/admin"))).GET());
        assertThat(landingAfterSignIn(other, continueWith("//evil.example"))).isEqualTo("/");
    }
}
