package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the whole-system tests do through the gateway, as a citizen and as an officer: file a complaint, and
 * read the current fiscal year's draft with a token of the development provider's script client.
 */
final class GatewayClient {

    static final String AGENCY = "wangthonglang";
    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private final LocalSystem system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private String officerToken;

    GatewayClient(LocalSystem system) {
        this.system = system;
    }

    HttpResponse<String> fileComplaint(String details) throws Exception {
        String body = json.writeValueAsString(Map.of("agency", AGENCY, "category", "CORRUPTION", "details", details));
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/complaints"))
                .timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The draft table of the current fiscal year, as an OFFICER of the agency reads it. */
    JsonNode draft() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/stats/complaints/"
                + AGENCY + "/" + fiscalYear() + "/draft"))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + officerToken())
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400 && response.statusCode() < 500) {
            // Not an assertion error, so that waiting stops at once: asking again will not help.
            throw new IllegalStateException("The draft answered " + response.statusCode() + ": " + response.body());
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The development provider's script client (OFFICER and ADMIN of wangthonglang), as the README shows. */
    String officerToken() throws Exception {
        if (officerToken == null) {
            String basic = Base64.getEncoder().encodeToString(
                    "integrity-cli:integrity-cli-secret".getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.serviceUrl("oidc-dev") + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            officerToken = json.readTree(response.body()).path("access_token").asString();
        }
        return officerToken;
    }

    /** The Thai fiscal year (Buddhist Era) of today in Bangkok: October to December belong to the next one. */
    static int fiscalYear() {
        YearMonth now = YearMonth.now(BANGKOK);
        return now.getYear() + 543 + (now.getMonthValue() >= 10 ? 1 : 0);
    }
}
