package th.integrity.stats.hostile;

import th.integrity.testkit.Hostile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import tools.jackson.databind.node.ObjectNode;

import th.integrity.testkit.TestIssuer;
import th.integrity.stats.IntegrationTestSupport;
import th.integrity.testkit.Hostile.Body;
import th.integrity.testkit.Hostile.Field;
import th.integrity.testkit.Hostile.Kind;

/**
 * Hostile path and query parameters (jqwik generators) against the draft tables, publications, roll-up, executive
 * report and gift tables, and hostile bodies against publishing: every answer is 4xx problem details, never 5xx,
 * and nothing is stored.
 */
class HostileInputPropertiesTest extends IntegrationTestSupport {

    private static final int TRIES = Integer.getInteger("hostile.tries", 200);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AGENCY = "wangthonglang";

    @Autowired
    MongoTemplate mongo;

    /** A value no parameter takes: a valid one spoiled, or junk of every kind, or a huge one. */
    static Arbitrary<String> hostileValue(String valid) {
        Arbitrary<String> spoiled = Combinators.combine(Arbitraries.of(Hostile.ODD_UNICODE), Arbitraries.integers()
                .between(0, 2)).as((odd, where) -> switch (where) {
                    case 0 -> odd + valid;
                    case 1 -> valid + odd;
                    default -> valid.substring(0, valid.length() / 2) + odd + valid.substring(valid.length() / 2);
                });
        Arbitrary<String> junk = Arbitraries.of("", " ", "NaN", "-0", "0", "2568.0", "๒๕๖๘", "2025-13", "2025-1",
                "+2568", "2568 OR 1=1", "${jndi:ldap://x/a}", "../../etc/passwd", "<script>alert(1)</script>",
                "{\"$gt\":\"\"}", "null", "[]", "JSON", "Csv", "H3", "h1", "2025-10-01", "\\", "%", "'");
        Arbitrary<String> huge = Arbitraries.oneOf(List.of(Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(2000),
                Arbitraries.integers().between(2, 400).map(valid::repeat),
                // encoded, at most ~6 KB: past Tomcat's 8 KB request-line limit see urlsPastTomcatsLimitAreRefusedByTomcat
                Arbitraries.strings().withCharRange('\u0E01', '\u0E5B').ofMinLength(100).ofMaxLength(600)));
        return Arbitraries.oneOf(List.of(spoiled, junk, huge, Arbitraries.of(Hostile.EXTREME_NUMBERS)));
    }

    /** Builds the path from a hostile value (encoded) for each endpoint and parameter. */
    record Target(String label, Function<String, String> path, String token) {
    }

    @Test
    void everyHostileParameterIsRefused() {
        String officer = TestIssuer.shared().token("officer@" + AGENCY, AGENCY, "OFFICER", "HEAD", "ADMIN");
        List<Target> targets = List.of(
                new Target("draft through", v -> "/api/stats/complaints/" + AGENCY + "/2568/draft?through=" + q(v), officer),
                new Target("draft fiscalYear", v -> "/api/stats/complaints/" + AGENCY + "/" + p(v) + "/draft", officer),
                new Target("draft agency", v -> "/api/stats/complaints/" + p(v) + "/2568/draft", officer),
                new Target("publications agency", v -> "/api/stats/publications?agency=" + q(v), null),
                new Target("publications fiscalYear", v -> "/api/stats/publications?fiscalYear=" + q(v), null),
                new Target("publication format", v -> "/api/stats/publications/x?format=" + q(v), null),
                new Target("rollup fiscalYear", v -> "/api/stats/rollup/" + p(v), null),
                new Target("rollup through", v -> "/api/stats/rollup/2568?through=" + q(v), null),
                new Target("rollup format", v -> "/api/stats/rollup/2568?format=" + q(v), null),
                new Target("executive month", v -> "/api/stats/reports/executive/" + AGENCY + "/" + p(v), officer),
                new Target("executive format", v -> "/api/stats/reports/executive/" + AGENCY + "/2025-03?format=" + q(v),
                        officer),
                new Target("gifts fiscalYear", v -> "/api/stats/gifts/" + AGENCY + "/" + p(v) + "/H1/draft", officer),
                new Target("gifts round", v -> "/api/stats/gifts/" + AGENCY + "/2568/" + p(v) + "/draft", officer));
        Map<String, Long> before = documentCounts();
        for (Target target : targets) {
            String valid = target.label().contains("through") || target.label().contains("month") ? "2025-03"
                    : target.label().contains("format") ? "csv" : target.label().contains("round") ? "H1"
                    : target.label().contains("agency") ? AGENCY : "2568";
            var values = hostileValue(valid).map(v -> new Body(target.label() + " = " + Hostile.escapeForLabel(v), v));
            if (target.label().equals("publications agency")) {
                // A well-formed but unknown agency code ("0", "nan", "h1", "1e309" — letters, digits, '.', '_',
                // '-', at most 64) is a public filter that matches nothing: 200 with []. Anything else: problem.
                Hostile.samples(values, TRIES / 4).forEach(body -> {
                    HttpResponse<String> response = raw(target.path().apply(body.json()), target.token());
                    if (!(response.statusCode() == 200 && body.json().matches("[A-Za-z0-9._-]{1,64}"))) {
                        Hostile.assertRefusedAsProblem(json, body, response);
                    } else {
                        assertThat(response.body()).isEqualTo("[]");
                    }
                });
            } else if (target.path().apply("X").contains("?")) {
                Hostile.assertAllRefused(json, Hostile.samples(values, TRIES / 4),
                        body -> raw(target.path().apply(body.json()), target.token()));
            } else {
                // A path segment with an encoded '/', '%', '\\' or NUL, or a '..', is refused before Spring MVC, by
                // Tomcat (its HTML page) or Spring Security's firewall (Boot's JSON error): 400, but not problem
                // details — a platform-wide matter, reported. Here: a 4xx without the server's insides.
                Hostile.samples(values, TRIES / 4).forEach(body -> {
                    HttpResponse<String> response = raw(target.path().apply(body.json()), target.token());
                    String failure = Hostile.whyNotRefused(json, body, response);
                    if (failure != null) {
                        assertThat(response.statusCode()).as(failure).isBetween(400, 499);
                        assertThat(response.body()).as(failure).doesNotContain("Exception").doesNotContain("\tat ");
                    }
                });
            }
        }
        assertThat(documentCounts()).isEqualTo(before);
    }

    @Test
    void publishingRefusesEveryHostileBody() {
        String agency = newAgency();
        ObjectNode valid = json.valueToTree(Map.of("kind", "COMPLAINTS", "agency", agency, "fiscalYear", 2568,
                "through", "2025-03"));
        List<Field> fields = List.of(Field.of("kind", Kind.CODE), Field.of("agency", Kind.CODE).required(),
                Field.of("fiscalYear", Kind.NUMBER).required(), Field.of("through", Kind.CODE));
        String admin = TestIssuer.shared().token("admin@" + agency, agency, "ADMIN");
        Map<String, Long> before = documentCounts();
        Hostile.assertAllRefused(json, Hostile.samples(Hostile.bodies(json, valid, fields), TRIES), body -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stats/publications"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + admin)
                        .POST(HttpRequest.BodyPublishers.ofString(body.json(), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(documentCounts()).isEqualTo(before);
    }

    /**
     * A request line past Tomcat's limit (server.max-http-request-header-size, 8 KB) is refused by Tomcat itself,
     * before Spring: 400, but as Tomcat's HTML page rather than problem details (a platform-wide matter; behind the
     * gateway such a request never arrives). Nothing of the server's insides is in it.
     */
    @Test
    void urlsPastTomcatsLimitAreRefusedByTomcat() {
        HttpResponse<String> response = raw("/api/stats/publications?agency=" + q("ก".repeat(1000)), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private HttpResponse<String> raw(String path, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(20)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(path.length() > 200 ? path.substring(0, 200) : path, e);
        }
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String p(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Documents in the collections a request could write: publications, replays. */
    Map<String, Long> documentCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : List.of("publications", "replays")) {
            counts.put(collection, mongo.count(new Query(), collection));
        }
        return counts;
    }
}
