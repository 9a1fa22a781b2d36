package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import th.integrity.complaints.complaint.Complaint;
import th.integrity.testkit.TestIssuer;

/**
 * Issue 3's access matrix: every endpoint of the service × anonymous, each role of {@code wangthonglang} and —
 * where the endpoint is agency-scoped — OFFICER/HEAD/ADMIN of {@code huaikhwang}, answered as docs/complaints.md
 * and the DESIGN roles table say. One fixture case (confidential reporter, one PNG) is filed through the API once;
 * every row reuses it. A refused row must also leave the case, the reference data and the reveal log unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends IntegrationTestSupport {

    static final String HOME = "wangthonglang";
    static final String OTHER = "huaikhwang";

    enum Caller {
        ANONYMOUS(null, null), STAFF(HOME, "STAFF"), OFFICER(HOME, "OFFICER"), HEAD(HOME, "HEAD"), ADMIN(HOME, "ADMIN"),
        OTHER_OFFICER(OTHER, "OFFICER"), OTHER_HEAD(OTHER, "HEAD"), OTHER_ADMIN(OTHER, "ADMIN");

        final String agency;
        final String role;

        Caller(String agency, String role) {
            this.agency = agency;
            this.role = role;
        }

        boolean home() {
            return agency == null || HOME.equals(agency);
        }

        @Override
        public String toString() {
            return this == ANONYMOUS ? "anonymous" : home() ? role : role + " of " + agency;
        }
    }

    /** How an endpoint relates to the caller's agency. */
    enum Scope {
        /** not about an agency's data (public intake, shared reference data) */
        NONE,
        /** one case of the home agency: another agency's right role gets the not-found answer */
        BY_ID,
        /** a list of the caller's agency: another agency's right role gets 200 without the home agency's data */
        LIST,
        /** creates in the caller's own agency: another agency's right role succeeds for itself */
        OWN
    }

    /** An HTTP request; {@code body} null = none. */
    record Request(String method, String path, String contentType, byte[] body) {
        static Request json(String method, String path, String json) {
            return new Request(method, path, json == null ? null : "application/json",
                    json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Endpoint(String label, int success, Function<AccessMatrixTest, Request> request) {
    }

    /** One row: who calls which endpoint, and the status (class) expected. {@code -1} = other agency's list. */
    record Row(Endpoint endpoint, Caller caller, int expected, Scope scope) {
        @Override
        public String toString() {
            String outcome = expected == -1 ? "200 without " + HOME + "'s data" : String.valueOf(expected);
            return endpoint.label() + " as " + caller + " → " + outcome;
        }
    }

    // --- the fixture, filed once through the API ---
    private String caseId;
    private String trackingCode;
    private String fileId;
    private String divisionCode;
    private String toApprove;
    private String toDecline;
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    @BeforeAll
    void fixture() throws IOException {
        String complaint = json.writeValueAsString(Map.of("agency", HOME, "category", "CORRUPTION",
                "details", "เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", "สมชาย ใจดี", "phone", "081-234-5678")));
        Multipart multipart = new Multipart().json("complaint", complaint).file("photo.png", "image/png", png());
        HttpResponse<String> filed = TestHttp.postBytes(port, "/api/complaints", multipart.contentType(),
                multipart.bytes());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        trackingCode = body(filed).get("trackingCode").asString();
        Document stored = storedByCode(trackingCode);
        caseId = stored.getString("_id");
        fileId = stored.getList("attachments", Document.class).get(0).getString("fileId");

        divisionCode = "AMX_" + randomCode();
        HttpResponse<String> added = call("POST", "/api/complaints/reference/divisions",
                Map.of("code", divisionCode, "labelTh", "ฝ่ายทดสอบสิทธิ์", "labelEn", "Access test division"),
                token(Caller.ADMIN));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        // The two-person rule: OFFICER may read the identity under an approved request of their own; two more
        // requests of other officers wait for HEAD's approve and decline rows.
        approvedIdentityRequest(HOME, caseId, token(Caller.OFFICER));
        toApprove = pendingRequest(colleague("colleague-a-" + HOME));
        toDecline = pendingRequest(colleague("colleague-b-" + HOME));
    }

    private static String colleague(String subject) {
        return TestIssuer.shared().builder(subject).agency(HOME).roles("OFFICER").claim("name", "ผู้ทดสอบ เพื่อนร่วมงาน")
                .secondFactor().sign();
    }

    private String pendingRequest(String officerToken) {
        HttpResponse<String> asked = call("POST", "/api/complaints/cases/" + caseId + "/identity-requests",
                Map.of("reason", "ต้องติดต่อผู้ร้องเพื่อขอข้อมูลเพิ่มเติม"), officerToken);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        return body(asked).get("id").asString();
    }

    // --- the endpoints (docs/complaints.md, "API") ---
    static final Endpoint FILE_JSON = new Endpoint("POST /api/complaints (JSON)", 201,
            t -> Request.json("POST", "/api/complaints", t.json.writeValueAsString(Map.of("agency", HOME,
                    "category", "MISCONDUCT", "details", "เจ้าหน้าที่ให้บริการล่าช้าและพูดจาไม่สุภาพกับผู้มาติดต่อ"))));
    static final Endpoint FILE_MULTIPART = new Endpoint("POST /api/complaints (multipart)", 201, t -> {
        Multipart m = new Multipart().json("complaint", t.json.writeValueAsString(Map.of("agency", HOME,
                "category", "OTHER", "details", "ทางเท้าหน้าสำนักงานเขตชำรุดมานานแล้วไม่มีการซ่อม")))
                .file("photo.png", "image/png", png());
        return new Request("POST", "/api/complaints", m.contentType(), m.bytes());
    });
    static final Endpoint TRACK = new Endpoint("POST /api/complaints/track", 200,
            t -> Request.json("POST", "/api/complaints/track",
                    t.json.writeValueAsString(Map.of("trackingCode", t.trackingCode))));
    static final Endpoint TRACK_MESSAGE = new Endpoint("POST /api/complaints/track/messages", 201,
            t -> Request.json("POST", "/api/complaints/track/messages",
                    t.json.writeValueAsString(Map.of("trackingCode", t.trackingCode, "text", "ขอทราบความคืบหน้า"))));
    static final Endpoint REFERENCE = new Endpoint("GET /api/complaints/reference", 200,
            t -> Request.json("GET", "/api/complaints/reference", null));
    static final Endpoint API_DOCS = new Endpoint("GET /api/complaints/api-docs", 200,
            t -> Request.json("GET", "/api/complaints/api-docs", null));
    // The actuator lives on the management port: on the API port the gateway routes to it is not found.
    static final Endpoint HEALTH = new Endpoint("GET /actuator/health", 404,
            t -> Request.json("GET", "/actuator/health", null));
    static final Endpoint PROMETHEUS = new Endpoint("GET /actuator/prometheus", 404,
            t -> Request.json("GET", "/actuator/prometheus", null));

    static final Endpoint REFERENCE_ADD = new Endpoint("POST /api/complaints/reference/{kind}", 201,
            t -> Request.json("POST", "/api/complaints/reference/divisions", t.json.writeValueAsString(Map.of(
                    "code", "AMX_" + randomCode(), "labelTh", "ฝ่ายใหม่", "labelEn", "New division"))));
    static final Endpoint REFERENCE_RELABEL = new Endpoint("PUT /api/complaints/reference/{kind}/{code}", 200,
            t -> Request.json("PUT", "/api/complaints/reference/divisions/" + t.divisionCode, t.json.writeValueAsString(
                    Map.of("labelTh", "ฝ่ายทดสอบสิทธิ์ (แก้ไข)", "labelEn", "Access test division (relabelled)"))));

    static final Endpoint CASES = new Endpoint("GET /api/complaints/cases", 200,
            t -> Request.json("GET", "/api/complaints/cases?size=100", null));
    static final Endpoint KEY_IN = new Endpoint("POST /api/complaints/cases", 201,
            t -> Request.json("POST", "/api/complaints/cases", t.json.writeValueAsString(Map.of("channel", "LETTER",
                    "receivedOn", "2025-01-10", "category", "OTHER",
                    "details", "หนังสือร้องเรียนที่ส่งมาทางไปรษณีย์เรื่องการเก็บขยะ"))));
    static final Endpoint CASE = new Endpoint("GET /api/complaints/cases/{id}", 200,
            t -> Request.json("GET", "/api/complaints/cases/" + t.caseId, null));
    static final Endpoint TRANSITION = new Endpoint("POST /api/complaints/cases/{id}/transitions", 200,
            t -> Request.json("POST", "/api/complaints/cases/" + t.caseId + "/transitions",
                    t.json.writeValueAsString(Map.of("to", "UNDER_REVIEW", "reason", "รับไว้พิจารณา"))));
    // The fixture case was never referred: the officer of its agency passes every check but the state's (409).
    static final Endpoint REFERRAL_ANSWER = new Endpoint("POST /api/complaints/cases/{id}/referral-answer", 409,
            t -> Request.json("POST", "/api/complaints/cases/" + t.caseId + "/referral-answer",
                    t.json.writeValueAsString(Map.of("receivedOn", "2025-01-10", "summary", "ผลการพิจารณา",
                            "outcome", "NO_CAUSE"))));
    static final Endpoint NOTE = new Endpoint("POST /api/complaints/cases/{id}/notes", 201,
            t -> Request.json("POST", "/api/complaints/cases/" + t.caseId + "/notes",
                    t.json.writeValueAsString(Map.of("text", "บันทึกภายใน"))));
    static final Endpoint MESSAGE = new Endpoint("POST /api/complaints/cases/{id}/messages", 201,
            t -> Request.json("POST", "/api/complaints/cases/" + t.caseId + "/messages",
                    t.json.writeValueAsString(Map.of("text", "ได้รับเรื่องแล้ว"))));
    static final Endpoint DIVISION = new Endpoint("PUT /api/complaints/cases/{id}/division", 200,
            t -> Request.json("PUT", "/api/complaints/cases/" + t.caseId + "/division",
                    t.json.writeValueAsString(Map.of("division", "WORKS"))));
    static final Endpoint REVEAL = new Endpoint("POST /api/complaints/cases/{id}/identity", 200,
            t -> Request.json("POST", "/api/complaints/cases/" + t.caseId + "/identity",
                    t.json.writeValueAsString(Map.of("reason", "ต้องติดต่อผู้ร้องเพื่อขอข้อมูลเพิ่มเติม"))));
    static final Endpoint ATTACHMENT = new Endpoint("GET /api/complaints/cases/{id}/attachments/{fileId}", 200,
            t -> Request.json("GET", "/api/complaints/cases/" + t.caseId + "/attachments/" + t.fileId, null));

    static final Endpoint PURGES = new Endpoint("GET /api/complaints/retention/purges", 200,
            t -> Request.json("GET", "/api/complaints/retention/purges", null));
    static final Endpoint IDENTITY_REQUEST = new Endpoint("POST /api/complaints/cases/{id}/identity-requests", 202,
            t -> Request.json("POST", "/api/complaints/cases/" + t.caseId + "/identity-requests",
                    t.json.writeValueAsString(Map.of("reason", "ต้องติดต่อผู้ร้องเพื่อขอข้อมูลเพิ่มเติม"))));
    static final Endpoint CASE_REQUESTS = new Endpoint("GET /api/complaints/cases/{id}/identity-requests", 200,
            t -> Request.json("GET", "/api/complaints/cases/" + t.caseId + "/identity-requests", null));
    static final Endpoint REQUEST_QUEUE = new Endpoint("GET /api/complaints/identity-requests", 200,
            t -> Request.json("GET", "/api/complaints/identity-requests?status=PENDING", null));
    static final Endpoint APPROVE = new Endpoint("POST /api/complaints/identity-requests/{id}/approve", 200,
            t -> Request.json("POST", "/api/complaints/identity-requests/" + t.toApprove + "/approve",
                    t.json.writeValueAsString(Map.of("note", "อนุมัติ"))));
    static final Endpoint DECLINE = new Endpoint("POST /api/complaints/identity-requests/{id}/decline", 200,
            t -> Request.json("POST", "/api/complaints/identity-requests/" + t.toDecline + "/decline",
                    t.json.writeValueAsString(Map.of("note", "เหตุผลยังไม่เพียงพอ"))));
    static final Endpoint REVEALS = new Endpoint("GET /api/complaints/audit/identity-reveals", 200,
            t -> Request.json("GET", "/api/complaints/audit/identity-reveals?caseId=" + t.caseId, null));

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Endpoint e : List.of(FILE_JSON, FILE_MULTIPART, TRACK, TRACK_MESSAGE, REFERENCE, API_DOCS, HEALTH,
                PROMETHEUS)) {
            open(rows, e);
        }
        restricted(rows, REFERENCE_ADD, "ADMIN", Scope.NONE);
        restricted(rows, REFERENCE_RELABEL, "ADMIN", Scope.NONE);
        restricted(rows, CASES, "OFFICER", Scope.LIST);
        restricted(rows, KEY_IN, "OFFICER", Scope.OWN);
        for (Endpoint e : List.of(CASE, TRANSITION, REFERRAL_ANSWER, NOTE, MESSAGE, DIVISION, REVEAL, ATTACHMENT,
                IDENTITY_REQUEST, CASE_REQUESTS)) {
            restricted(rows, e, "OFFICER", Scope.BY_ID);
        }
        restricted(rows, REVEALS, "HEAD", Scope.LIST);
        restricted(rows, REQUEST_QUEUE, "HEAD", Scope.LIST);
        restricted(rows, PURGES, "HEAD", Scope.LIST);
        restricted(rows, APPROVE, "HEAD", Scope.BY_ID);
        restricted(rows, DECLINE, "HEAD", Scope.BY_ID);
        return rows.stream();
    }

    private static void open(List<Row> rows, Endpoint e) {
        for (Caller c : Caller.values()) {
            if (c.home()) {
                rows.add(new Row(e, c, e.success(), Scope.NONE));
            }
        }
    }

    private static void restricted(List<Row> rows, Endpoint e, String role, Scope scope) {
        for (Caller c : Caller.values()) {
            if (c == Caller.ANONYMOUS) {
                rows.add(new Row(e, c, 401, scope));
            } else if (c.home()) {
                rows.add(new Row(e, c, c.role.equals(role) ? e.success() : 403, scope));
            } else if (scope != Scope.NONE) {
                int expected = !c.role.equals(role) ? 403
                        : switch (scope) {
                            case BY_ID -> 404;
                            case LIST -> -1;
                            default -> e.success();
                        };
                rows.add(new Row(e, c, expected, scope));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersAsTheRolesTableSays(Row row) {
        Document caseBefore = mongo.findById(caseId, Document.class, Complaint.COLLECTION);
        long referenceBefore = mongo.count(new Query(), "reference");
        long revealsBefore = reveals();
        List<Document> requestsBefore = identityRequests();

        HttpResponse<String> response = send(row.endpoint().request().apply(this), token(row.caller()));
        int status = response.statusCode();

        assertThat(status).as("%s: %s", row, response.body()).isLessThan(500);
        if (row.expected() == -1) {
            assertThat(status).as("%s: %s", row, response.body()).isEqualTo(200);
            assertThat(response.body()).as(row.toString()).doesNotContain(caseId);
        } else {
            assertThat(status).as("%s: %s", row, response.body()).isEqualTo(row.expected());
        }
        if (status == 401 || status == 403 || (status == 404 && row.scope() == Scope.BY_ID)) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(row.toString())
                    .startsWith("application/problem+json");
            // refused means refused: nothing changed, nothing revealed
            Document caseAfter = mongo.findById(caseId, Document.class, Complaint.COLLECTION);
            assertThat(caseAfter.get("version")).as(row.toString()).isEqualTo(caseBefore.get("version"));
            assertThat(mongo.count(new Query(), "reference")).as(row.toString()).isEqualTo(referenceBefore);
            assertThat(reveals()).as(row.toString()).isEqualTo(revealsBefore);
            assertThat(identityRequests()).as(row.toString()).isEqualTo(requestsBefore);
            assertThat(response.body()).as(row.toString()).doesNotContain("สมชาย").doesNotContain("5678");
        }
    }

    /** Each request's decision (its outbox, which the relay empties meanwhile, left out). */
    private List<Document> identityRequests() {
        Query query = new Query(Criteria.where("caseId").is(caseId)).with(org.springframework.data.domain.Sort.by("_id"));
        query.fields().include("status", "decidedAt");
        return mongo.find(query, Document.class, "identity_requests");
    }

    private long reveals() {
        return mongo.count(new Query(Criteria.where("caseId").is(caseId)), "identity_reveals");
    }

    private String token(Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return null;
        }
        return tokens.computeIfAbsent(caller, c -> TestIssuer.shared()
                .builder(c.role.toLowerCase() + "-" + c.agency).agency(c.agency).roles(c.role)
                .claim("name", "ผู้ทดสอบ " + c.role).secondFactor().sign()); // the matrix is of roles: SecondFactorTest
    }

    private HttpResponse<String> send(Request request, String token) {
        if (request.contentType() != null && request.contentType().startsWith("multipart/")) {
            // binary parts: only the byte-array POST keeps them intact
            return TestHttp.postBytes(port, request.path(), request.contentType(), request.body(),
                    token == null ? new String[0] : new String[] { "Authorization", "Bearer " + token });
        }
        return TestHttp.request(port, request.method(), request.path(), request.contentType(),
                request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8), token);
    }

    private static String randomCode() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static byte[] png() {
        try {
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, 0x336699);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
