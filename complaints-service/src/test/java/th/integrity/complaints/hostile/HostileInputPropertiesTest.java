package th.integrity.complaints.hostile;

import th.integrity.testkit.Hostile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import net.jqwik.api.Arbitrary;

import tools.jackson.databind.node.ObjectNode;

import th.integrity.complaints.Multipart;
import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.TestHttp;
import th.integrity.testkit.Hostile.Body;
import th.integrity.testkit.Hostile.Field;
import th.integrity.testkit.Hostile.Kind;
import th.integrity.complaints.tracking.FailedLookupLimiter;

/**
 * Hostile bodies (jqwik generators, see {@link Hostile}) against every public endpoint that takes one: each is
 * answered 4xx as problem details, never 5xx, and nothing is stored — no document in any collection, so no
 * outbox event either (events live in the document they describe).
 */
class HostileInputPropertiesTest extends IntegrationTestSupport {

    private static final int TRIES = Integer.getInteger("hostile.tries", 300);

    private static final List<Field> COMPLAINT_FIELDS = List.of(
            Field.of("agency", Kind.CODE).required(), Field.of("category", Kind.CODE).required(),
            Field.text("details", 10_000).required(), Field.of("incidentDate", Kind.DATE),
            Field.text("location", 500), Field.of("reportedElsewhere", Kind.BOOLEAN),
            Field.of("reporterStanding", Kind.CODE), Field.of("reporter", Kind.OBJECT),
            Field.of("reporter.mode", Kind.CODE).required(), Field.text("reporter.name", 200).required(),
            Field.of("reporter.phone", Kind.CODE), Field.text("reporter.email", 254));

    @Autowired
    FailedLookupLimiter limiter;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        limiter.reset();
    }

    private ObjectNode validComplaint() {
        Map<String, Object> reporter = new LinkedHashMap<>();
        reporter.put("mode", "CONFIDENTIAL");
        reporter.put("name", "นางสาวผู้ร้อง ทดสอบ");
        reporter.put("phone", "081-234-5678");
        reporter.put("email", "reporter@example.org");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agency", "wangthonglang");
        body.put("category", "CORRUPTION");
        body.put("details", "เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง");
        body.put("incidentDate", "2025-01-02");
        body.put("location", "สำนักงานเขต ชั้น 2");
        body.put("reportedElsewhere", false);
        body.put("reporterStanding", "CITIZEN");
        body.put("reporter", reporter);
        return json.valueToTree(body);
    }

    @Test
    void complaintIntakeRefusesEveryHostileJsonBody() {
        everyHostileBodyIsRefused(Hostile.bodies(json, validComplaint(), COMPLAINT_FIELDS),
                body -> post("/api/complaints", "application/json", body.json()));
    }

    @Test
    void complaintIntakeRefusesEveryHostileComplaintPart() {
        everyHostileBodyIsRefused(Hostile.bodies(json, validComplaint(), COMPLAINT_FIELDS), body -> {
            Multipart multipart = new Multipart().json("complaint", body.json());
            return TestHttp.postBytes(port, "/api/complaints", multipart.contentType(), multipart.bytes());
        });
    }

    @Test
    void trackingRefusesEveryHostileBody() {
        ObjectNode valid = json.valueToTree(Map.of("trackingCode", "1234 5678 9012 3456"));
        everyHostileBodyIsRefused(Hostile.bodies(json, valid, List.of(Field.of("trackingCode", Kind.CODE).required())),
                body -> {
                    // A wrong code is refused too (404, or 429 once the safety net trips); keep the net open.
                    limiter.reset();
                    return post("/api/complaints/track", "application/json", body.json());
                });
    }

    @Test
    void reportersMessagesRefuseEveryHostileBody() {
        // A real code, so that only the hostile part can be what is refused.
        String code = file(Map.of("agency", "wangthonglang", "category", "OTHER",
                "details", "ทดสอบข้อความจากผู้ร้องที่ไม่ถูกต้อง"));
        ObjectNode valid = json.valueToTree(Map.of("trackingCode", code, "text", "ขอทราบความคืบหน้า"));
        List<Field> fields = List.of(Field.of("trackingCode", Kind.CODE).required(),
                Field.text("text", 2000).required());
        List<Document> before = storedByCode(code).getList("messages", Document.class);
        everyHostileBodyIsRefused(Hostile.bodies(json, valid, fields), body -> {
            limiter.reset();
            return post("/api/complaints/track/messages", "application/json", body.json());
        });
        assertThat(storedByCode(code).getList("messages", Document.class)).isEqualTo(before);
    }

    private void everyHostileBodyIsRefused(Arbitrary<Body> bodies, Function<Body, HttpResponse<String>> send) {
        Map<String, Long> before = documentCounts();
        Hostile.assertAllRefused(json, Hostile.samples(bodies, TRIES), send);
        assertThat(documentCounts()).as("documents per collection").isEqualTo(before);
    }

    /** Documents in every collection of the service's database (complaints with their outbox, GridFS, ...). */
    Map<String, Long> documentCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            counts.put(collection, mongo.count(new Query(), collection));
        }
        return counts;
    }
}
