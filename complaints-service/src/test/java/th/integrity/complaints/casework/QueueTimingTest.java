package th.integrity.complaints.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.integrity.complaints.TestHttp;
import th.integrity.complaints.identity.CaseContent;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A measurement, not a check (run on demand: {@code -Dbench.queue=true}; docs/benchmarks.md, "Sealed at rest: the
 * officer's queue"): the time of the officer's queue page (50 rows with their summaries) and of a case page, through
 * HTTP on the service's own port, against the in-memory store, with {@value #CASES} cases of one agency; and, in
 * process, what opening a page's sealed summaries costs.
 */
@EnabledIfSystemProperty(named = "bench.queue", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class QueueTimingTest {

    private static final String AGENCY = "bangkapi";
    private static final int CASES = 1000;
    private static final int WARMUP = 300;
    private static final int MEASURED = 1000;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry::add, "complaints-queue-timing");
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CaseContent content;

    @Test
    void queueAndCasePage() {
        String officer = TestIssuer.shared().token("officer-timing", AGENCY, "OFFICER");
        String caseId = null;
        for (int i = 0; i < CASES; i++) {
            HttpResponse<String> filed = TestHttp.post(port, "/api/complaints/cases", "application/json",
                    json.writeValueAsString(Map.of("channel", "HOTLINE_1555", "receivedOn",
                            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")).toString(),
                            "category", "MISCONDUCT", "details", "ผู้ร้องแจ้งว่าเจ้าหน้าที่ฝ่ายทะเบียนเรียกรับเงินค่าดำเนินการ"
                                    + " โดยไม่มีใบเสร็จ รายที่ " + i + " ที่ตลาดสดและหน้าสำนักงานเขต",
                            "location", "หน้าสำนักงานเขต ชั้น 1")), officer);
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
            caseId = json.readTree(filed.body()).get("caseId").asString();
        }
        report("queue page (50 rows)", "/api/complaints/cases?size=50", officer);
        report("case page", "/api/complaints/cases/" + caseId, officer);
        openingAPage();
    }

    /** What sealing adds to a queue page, without HTTP: opening 50 rows' summaries (one read of their keys). */
    private void openingAPage() {
        var query = new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("agency").is(AGENCY)).limit(50);
        query.fields().include("_id", "agency", "details");
        List<Document> rows = mongo.find(query, Document.class, "complaints");
        long[] micros = new long[MEASURED];
        for (int i = -WARMUP; i < MEASURED; i++) {
            List<Document> copies = rows.stream().map(Document::new).toList();
            long start = System.nanoTime();
            content.open(copies);
            if (i >= 0) {
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            assertThat(copies.get(0).get("details")).isInstanceOf(String.class);
        }
        Arrays.sort(micros);
        System.out.printf("QUEUE-TIMING opening 50 summaries in process: n=%d p50=%d us p90=%d us p99=%d us%n",
                MEASURED, micros[MEASURED / 2], micros[MEASURED * 9 / 10], micros[MEASURED * 99 / 100]);
    }

    private void report(String what, String path, String officer) {
        for (int i = 0; i < WARMUP; i++) {
            assertThat(TestHttp.get(port, path, officer).statusCode()).isEqualTo(200);
        }
        long[] micros = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = TestHttp.get(port, path, officer);
            micros[i] = (System.nanoTime() - start) / 1000;
            assertThat(page.statusCode()).isEqualTo(200);
        }
        Arrays.sort(micros);
        System.out.printf("QUEUE-TIMING %s: n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms mean=%.2f ms%n", what, MEASURED,
                micros[MEASURED / 2] / 1000.0, micros[MEASURED * 9 / 10] / 1000.0, micros[MEASURED * 99 / 100] / 1000.0,
                Arrays.stream(micros).average().orElse(0) / 1000.0);
    }
}
