package th.integrity.gifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import th.integrity.testkit.TestIssuer;
import th.integrity.platform.calendar.FiscalCalendar;

/**
 * Issue 3's access matrix for gifts-service: every endpoint × anonymous, each role of {@code wangthonglang} and,
 * where a record of an agency is addressed (or a list scoped to one), the roles of {@code huaikhwang}. Expected
 * statuses follow docs/gifts.md and the DESIGN roles table: anonymous → 401, a role the endpoint does not admit
 * → 403, the right role of another agency → 404 (its record is not even confirmed to exist), the right role →
 * the endpoint's success status. No refused answer, and no answer to another agency, may carry a fixture's data.
 * Rows never depend on each other's order: every row that changes state has a fixture of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends IntegrationTestSupport {

    private static final String OTHER_AGENCY = "huaikhwang";
    /** In every fixture's description: a response that must not leak fixtures is checked for it. */
    private static final String MARKER = "access-matrix-" + UUID.randomUUID();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** Who calls. Subjects are fresh per run, so e.g. each role's first nil return of a round is always a 201. */
    enum Caller {
        ANONYMOUS(null, null),
        FORGED_TOKEN(AGENCY, "HEAD"),
        STAFF(AGENCY, "STAFF"),
        OFFICER(AGENCY, "OFFICER"),
        HEAD(AGENCY, "HEAD"),
        ADMIN(AGENCY, "ADMIN"),
        /** The STAFF member who declared the fixtures. */
        DECLARANT(AGENCY, "STAFF"),
        OTHER_OFFICER(OTHER_AGENCY, "OFFICER"),
        OTHER_HEAD(OTHER_AGENCY, "HEAD"),
        OTHER_ADMIN(OTHER_AGENCY, "ADMIN");

        final String agency;
        final String role;

        Caller(String agency, String role) {
            this.agency = agency;
            this.role = role;
        }

        String subject() {
            return "am-" + name().toLowerCase().replace('_', '-') + "-" + RUN;
        }

        String token() {
            if (agency == null) {
                return null;
            }
            TestIssuer.Builder builder = TestIssuer.shared().builder(subject()).agency(agency).roles(role)
                    .claim("name", "ผู้ทดสอบ " + subject()).claim("preferred_username", subject());
            return this == FORGED_TOKEN ? builder.forged().sign() : builder.sign();
        }

        boolean otherAgency() {
            return OTHER_AGENCY.equals(agency);
        }

        @Override
        public String toString() {
            return switch (this) {
                case ANONYMOUS -> "anonymous";
                case FORGED_TOKEN -> "HEAD with a forged token";
                case DECLARANT -> "the declarant (STAFF)";
                case OTHER_OFFICER, OTHER_HEAD, OTHER_ADMIN -> role + " of " + OTHER_AGENCY;
                default -> role;
            };
        }
    }

    /**
     * One cell. {@code path} may name a fixture as {@code {fixture}}; {@code body} is a key of {@link #bodies}.
     */
    record Row(String method, String path, String body, Caller caller, int expected) {

        @Override
        public String toString() {
            return method + " " + path + " as " + caller + " → " + expected;
        }
    }

    /** Fixture name → declaration id, created once through the API. */
    private final Map<String, String> fixtures = new HashMap<>();
    private final Map<String, String> bodies = new HashMap<>();

    @BeforeAll
    void fixtures() {
        String declarant = Caller.DECLARANT.token();
        Map<String, Object> marked = Map.of("description", MARKER);
        // Allowed as declared (100 baht kept): read and refused corrections/decisions.
        fixtures.put("{readable}", created(declare(declarant, gift("100.00", "KEPT", marked))));
        // Corrected once by its declarant.
        fixtures.put("{correctable}", created(declare(declarant, gift("200.00", "KEPT", marked))));
        // Needs the head's decision (above the limit, kept): decided once by HEAD.
        fixtures.put("{pending}", created(declare(declarant, gift("5000.00", "KEPT", marked))));
        // Needs a decision, declared by the HEAD who is then refused deciding it.
        fixtures.put("{heads-own}", created(declare(Caller.HEAD.token(), gift("5000.00", "KEPT", marked))));

        bodies.put("declaration", json.writeValueAsString(gift("150.00", "KEPT", Map.of())));
        bodies.put("decision", "{\"decision\":\"MAY_KEEP\",\"note\":\"access matrix\"}");
        // A round long begun, so the only possible refusals are about who calls.
        bodies.put("nil-return", "{\"fiscalYear\":2568,\"round\":\"FY\"}");
    }

    private String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).path("id").asString();
    }

    static Stream<Row> matrix() {
        List<Row> rows = new ArrayList<>();
        Caller[] own = { Caller.ANONYMOUS, Caller.FORGED_TOKEN, Caller.STAFF, Caller.OFFICER, Caller.HEAD,
                Caller.ADMIN };
        int fiscalYear = FiscalCalendar.fiscalYear(today());
        String register = "/api/gifts/registers/" + fiscalYear + "/FY";

        // Declaring: every member of staff (heads and officers are offered gifts too), not ADMIN.
        add(rows, "POST", "/api/gifts/declarations", "declaration", own, 201, Map.of(Caller.ADMIN, 403));
        add(rows, "GET", "/api/gifts/declarations/mine", null, own, 200, Map.of(Caller.ADMIN, 403));

        // One declaration: its declarant, the OFFICER and HEAD of its agency. Another member of staff gets the
        // same 404 as for no record at all (the service does not confirm a colleague's declaration exists).
        add(rows, "GET", "/api/gifts/declarations/{readable}", null, own, 200,
                Map.of(Caller.STAFF, 404, Caller.ADMIN, 403));
        rows.add(new Row("GET", "/api/gifts/declarations/{readable}", null, Caller.DECLARANT, 200));
        otherAgency(rows, "GET", "/api/gifts/declarations/{readable}", null, 404, 404);

        // Corrections: the declarant only (403 for anyone else of the agency, as docs/gifts.md says).
        add(rows, "POST", "/api/gifts/declarations/{readable}/corrections", "declaration", own, 403, Map.of());
        rows.add(new Row("POST", "/api/gifts/declarations/{correctable}/corrections", "declaration",
                Caller.DECLARANT, 201));
        otherAgency(rows, "POST", "/api/gifts/declarations/{readable}/corrections", "declaration", 404, 404);

        // The head's queue and decisions: HEAD only, of the declaration's agency, never on their own.
        add(rows, "GET", "/api/gifts/decisions/pending", null, own, 403, Map.of(Caller.HEAD, 200));
        rows.add(new Row("GET", "/api/gifts/decisions/pending", null, Caller.OTHER_HEAD, 200));
        add(rows, "POST", "/api/gifts/declarations/{pending}/decision", "decision", own, 403,
                Map.of(Caller.HEAD, 200));
        rows.add(new Row("POST", "/api/gifts/declarations/{pending}/decision", "decision", Caller.DECLARANT, 403));
        rows.add(new Row("POST", "/api/gifts/declarations/{heads-own}/decision", "decision", Caller.HEAD, 403));
        otherAgency(rows, "POST", "/api/gifts/declarations/{pending}/decision", "decision", 403, 404);

        // Nil returns: every member of staff, not ADMIN.
        add(rows, "POST", "/api/gifts/nil-returns", "nil-return", own, 201, Map.of(Caller.ADMIN, 403));
        add(rows, "GET", "/api/gifts/nil-returns/mine", null, own, 200, Map.of(Caller.ADMIN, 403));

        // Registers: OFFICER and HEAD, each of their own agency only (another agency's is never named).
        add(rows, "GET", register, null, own, 403, Map.of(Caller.OFFICER, 200, Caller.HEAD, 200));
        otherAgency(rows, "GET", register, null, 200, 200);

        // Reference data: any signed-in user.
        add(rows, "GET", "/api/gifts/reference", null, own, 200, Map.of());
        rows.add(new Row("GET", "/api/gifts/reference", null, Caller.OTHER_ADMIN, 200));

        // Public: the API description, for everyone (a forged token is still refused). The probes and metrics are
        // not on the API port at all (the management port has them): not found, whoever asks.
        for (String path : List.of("/api/gifts/api-docs", "/actuator/health/liveness", "/actuator/info",
                "/actuator/prometheus")) {
            int served = path.startsWith("/actuator") ? 404 : 200;
            for (Caller caller : own) {
                rows.add(new Row("GET", path, null, caller, caller == Caller.FORGED_TOKEN ? 401 : served));
            }
        }
        return rows.stream();
    }

    /**
     * A row per {@code callers}: anonymous and forged → 401, {@code exceptions} as given, the rest
     * {@code otherwise}.
     */
    private static void add(List<Row> rows, String method, String path, String body, Caller[] callers, int otherwise,
            Map<Caller, Integer> exceptions) {
        for (Caller caller : callers) {
            int expected = caller == Caller.ANONYMOUS || caller == Caller.FORGED_TOKEN ? 401
                    : exceptions.getOrDefault(caller, otherwise);
            rows.add(new Row(method, path, body, caller, expected));
        }
    }

    /** The OFFICER and HEAD of huaikhwang as given; its ADMIN is refused by role before any record is looked up. */
    private static void otherAgency(List<Row> rows, String method, String path, String body, int officer, int head) {
        rows.add(new Row(method, path, body, Caller.OTHER_OFFICER, officer));
        rows.add(new Row(method, path, body, Caller.OTHER_HEAD, head));
        rows.add(new Row(method, path, body, Caller.OTHER_ADMIN, 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void answersAsTheRolesTableSays(Row row) {
        String path = row.path();
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            path = path.replace(fixture.getKey(), fixture.getValue());
        }
        String token = row.caller().token();
        HttpResponse<String> response = "POST".equals(row.method()) ? post(path, bodies.get(row.body()), token)
                : get(path, token);

        assertThat(response.statusCode()).as("%s: %s", row, response.body()).isEqualTo(row.expected());
        if (response.statusCode() >= 400) {
            // Platform security and the service both answer refusals as problem details, never a stack trace.
            assertThat(response.headers().firstValue("Content-Type")).as(row.toString()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        if (response.statusCode() >= 400 || row.caller().otherAgency()) {
            assertThat(response.body()).as("%s leaks a fixture", row).doesNotContain(MARKER);
        }
    }
}
