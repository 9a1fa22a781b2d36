package th.integrity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

import th.integrity.testkit.TestIssuer;

/**
 * Issue 3's access matrix: every endpoint of the service × {anonymous, each role of {@code wangthonglang}, OFFICER /
 * HEAD / ADMIN of {@code huaikhwang}} answers as docs/statistics.md and the README's roles table say. Anonymous on a
 * protected endpoint → 401, a wrong role → 403, the right role of another agency → 404 (never the data), the right
 * role → the endpoint's success status. Public endpoints answer everyone.
 *
 * <p>Fixtures (one publication, one finished replay) are made once through the API; replays the matrix itself starts
 * are awaited afterwards, so no other test class ever meets a running replay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends IntegrationTestSupport {

    private static final String HOME = "wangthonglang";
    private static final String OTHER = "huaikhwang";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private enum Role { STAFF, OFFICER, HEAD, ADMIN }

    /** {@code role == null}: anonymous. */
    private record Caller(String agency, Role role) {
        String label() {
            return role == null ? "anonymous" : role + " of " + agency;
        }
    }

    /**
     * One endpoint: {@code roles} empty means public; {@code scoped} means a caller of another agency gets 404;
     * {@code success} the statuses that mean "served" ({@code {publication}} / {@code {replay}} in the path are the
     * fixtures' ids).
     */
    private record Endpoint(String method, String path, Set<Role> roles, boolean scoped, Set<Integer> success,
            Map<String, Object> body) {
    }

    private record Row(Endpoint endpoint, Caller caller, Set<Integer> expected) {
    }

    private static final List<Caller> CALLERS = List.of(new Caller(null, null),
            new Caller(HOME, Role.STAFF), new Caller(HOME, Role.OFFICER), new Caller(HOME, Role.HEAD),
            new Caller(HOME, Role.ADMIN),
            new Caller(OTHER, Role.OFFICER), new Caller(OTHER, Role.HEAD), new Caller(OTHER, Role.ADMIN));

    private static final Set<Integer> OK = Set.of(200);

    private static List<Endpoint> endpoints() {
        return List.of(
                // Protected (docs/statistics.md, endpoint table).
                new Endpoint("GET", "/api/stats/complaints/" + HOME + "/2568/draft?through=2025-03",
                        Set.of(Role.OFFICER, Role.ADMIN), true, OK, null),
                new Endpoint("GET", "/api/stats/gifts/" + HOME + "/2568/H1/draft",
                        Set.of(Role.OFFICER, Role.HEAD), true, OK, null),
                new Endpoint("GET", "/api/stats/reports/executive/" + HOME + "/2025-03",
                        Set.of(Role.HEAD), true, OK, null),
                // 409 only when a persistent database already holds this publication from an earlier run.
                new Endpoint("POST", "/api/stats/publications", Set.of(Role.ADMIN), true, Set.of(201, 409),
                        Map.of("kind", "GIFTS", "agency", HOME, "fiscalYear", 2568, "round", "H1")),
                // Replays rebuild the whole projection (every agency): any ADMIN, not scoped. 409 while one runs.
                new Endpoint("POST", "/api/stats/replays", Set.of(Role.ADMIN), false, Set.of(202, 409), null),
                new Endpoint("GET", "/api/stats/replays/{replay}", Set.of(Role.ADMIN), false, OK, null),
                // Public.
                publicGet("/api/stats/publications"),
                publicGet("/api/stats/publications?agency=" + HOME + "&fiscalYear=2568"),
                publicGet("/api/stats/publications/{publication}"),
                publicGet("/api/stats/publications/{publication}?format=csv"),
                publicGet("/api/stats/publications/{publication}?format=html"),
                publicGet("/api/stats/publications/{publication}?format=svg"),
                publicGet("/api/stats/publications/{publication}?format=dcat"),
                publicGet("/api/stats/publications/{publication}/dcat"),
                publicGet("/api/stats/rollup/2568?through=2025-03"),
                publicGet("/api/stats/rollup/2568?format=csv"),
                publicGet("/api/stats/rollup/2568?format=html"),
                publicGet("/api/stats/assets/publication.css"),
                publicGet("/api/stats/api-docs"),
                // The actuator is on the management port: on the API port it is not found, whoever asks.
                notOnTheApiPort("/actuator/health"),
                notOnTheApiPort("/actuator/health/liveness"),
                notOnTheApiPort("/actuator/health/readiness"),
                notOnTheApiPort("/actuator/info"),
                notOnTheApiPort("/actuator/prometheus"));
    }

    private static Endpoint publicGet(String path) {
        return new Endpoint("GET", path, Set.of(), false, OK, null);
    }

    private static Endpoint notOnTheApiPort(String path) {
        return new Endpoint("GET", path, Set.of(), false, Set.of(404), null);
    }

    static Stream<Named<Row>> matrix() {
        return endpoints().stream().flatMap(endpoint -> CALLERS.stream().map(caller -> {
            Set<Integer> expected = expected(endpoint, caller);
            String name = endpoint.method() + " " + endpoint.path() + " as " + caller.label() + " → "
                    + expected.stream().sorted().map(String::valueOf).collect(Collectors.joining("/"));
            return Named.of(name, new Row(endpoint, caller, expected));
        }));
    }

    private static Set<Integer> expected(Endpoint endpoint, Caller caller) {
        if (endpoint.roles().isEmpty()) {
            return endpoint.success();
        }
        if (caller.role() == null) {
            return Set.of(401);
        }
        if (!endpoint.roles().contains(caller.role())) {
            return Set.of(403);
        }
        if (endpoint.scoped() && !caller.agency().equals(HOME)) {
            return Set.of(404);
        }
        return endpoint.success();
    }

    private String publicationId;
    private String replayId;
    private final List<String> startedReplays = new ArrayList<>();

    @BeforeAll
    void fixtures() {
        String admin = token(HOME, Role.ADMIN);
        Map<String, Object> body = Map.of("agency", HOME, "fiscalYear", 2568, "through", "2025-03");
        Response published = post("/api/stats/publications", body, admin);
        if (published.status() == 201) {
            publicationId = published.body().path("id").asString();
        } else {
            // A persistent database from an earlier run: the table is published already; read its id back.
            assertThat(published.status()).as(published.text()).isEqualTo(409);
            JsonNode list = get("/api/stats/publications?agency=" + HOME + "&fiscalYear=2568").body();
            for (JsonNode p : list) {
                if ("COMPLAINTS".equals(p.path("kind").asString()) && "2025-03".equals(p.path("through").asString())) {
                    publicationId = p.path("id").asString();
                }
            }
        }
        assertThat(publicationId).as("publication fixture").isNotBlank();

        // One replay, run to its end, so GET /api/stats/replays/{id} has something to show.
        await().atMost(WAIT).until(() -> {
            Response started = post("/api/stats/replays", null, admin);
            if (started.status() == 202) {
                replayId = started.body().path("id").asString();
            }
            return replayId != null;
        });
        awaitFinished(replayId);
    }

    @AfterAll
    void noReplayLeftRunning() {
        startedReplays.forEach(this::awaitFinished);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void answersAsTheRolesTableSays(Row row) {
        Endpoint endpoint = row.endpoint();
        String path = endpoint.path().replace("{publication}", publicationId).replace("{replay}", replayId);
        String bearer = row.caller().role() == null ? null : token(row.caller().agency(), row.caller().role());
        Response response = endpoint.method().equals("POST") ? post(path, endpoint.body(), bearer) : get(path, bearer);
        if (path.equals("/api/stats/replays") && response.status() == 202) {
            startedReplays.add(response.body().path("id").asString());
        }

        assertThat(response.status()).as("%s %s as %s: %s", endpoint.method(), path, row.caller().label(),
                abbreviate(response.text())).isIn(row.expected());
        if (endpoint.success().containsAll(row.expected())) {
            // Served: authorization passed, and nothing broke behind it.
            assertThat(response.status()).isNotIn(401, 403).isLessThan(500);
        } else {
            // Refused: a problem document, never the data.
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("status").asInt()).isEqualTo(response.status());
            assertThat(response.text()).doesNotContain("\"blocks\"", "\"totalReceived\"", "\"declarations\"",
                    "\"partitions\"", "\"checksum\"");
        }
    }

    private static String token(String agency, Role role) {
        // preferred_username is set by the issuer (= subject); `name` is what a publication records as publisher.
        return TestIssuer.shared().builder(role.name().toLowerCase() + "@" + agency).agency(agency)
                .roles(role.name()).claim("name", "ผู้ทดสอบ " + role + " " + agency).sign();
    }

    private void awaitFinished(String id) {
        String admin = token(HOME, Role.ADMIN);
        await().atMost(WAIT).until(() -> !"RUNNING".equals(
                get("/api/stats/replays/" + id, admin).body().path("state").asString()));
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
