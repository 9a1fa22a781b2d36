package th.integrity.complaints.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.integrity.complaints.Multipart;
import th.integrity.complaints.RawStore;
import th.integrity.complaints.TestHttp;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20 §1, "a database dump reveals no complaint": against a file-backed store like the launcher's, a complaint
 * is filed and worked with distinctive Thai and English texts in every place a story is told (details, place, a
 * reporter's message, an officer's message, an internal note, the reason of a move, a referral answer, a keyed-in
 * letter's reference) and a photo; the store's files, the documents as the store returns them and the GridFS chunks
 * hold none of those texts nor a window of the photo's bytes, while the officer (and the reporter, for the
 * messages) still read every one of them through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SealedAtRestTest {

    private static final String AGENCY = "wangthonglang";
    private static final String DATABASE = "complaints-sealed";
    private static final RawStore STORE = RawStore.start("sealed-at-rest");
    private static final Random RANDOM = new Random();
    private static final String TAG = Long.toString(Math.abs(RANDOM.nextLong()), 36);

    private static final String DETAILS = "ปลัดอำเภอสมพงษ์เรียกรับเงินค่าต่อใบอนุญาตร้านค้า invoice-qz" + TAG;
    private static final String LOCATION = "ตลาดน้ำคลองลัดมะยม Bangkok stall-77" + TAG;
    private static final String FROM_REPORTER = "ผมมีใบเสร็จปลอมอีกสองใบ receipt-kw" + TAG;
    private static final String FROM_OFFICER = "กรุณาส่งสำเนาใบเสร็จเพิ่มเติม copy-jx" + TAG;
    private static final String NOTE = "บันทึกภายใน: สอบถามผู้อำนวยการกองคลังแล้ว internal-vb" + TAG;
    private static final String REASON = "เกินอำนาจของเขต ส่งให้ ป.ป.ท. referral-mz" + TAG;
    private static final String REVIEW = "ตรวจสอบเบื้องต้นพบพยานสองราย review-tn" + TAG;
    private static final String ANSWER = "ป.ป.ท. แจ้งว่ายังอยู่ระหว่างสอบสวน answer-pc" + TAG;
    private static final String LETTER = "บจ 4471/" + TAG;
    private static final String LETTER_DETAILS = "หนังสือจากบริษัทรับเหมาเรื่องการตรวจรับงานถนน letter-hd" + TAG;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry::add, DATABASE);
        registry.add("spring.mongodb.uri", () -> STORE.uri(DATABASE));
    }

    @AfterAll
    static void stop() {
        STORE.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    @Test
    void theStoreHoldsNoTextOfTheStoryNorThePhotoAndTheOfficerStillReadsThemAll() throws Exception {
        String officer = TestIssuer.shared().token("officer-sealed", AGENCY, "OFFICER");
        byte[] photo = RawStore.noisePng();
        var body = new Multipart().json("complaint", json.writeValueAsString(Map.of("agency", AGENCY,
                "category", "CORRUPTION", "subcategory", "BRIBERY", "details", DETAILS, "location", LOCATION,
                "reporter", Map.of("mode", "ANONYMOUS"))))
                .file("evidence.png", "image/png", photo);
        HttpResponse<String> filed = TestHttp.postBytes(port, "/api/complaints", body.contentType(), body.bytes());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(filed.body());
        String code = receipt.get("trackingCode").asString();
        String caseId = caseIdOf(receipt, officer);

        done(post("/api/complaints/track/messages", Map.of("trackingCode", code, "text", FROM_REPORTER), null));
        done(post("/api/complaints/cases/" + caseId + "/messages", Map.of("text", FROM_OFFICER), officer));
        done(post("/api/complaints/cases/" + caseId + "/notes", Map.of("text", NOTE), officer));
        done(post("/api/complaints/cases/" + caseId + "/transitions", Map.of("to", "UNDER_REVIEW",
                "reason", REVIEW), officer));
        HttpResponse<String> moved = post("/api/complaints/cases/" + caseId + "/transitions", Map.of("to", "FORWARDED",
                "reason", REASON, "referral", Map.of("body", "NACC")), officer);
        done(moved);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Bangkok"));
        HttpResponse<String> answered = post("/api/complaints/cases/" + caseId + "/referral-answer", Map.of(
                "receivedOn", today.toString(), "summary", ANSWER, "outcome", "STILL_INVESTIGATING"), officer);
        done(answered);
        HttpResponse<String> letter = post("/api/complaints/cases", Map.of("channel", "LETTER",
                "receivedOn", today.toString(), "category", "MISCONDUCT", "details", LETTER_DETAILS,
                "letterRef", LETTER, "letterDate", today.toString()), officer);
        assertThat(letter.statusCode()).as(letter.body()).isEqualTo(201);
        String letterId = json.readTree(letter.body()).get("caseId").asString();

        // The officer reads every text, and the photo, through the API.
        JsonNode view = json.readTree(TestHttp.get(port, "/api/complaints/cases/" + caseId, officer).body());
        assertThat(view.get("details").asString()).isEqualTo(DETAILS);
        assertThat(view.get("location").asString()).isEqualTo(LOCATION);
        assertThat(texts(view.get("messages"), "text")).containsExactly(FROM_REPORTER, FROM_OFFICER);
        assertThat(texts(view.get("notes"), "text")).containsExactly(NOTE);
        assertThat(texts(view.get("history"), "reason")).contains(REVIEW, REASON);
        assertThat(texts(view.at("/referral/answers"), "summary")).containsExactly(ANSWER);
        String fileId = view.get("attachments").get(0).get("fileId").asString();
        byte[] kept = TestHttp.getBytes(port, "/api/complaints/cases/" + caseId + "/attachments/" + fileId, officer)
                .body();
        assertThat(kept.length).isGreaterThan(4096);
        JsonNode letterView = json.readTree(TestHttp.get(port, "/api/complaints/cases/" + letterId, officer).body());
        assertThat(letterView.get("letterRef").asString()).isEqualTo(LETTER);
        assertThat(letterView.get("details").asString()).isEqualTo(LETTER_DETAILS);
        // The queue's summary is the details' opening, as before.
        JsonNode queue = json.readTree(TestHttp.get(port, "/api/complaints/cases?size=50", officer).body());
        assertThat(texts(queue.get("items"), "summary")).contains(DETAILS, LETTER_DETAILS);
        // The reporter reads both messages with the tracking code.
        JsonNode progress = json.readTree(post("/api/complaints/track", Map.of("trackingCode", code), null).body());
        assertThat(texts(progress.get("messages"), "text")).containsExactly(FROM_REPORTER, FROM_OFFICER);

        // The raw store: its files (once written, about every second), every document as the store returns it
        // (complaints, GridFS files and chunks, everything else), hold none of it.
        STORE.awaitInFiles(caseId.getBytes(StandardCharsets.US_ASCII));
        STORE.awaitInFiles(letterId.getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(1500);
        List<byte[]> dumps = new ArrayList<>();
        dumps.add(STORE.files());
        dumps.add(rawDocuments());
        dumps.add(gridFsChunks());
        for (String secret : List.of(DETAILS, LOCATION, FROM_REPORTER, FROM_OFFICER, NOTE, REVIEW, REASON, ANSWER, LETTER,
                LETTER_DETAILS)) {
            // the whole text, its Thai opening and its English tag
            for (String part : List.of(secret, secret.substring(0, 12), secret.substring(secret.lastIndexOf(' ') + 1))) {
                byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                for (byte[] dump : dumps) {
                    assertThat(RawStore.indexOf(dump, utf8)).as("\"%s\" in the raw store", part).isEqualTo(-1);
                }
            }
        }
        // any 32-byte window of the photo as the officer reads it (its compressed pixels are random)
        for (int at = 64; at + 32 < kept.length; at += 499) {
            byte[] window = Arrays.copyOfRange(kept, at, at + 32);
            for (byte[] dump : dumps) {
                assertThat(RawStore.indexOf(dump, window)).as("the photo's bytes at %d in the raw store", at).isEqualTo(-1);
            }
        }
        // the GridFS file record does not keep the reporter's file name
        assertThat(RawStore.indexOf(dumps.get(1), "evidence.png".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);

        // Whoever can write to the store cannot make a sealed text show elsewhere: the internal note's sealed form
        // copied over the reporter's message (which the reporter reads), or the details copied onto another case,
        // do not open there (each is bound to its case and place).
        Document stored = mongo.findById(caseId, Document.class, "complaints");
        Object sealedNote = stored.getList("notes", Document.class).get(0).get("text");
        List<Document> messages = stored.getList("messages", Document.class);
        messages.get(0).put("text", sealedNote);
        mongo.getCollection("complaints").updateOne(new Document("_id", caseId),
                new Document("$set", new Document("messages", messages)));
        HttpResponse<String> reporterReads = post("/api/complaints/track", Map.of("trackingCode", code), null);
        assertThat(reporterReads.statusCode()).isNotEqualTo(200);
        assertThat(reporterReads.body()).doesNotContain(NOTE).doesNotContain("internal-vb");
        mongo.getCollection("complaints").updateOne(new Document("_id", letterId),
                new Document("$set", new Document("details", stored.get("details"))));
        HttpResponse<String> otherCase = TestHttp.get(port, "/api/complaints/cases/" + letterId, officer);
        assertThat(otherCase.statusCode()).isNotEqualTo(200);
        assertThat(otherCase.body()).doesNotContain(DETAILS).doesNotContain("invoice-qz");
    }

    @Test
    void theReasonsAndNotesOfTheTwoPersonRevealAreSealedAndStillReadWhereTheyAreShown() throws Exception {
        String ask = "ต้องโทรหาผู้ร้องเรื่องผู้รับเหมาถนนซอย 12 ask-rd" + TAG;
        String approve = "อนุมัติเฉพาะเพื่อนัดสอบปากคำพยาน approve-lk" + TAG;
        String why = "นัดสอบปากคำเรื่องการตรวจรับงานถนน reveal-fy" + TAG;
        String officer = TestIssuer.shared().builder("officer-sealed-2").agency(AGENCY).roles("OFFICER")
                .claim("name", "เจ้าหน้าที่ทดสอบ").secondFactor().sign();
        String head = TestIssuer.shared().builder("head-sealed").agency(AGENCY).roles("HEAD")
                .claim("name", "ผู้อำนวยการเขต").secondFactor().sign();
        var body = new Multipart().json("complaint", json.writeValueAsString(Map.of("agency", AGENCY,
                "category", "CORRUPTION", "subcategory", "BRIBERY", "details", "ผู้รับเหมาไม่ทำตามแบบ",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", "นายสมชาย ทดสอบ", "phone", "0812345678"))));
        HttpResponse<String> filed = TestHttp.postBytes(port, "/api/complaints", body.contentType(), body.bytes());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseId = caseIdOf(json.readTree(filed.body()), officer);

        HttpResponse<String> asked = post("/api/complaints/cases/" + caseId + "/identity-requests",
                Map.of("reason", ask), officer);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String requestId = json.readTree(asked.body()).get("id").asString();
        JsonNode pending = json.readTree(TestHttp.get(port, "/api/complaints/identity-requests?status=PENDING", head)
                .body());
        assertThat(texts(pending, "reason")).containsExactly(ask);
        done(post("/api/complaints/identity-requests/" + requestId + "/approve", Map.of("note", approve), head));
        done(post("/api/complaints/cases/" + caseId + "/identity", Map.of("reason", why), officer));
        JsonNode mine = json.readTree(TestHttp.get(port, "/api/complaints/cases/" + caseId + "/identity-requests",
                officer).body());
        assertThat(texts(mine, "note")).containsExactly(approve);
        JsonNode reveals = json.readTree(TestHttp.get(port,
                "/api/complaints/audit/identity-reveals?caseId=" + caseId, head).body());
        assertThat(texts(reveals.get("items"), "reason")).containsExactly(why);

        STORE.awaitInFiles(requestId.getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(1500);
        List<byte[]> dumps = List.of(STORE.files(), rawDocuments());
        for (String secret : List.of(ask, approve, why)) {
            for (String part : List.of(secret, secret.substring(0, 12), secret.substring(secret.lastIndexOf(' ') + 1))) {
                byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                for (byte[] dump : dumps) {
                    assertThat(RawStore.indexOf(dump, utf8)).as("\"%s\" in the raw store", part).isEqualTo(-1);
                }
            }
        }
    }

    /** The case a receipt names, found by its case number as an officer would. */
    private String caseIdOf(JsonNode receipt, String officer) throws Exception {
        String q = java.net.URLEncoder.encode(receipt.get("caseNumber").asString(), StandardCharsets.UTF_8);
        return json.readTree(TestHttp.get(port, "/api/complaints/cases?q=" + q, officer).body())
                .get("items").get(0).get("id").asString();
    }

    private HttpResponse<String> post(String path, Map<String, ?> body, String token) throws Exception {
        return TestHttp.request(port, "POST", path, "application/json", json.writeValueAsString(body), token);
    }

    private static void done(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> {
            if (item.hasNonNull(field)) {
                out.add(item.get(field).asString());
            }
        });
        return out;
    }

    /** Every document of every collection, as the store hands it to any client (JSON, binaries as bytes). */
    private byte[] rawDocuments() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String collection : mongo.getCollectionNames()) {
            for (Document d : mongo.getCollection(collection).find()) {
                all.write(d.toJson().getBytes(StandardCharsets.UTF_8));
            }
        }
        return all.toByteArray();
    }

    private byte[] gridFsChunks() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Document chunk : mongo.getCollection("fs.chunks").find()) {
            all.write(chunk.get("data", Binary.class).getData());
        }
        return all.toByteArray();
    }
}
