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
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Step-up (docs/gateway.md): a service answered 401 second-factor-required, so the UI sends the person to
 * {@code /oauth2/authorization/integrity?step-up=1&continue=/#/cases/<id>}. The gateway asks the provider for
 * {@code acr_values=mfa}, and after the sign-in the browser is back on the case. Any other sign-in asks for nothing
 * more than before.
 */
class StepUpTest extends IntegrationTestSupport {

    private static final String START = "/oauth2/authorization/integrity";

    private Map<String, String> authorizationFor(HttpClient browser, String query) throws Exception {
        provider.up();
        HttpResponse<String> toProvider = send(browser, HttpRequest.newBuilder(url(START + "?" + query)).GET());
        assertThat(toProvider.statusCode()).as(query).isEqualTo(302);
        return FakeOidcProvider.query(URI.create(toProvider.headers().firstValue("Location").orElseThrow()));
    }

    @Test
    void aStepUpAsksTheProviderForASecondFactorAndComesBackToTheCase() throws Exception {
        HttpClient browser = browser();
        String page = "/#/cases/" + UUID.randomUUID();
        Map<String, String> authorization = authorizationFor(browser,
                "step-up=1&continue=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        assertThat(authorization).containsEntry("acr_values", "mfa")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce");

        String code = provider.issueCode(authorization.get("code_challenge"), authorization.get("nonce"),
                authorization.get("redirect_uri"));
        HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(authorization.get("redirect_uri")
                + "?code=" + code + "&state=" + authorization.get("state"))).GET());
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue(page);
    }

    @Test
    void onlyStepUpOneStepsUp() throws Exception {
        assertThat(authorizationFor(browser(), "continue=%2F")).doesNotContainKey("acr_values");
        for (String query : List.of("step-up=0", "step-up=true", "step-up=", "step-up=1&step-up=1", "stepup=1",
                "acr_values=mfa", "step-up=mfa%20pwd")) {
            assertThat(authorizationFor(browser(), query)).as(query).doesNotContainKey("acr_values");
        }
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
