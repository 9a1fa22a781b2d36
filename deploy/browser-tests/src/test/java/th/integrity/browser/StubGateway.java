package th.integrity.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway's static pages, served from the gateway module's source folder exactly as they are, under the
 * gateway's Content-Security-Policy, with canned API answers: enough to prove the pages render, switch language,
 * place field errors and stay inert with hostile data, without starting the system. (The whole system is
 * {@link SystemBrowserTest}'s business.)
 */
final class StubGateway implements AutoCloseable {

    static final Path STATIC = Path.of("..", "..", "gateway", "src", "main", "resources", "static").toAbsolutePath().normalize();
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml");

    private final HttpServer server;
    private final String me;
    private final Map<String, Function<String, Answer>> routes = new ConcurrentHashMap<>();

    /** An answer a test gives to one request. */
    record Answer(int status, String type, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, status >= 400 ? "application/problem+json" : "application/json", body);
        }
    }
    /** Every API request received, as "METHOD /path?query body": what a page sent. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    StubGateway() throws IOException {
        this("{\"authenticated\":false,\"roles\":[]}");
    }

    /** With {@code me} as the answer to {@code /api/me}: e.g. {@link #OFFICER} for the officer's pages. */
    StubGateway(String me) throws IOException {
        this.me = me;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Answers {@code "METHOD /path"} (query string ignored) with what {@code answer} makes of the request body,
     * before the canned answers: a test's own, possibly stateful, API.
     */
    StubGateway route(String request, Function<String, Answer> answer) {
        routes.put(request, answer);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/api/")) {
                api(exchange, method, path);
                return;
            }
            Path file = STATIC.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
            if (!file.startsWith(STATIC) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void api(HttpExchange exchange, String method, String path) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + exchange.getRequestURI() + " " + body);
        Function<String, Answer> route = routes.get(method + " " + path);
        if (route != null) {
            Answer answer = route.apply(body);
            send(exchange, answer.status(), answer.type(), answer.body());
            return;
        }
        switch (method + " " + path) {
            case "GET /api/me" -> json(exchange, 200, me);
            case "GET /api/complaints/cases" -> json(exchange, 200, CASES);
            case "GET /api/complaints/cases/c0ffee00-1111-4222-8333-444455556666" -> json(exchange, 200, CASE);
            case "POST /api/complaints/cases/c0ffee00-1111-4222-8333-444455556666/identity" -> json(exchange, 200,
                    "{\"name\":\"สมชาย ใจดี\",\"phone\":\"0812345678\",\"revealedAt\":\"2025-11-20T03:00:00Z\"}");
            case "POST /api/complaints/cases/c0ffee00-1111-4222-8333-444455556666/messages" -> json(exchange, 201, "{}");
            case "POST /api/complaints/track/messages" -> json(exchange, 201, "{}");
            case "GET /api/complaints/cases/" + REVIEWED_ID -> json(exchange, 200, REVIEWED_CASE);
            case "GET /api/complaints/cases/" + REFERRED_ID -> json(exchange, 200, REFERRED_CASE);
            case "POST /api/complaints/cases/" + REVIEWED_ID + "/transitions" -> {
                referralRequests.add(body);
                json(exchange, 200, "{\"caseId\":\"" + REVIEWED_ID + "\",\"version\":3}");
            }
            case "POST /api/complaints/cases/" + REFERRED_ID + "/referral-answer" -> {
                referralRequests.add(body);
                if (body.contains("\"summary\":\"\"")) {
                    problem(exchange, 400, """
                            {"type":"urn:integrity:problem:validation","title":"Invalid input","title_th":"ข้อมูลไม่ถูกต้อง",
                             "status":400,"detail":"Check these fields: summary.","detail_th":"กรุณาตรวจสอบข้อมูลต่อไปนี้: summary",
                             "errors":[{"field":"summary","message_en":"is required: what the answer says",
                                        "message_th":"ต้องระบุสรุปผลที่ได้รับ"}]}""");
                } else {
                    json(exchange, 200, "{\"caseId\":\"" + REFERRED_ID + "\",\"version\":4}");
                }
            }
            case "GET /api/complaints/reference" -> json(exchange, 200, REFERENCE);
            case "GET /api/stats/publications" -> json(exchange, 200, "[" + PUBLICATION + "]");
            case "GET /api/stats/publications/p1" -> json(exchange, 200,
                    PUBLICATION.substring(0, PUBLICATION.length() - 1) + ",\"table\":" + TABLE + "}");
            case "POST /api/complaints" -> {
                if (body.contains("\"details\":\"too short\"")) {
                    problem(exchange, 400, """
                            {"type":"urn:integrity:problem:validation","title":"Invalid input","title_th":"ข้อมูลไม่ถูกต้อง",
                             "status":400,"detail":"Check these fields: details.","detail_th":"กรุณาตรวจสอบข้อมูลต่อไปนี้: details",
                             "errors":[{"field":"details","message_en":"must be 20 to 10,000 characters",
                                        "message_th":"ต้องมีความยาว 20 ถึง 10,000 ตัวอักษร"}]}""");
                } else {
                    json(exchange, 201, "{\"trackingCode\":\"1234 5678 9012 3456\",\"receivedAt\":\"2025-11-20T03:00:00Z\",\"status\":\"RECEIVED\","
                            + "\"caseNumber\":\"วท 0012/2569\",\"agency\":\"wangthonglang\",\"dueAt\":\"2025-12-05T03:00:00Z\"}");
                }
            }
            case "POST /api/complaints/track" -> json(exchange, 200, """
                    {"status":{"code":"RECEIVED","labelTh":"รับเรื่อง","labelEn":"Received"},"receivedAt":"2025-01-15T03:00:00Z",
                     "caseNumber":"วท 0007/2568","agency":"wangthonglang","dueAt":"2025-01-30T03:00:00Z",
                     "stages":[{"stage":"RECEIVED","labelTh":"รับเรื่อง","labelEn":"Received","at":"2025-01-15T03:00:00Z"}],
                     "messages":[{"from":"OFFICER","text":"<img src=x id=injected onerror=alert(1)>","at":"2025-01-16T03:00:00Z"}]}""");
            default -> {
                if (path.startsWith("/api/stats/rollup/")) {
                    json(exchange, 200, "{\"fiscalYear\":2568,\"through\":\"2025-03\",\"included\":[{\"agency\":\"wangthonglang\",\"name_th\":\"สำนักงานเขตวังทองหลาง\"}],\"missing\":[{\"agency\":\"huaikhwang\",\"name_th\":\"สำนักงานเขตห้วยขวาง\"}],\"table\":" + TABLE + "}");
                } else {
                    problem(exchange, 404, "{\"title\":\"Not found\",\"title_th\":\"ไม่พบ\",\"status\":404}");
                }
            }
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void problem(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/problem+json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The request bodies the referral routes received, in order. */
    final java.util.List<String> referralRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    static final String REVIEWED_ID = "ab0ffee0-1111-4222-8333-444455556666";
    static final String REFERRED_ID = "fe0ffee0-1111-4222-8333-444455556666";

    /** A case under review that may be referred. */
    static final String REVIEWED_CASE = """
            {"id":"ab0ffee0-1111-4222-8333-444455556666","version":2,"status":"UNDER_REVIEW","receivedAt":"2025-11-20T03:00:00Z",
             "channel":"WEB","category":"CORRUPTION","dueAt":"2026-01-19T03:00:00Z","overdue":false,"details":"เรียกรับเงิน",
             "reporter":{"mode":"ANONYMOUS"},"reporterStanding":"CITIZEN","allowedTransitions":["FORWARDED","UNDER_INVESTIGATION"],
             "messages":[],"notes":[],"history":[{"to":"RECEIVED","at":"2025-11-20T03:00:00Z"}]}""";

    /** A case referred to ป.ป.ช., waiting for its answer until 1 March 2026. */
    static final String REFERRED_CASE = """
            {"id":"fe0ffee0-1111-4222-8333-444455556666","version":3,"status":"FORWARDED","receivedAt":"2025-11-20T03:00:00Z",
             "channel":"WEB","category":"CORRUPTION","dueAt":"2026-03-01T03:00:00Z","overdue":false,"details":"เรียกรับเงิน",
             "reporter":{"mode":"ANONYMOUS"},"reporterStanding":"CITIZEN","forwardedTo":"NACC",
             "allowedTransitions":["UNDER_INVESTIGATION"],"messages":[],"notes":[],
             "history":[{"to":"RECEIVED","at":"2025-11-20T03:00:00Z"},
                        {"from":"RECEIVED","to":"FORWARDED","at":"2025-12-01T03:00:00Z","forwardedTo":"NACC"}],
             "referral":{"body":"NACC","letterRef":"กท 8101/1234","sentOn":"2025-11-30","referredAt":"2025-12-01T03:00:00Z",
                         "followUpAt":"2026-03-01T03:00:00Z","awaitingAnswer":true,"answers":[],"returnedAt":null}}""";

    static final String OFFICER = """
            {"authenticated":true,"name":"เจ้าหน้าที่ทดสอบ","username":"officer","agency":"wangthonglang","roles":["OFFICER"]}""";

    static final String CASES = """
            {"page":0,"size":20,"total":2,"items":[
              {"id":"c0ffee00-1111-4222-8333-444455556666","receivedAt":"2025-11-20T03:00:00Z","category":"CORRUPTION",
               "channel":"WEB","status":"RECEIVED","dueAt":"2026-01-19","overdue":true,"caseNumber":"วท 0012/2569",
               "summary":"ผู้อำนวยการฝ่ายโยธาเรียกรับเงินจากผู้รับเหมาก่อสร้างถนนในซอยลาดพร้าว 101 เพื่อแลกกับการตรวจรับงานที่ยังไม่เสร็จ…",
               "newFromReporter":true,"lastUpdate":"2025-11-25T08:30:00Z","attachments":2},
              {"id":"d0ffee00-1111-4222-8333-444455556666","receivedAt":"2025-11-21T03:00:00Z","category":"MISCONDUCT",
               "channel":"PHONE","status":"RECEIVED","dueAt":"2026-01-20","overdue":false,"caseNumber":"วท 0013/2569",
               "summary":"<b>เจ้าหน้าที่</b> ขอค่าดำเนินการเพิ่ม","newFromReporter":false,"lastUpdate":"2025-11-21T03:00:00Z",
               "attachments":0}]}""";

    static final String CASE = """
            {"id":"c0ffee00-1111-4222-8333-444455556666","version":1,"status":"RECEIVED","receivedAt":"2025-11-20T03:00:00Z",
             "channel":"WEB","category":"CORRUPTION","dueAt":"2026-01-19","overdue":false,"details":"เรียกรับเงิน",
             "agency":"wangthonglang","caseNumber":"วท 0012/2569","letterRef":"กท 5201/ว 123","letterDate":"2025-11-18",
             "reporter":{"mode":"CONFIDENTIAL","identity":{"name":"ส**** ใ***","phone":"******5678"}},"reporterStanding":"CITIZEN","allowedTransitions":[],"messages":[],
             "notes":[],"history":[{"to":"RECEIVED","at":"2025-11-20T03:00:00Z"}]}""";

    static final String REFERENCE = """
            {"categories":[
              {"code":"CORRUPTION","labelTh":"การทุจริต","labelEn":"Corruption","subcategories":[{"code":"BRIBERY","labelTh":"เรียกรับสินบน","labelEn":"Bribery"}]},
              {"code":"MISCONDUCT","labelTh":"การประพฤติมิชอบ","labelEn":"Misconduct","subcategories":[{"code":"ABUSE","labelTh":"ใช้อำนาจโดยมิชอบ","labelEn":"Abuse of power"}]},
              {"code":"OTHER","labelTh":"อื่น ๆ","labelEn":"Other","subcategories":[]}],
             "channels":[{"code":"WEB","labelTh":"เว็บไซต์","labelEn":"Website"},{"code":"PHONE","labelTh":"โทรศัพท์","labelEn":"Telephone"}],
             "divisions":[{"code":"WORKS","labelTh":"ฝ่ายโยธา","labelEn":"Public Works Division"}],
             "statuses":[{"code":"RECEIVED","labelTh":"รับเรื่อง","labelEn":"Received"}],
             "closureReasons":[{"code":"DUPLICATE","labelTh":"เรื่องซ้ำ","labelEn":"Duplicate"}],
             "forwardingBodies":[{"code":"NACC","labelTh":"ป.ป.ช.","labelEn":"NACC"}]}""";

    static final String PUBLICATION = """
            {"id":"p1","kind":"COMPLAINTS","agency":"wangthonglang","agencyName_th":"สำนักงานเขตวังทองหลาง","fiscalYear":2568,
             "through":"2025-03","round":null,"revision":2,"status":"CURRENT","publishedAt":"2025-04-02T10:00:00+07:00",
             "publishedOn_th":"2 เม.ย. 2568","publishedBy":null,"checksum":{"algorithm":"SHA-256","value":"abc123"},"supersedes":"p0",
             "correctionReason":"<b>counted twice</b>","supersededBy":null,
             "links":{"self":"/api/stats/publications/p1","json":"/api/stats/publications/p1?format=json",
                      "csv":"/api/stats/publications/p1?format=csv","html":"/api/stats/publications/p1?format=html",
                      "svg":"/assets/icon.svg","dcat":"/api/stats/publications/p1/dcat"}}""";

    static final String TABLE = """
            {"agency":"wangthonglang","agencyName_th":"สำนักงานเขตวังทองหลาง","agencyName_en":"Wang Thonglang District Office",
             "fiscalYear":2568,"through":"2024-10","title_th":"สถิติเรื่องร้องเรียน ปีงบประมาณ พ.ศ. 2568",
             "title_en":"Complaint statistics, fiscal year 2568",
             "period":{"from":"2024-10-01","to":"2024-10-31","label_th":"1 ตุลาคม 2567 – 31 ตุลาคม 2567","label_en":"1 October 2567 BE – 31 October 2567 BE"},
             "generatedAt":"2025-04-02T10:00:00+07:00","generatedOn_th":"2 เมษายน 2568",
             "channels":[{"code":"WEB","label_th":"เว็บไซต์","label_en":"Website"},
                         {"code":"PHONE","label_th":"โทรศัพท์","label_en":"Telephone"},
                         {"code":"LETTER","label_th":"หนังสือร้องเรียน","label_en":"Letter"},
                         {"code":"IN_PERSON","label_th":"ร้องเรียนด้วยตนเอง","label_en":"In person"},
                         {"code":"DAMRONGDHAM","label_th":"ศูนย์ดำรงธรรม","label_en":"Damrongdhama Centre"},
                         {"code":"SOCIAL","label_th":"สื่อสังคมออนไลน์","label_en":"Social media"},
                         {"code":"REFERRED","label_th":"หน่วยงานอื่นส่งต่อ","label_en":"Referred by another agency"}],
             "progress":[{"code":"RECEIVED","label_th":"รับเรื่อง","label_en":"Received"},
                         {"code":"INQUIRY","label_th":"อยู่ระหว่างตรวจสอบข้อเท็จจริง","label_en":"Under inquiry"},
                         {"code":"FORWARDED","label_th":"ส่งต่อหน่วยงานอื่น","label_en":"Forwarded"},
                         {"code":"CLOSED","label_th":"ยุติเรื่อง","label_en":"Closed"}],
             "blocks":[{"category":"ALL","label_th":"รวมทุกประเภท","label_en":"All categories",
               "rows":[{"month":"2024-10","label_th":"ตุลาคม 2567","label_en":"October 2567 BE","received":{"WEB":0},"total":0,
                        "carriedOver":0,"progress":{"RECEIVED":0},"concluded":0,"averageDaysToConclusion":null,
                        "remark_th":"ไม่มีเรื่องร้องเรียน","remark_en":"No complaints","empty":true}],
               "totals":{"month":"TOTAL","label_th":"รวม","label_en":"Total","received":{"WEB":0},"total":0,"carriedOver":0,
                        "progress":{"RECEIVED":0},"concluded":0,"averageDaysToConclusion":null,"remark_th":"","remark_en":"","empty":false}}],
             "totalReceived":0}""";
}
