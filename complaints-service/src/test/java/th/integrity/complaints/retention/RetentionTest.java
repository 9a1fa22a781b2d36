package th.integrity.complaints.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.Multipart;
import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.TestHttp;
import th.integrity.complaints.attachments.HostileFiles;

/** After the retention period a concluded case keeps only what statistics need. */
class RetentionTest extends IntegrationTestSupport {

    private static final String AGENCY = "retention-a";

    @Autowired
    RetentionPurge purge;

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void purgesIdentityAttachmentsMessagesAndTextOfConcludedCases(CapturedOutput log) {
        var body = new Multipart().json("complaint", json.writeValueAsString(Map.of("agency", AGENCY,
                "category", "CORRUPTION", "subcategory", "MISUSE_OF_PROPERTY", "division", "WORKS",
                "details", "นำรถบรรทุกของเขตไปใช้ขนของส่วนตัวทุกเสาร์อาทิตย์",
                "location", "ซอยลาดพร้าว 101", "reporter", Map.of("mode", "CONFIDENTIAL", "name", "วิชัย ผู้แจ้ง"))))
                .file("a.pdf", "application/pdf", HostileFiles.pdf(1));
        var filed = TestHttp.postBytes(port, "/api/complaints", body.contentType(), body.bytes());
        assertThat(filed.statusCode()).isEqualTo(201);
        String code = body(filed).get("trackingCode").asString();
        String caseId = caseIdOf(code);
        String fileId = storedByCode(code).getList("attachments", Document.class).get(0).getString("fileId");
        String officer = officer(AGENCY);
        call("POST", "/api/complaints/cases/" + caseId + "/messages", Map.of("text", "ขอภาพถ่ายเพิ่มเติม"), officer);
        call("POST", "/api/complaints/cases/" + caseId + "/notes", Map.of("text", "ผู้ถูกร้องคือนายสมปอง"), officer);
        call("POST", "/api/complaints/cases/" + caseId + "/transitions", Map.of("to", "CLOSED_WITHOUT_INQUIRY",
                "reason", "เรื่องซ้ำกับที่รับไว้แล้ว", "closureReason", "DUPLICATE"), officer);

        assertThat(purge.purgeDue()).as("not yet due").isZero();
        Document kept;
        try {
            clock.advance(Duration.ofDays(2 * 366 + 1));
            assertThat(purge.purgeDue()).isGreaterThanOrEqualTo(1);
            kept = mongo.findById(caseId, Document.class, "complaints");
        } finally {
            clock.reset();
        }

        assertThat(kept.toJson()).doesNotContain("วิชัย").doesNotContain("รถบรรทุก").doesNotContain("ลาดพร้าว")
                .doesNotContain("ภาพถ่าย").doesNotContain("สมปอง").doesNotContain("เรื่องซ้ำกับ").doesNotContain("officer-");
        assertThat(kept.get("reporter", Document.class).get("identity")).isNull();
        assertThat(kept.get("details")).isNull();
        assertThat(kept.get("trackingHash")).isNull();
        assertThat(kept.getList("attachments", Document.class)).isEmpty();
        assertThat(kept.getList("messages", Document.class)).isEmpty();
        assertThat(kept.getList("notes", Document.class)).isEmpty();
        assertThat(kept.get("purgedAt")).isNotNull();
        // what statistics need stays
        assertThat(kept.getString("agency")).isEqualTo(AGENCY);
        assertThat(kept.getString("category")).isEqualTo("CORRUPTION");
        assertThat(kept.getString("division")).isEqualTo("WORKS");
        assertThat(kept.getString("status")).isEqualTo("CLOSED_WITHOUT_INQUIRY");
        assertThat(kept.getString("closureReason")).isEqualTo("DUPLICATE");
        assertThat(kept.get("receivedAt")).isNotNull();
        assertThat(mongo.getCollection("fs.files").countDocuments(new Document("_id", new org.bson.types.ObjectId(fileId))))
                .isZero();
        // the code no longer opens anything; the purge is logged by case id only
        assertThat(call("POST", "/api/complaints/track", Map.of("trackingCode", code), null).statusCode()).isEqualTo(404);
        assertThat(log.getAll()).contains("Purged case " + caseId).doesNotContain("วิชัย");

        List<JsonNode> events = eventsOf(AGENCY, caseId, 5);
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("complaint.updated.v1");
        assertThat(last.at("/data/version").asLong()).isEqualTo(5);
        assertThat(last.at("/data/status").asString()).isEqualTo("CLOSED_WITHOUT_INQUIRY");
    }

    @Test
    void aPurgedLetterLosesItsOwnReferenceAndDateButKeepsItsCaseNumber() {
        String officer = officer(AGENCY);
        var today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Bangkok")));
        var filed = call("POST", "/api/complaints/cases", Map.of("channel", "LETTER", "receivedOn", today.toString(),
                "category", "MISCONDUCT", "details", "หนังสือร้องเรียนจากบริษัทผู้รับเหมาเรื่องการตรวจรับงาน",
                "letterRef", "บจ 77/2569", "letterDate", today.toString()), officer);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseId = body(filed).get("caseId").asString();
        call("POST", "/api/complaints/cases/" + caseId + "/transitions", Map.of("to", "CLOSED_WITHOUT_INQUIRY",
                "reason", "เรื่องซ้ำกับที่รับไว้แล้ว", "closureReason", "DUPLICATE"), officer);
        Document kept;
        try {
            clock.advance(Duration.ofDays(2 * 366 + 1));
            assertThat(purge.purgeDue()).isGreaterThanOrEqualTo(1);
            kept = mongo.findById(caseId, Document.class, "complaints");
        } finally {
            clock.reset();
        }
        assertThat(kept.toJson()).doesNotContain("บจ 77");
        assertThat(kept.get("letterRef")).isNull();
        assertThat(kept.get("letterDate")).isNull();
        assertThat(kept.getString("caseNumber")).isEqualTo(body(filed).get("caseNumber").asString());
    }

    @Test
    void purgesTheTextOfAReferralAnswerButKeepsTheReferral() {
        String caseId = caseIdOf(file(Map.of("agency", AGENCY, "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้างอาคาร")));
        String officer = officer(AGENCY);
        String cases = "/api/complaints/cases/" + caseId;
        assertThat(call("POST", cases + "/transitions", Map.of("to", "UNDER_REVIEW", "reason", "ตรวจสอบข้อเท็จจริง"),
                officer).statusCode()).isEqualTo(200);
        assertThat(call("POST", cases + "/transitions", Map.of("to", "FORWARDED", "reason", "เกินอำนาจสอบสวนของเขต",
                "referral", Map.of("body", "NACC", "letterRef", "กท 8101/1234")), officer).statusCode()).isEqualTo(200);
        assertThat(call("POST", cases + "/referral-answer", Map.of("receivedOn", java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Bangkok")).toString(), "summary", "ป.ป.ช. ชี้มูลนายสมปอง ทุจริตจริง",
                "outcome", "FOUND_CAUSE"), officer).statusCode()).isEqualTo(200);

        Document kept;
        try {
            clock.advance(Duration.ofDays(2 * 366 + 1));
            assertThat(purge.purgeDue()).isGreaterThanOrEqualTo(1);
            kept = mongo.findById(caseId, Document.class, "complaints");
        } finally {
            clock.reset();
        }

        assertThat(kept.get("purgedAt")).isNotNull();
        assertThat(kept.toJson()).doesNotContain("สมปอง").doesNotContain("officer-");
        Document referral = kept.get("referral", Document.class);
        assertThat(referral.getString("body")).isEqualTo("NACC");
        assertThat(referral.getString("letterRef")).isEqualTo("กท 8101/1234");
        assertThat(referral.getList("answers", Document.class).get(0).getString("outcome")).isEqualTo("FOUND_CAUSE");
    }
}
