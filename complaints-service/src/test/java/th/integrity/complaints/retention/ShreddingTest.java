package th.integrity.complaints.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.integrity.complaints.Multipart;
import th.integrity.complaints.RawStore;
import th.integrity.complaints.TestHttp;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.identity.Sealed;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18, "data that is really gone", against a file-backed store like the launcher's: the reporter's identity and
 * the attachment never reach the store's file in clear; the purge (retention shortened to nothing here) destroys the
 * case's data key, after which a copy taken before the purge (the sealed identity, the sealed file) opens no more;
 * the head's report says what was purged without content; and neither the store's file nor the logs hold the
 * identity's or the attachment's bytes at any point.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "integrity.complaints.retention.after-conclusion=P0D",
                "integrity.complaints.retention.check-interval=1h" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ShreddingTest {

    private static final String AGENCY = "wangthonglang";
    private static final String DATABASE = "complaints-shredding";
    private static final String NAME = "ประภัสสร ทดสอบลบจริง";
    private static final String EMAIL = "shred.proof.7f3a@example.org";
    private static final String PHONE = "0867130042";
    private static final RawStore STORE = RawStore.start("shredding");

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
    @Autowired
    RetentionPurge purge;
    @Autowired
    IdentityVault vault;

    @Test
    void afterThePurgeNoCopyOfTheIdentityOrTheFileOpensAndNothingOfThemIsInTheStoreOrTheLogs(CapturedOutput logs)
            throws Exception {
        String officer = TestIssuer.shared().token("officer-shred", AGENCY, "OFFICER");
        var body = new Multipart().json("complaint", json.writeValueAsString(Map.of("agency", AGENCY,
                "category", "CORRUPTION", "subcategory", "BRIBERY",
                "details", "เจ้าหน้าที่เรียกรับเงินเพื่อไม่ตรวจร้านค้าที่ตั้งบนทางเท้า",
                "reporter", Map.of("mode", "CONFIDENTIAL", "name", NAME, "phone", PHONE, "email", EMAIL))))
                .file("evidence.png", "image/png", RawStore.noisePng());
        HttpResponse<String> filed = TestHttp.postBytes(port, "/api/complaints", body.contentType(), body.bytes());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        Document stored = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(), Document.class,
                "complaints");
        String caseId = stored.getString("_id");
        String fileId = stored.getList("attachments", Document.class).get(0).getString("fileId");
        // What the officer reads is the attachment's bytes as kept (cleaned of metadata).
        byte[] attachment = TestHttp.getBytes(port, "/api/complaints/cases/" + caseId + "/attachments/" + fileId, officer)
                .body();
        assertThat(attachment.length).isGreaterThan(4096);
        // "a backup taken before the purge": the sealed identity and the sealed file as stored now
        Document identity = stored.get("reporter", Document.class).get("identity", Document.class);
        Sealed sealedIdentity = new Sealed(identity.getString("keyId"), identity.getString("nonce"),
                identity.getString("ciphertext"));
        assertThat(vault.openIdentity(AGENCY, caseId, sealedIdentity)).isPresent();

        // Sealed at rest: the store's file holds the case (so the search can find things) but none of these bytes.
        STORE.awaitInFiles(caseId.getBytes(StandardCharsets.US_ASCII));
        assertNotInStoreFileNorLogs(attachment, logs);

        assertThat(TestHttp.request(port, "POST", "/api/complaints/cases/" + caseId + "/transitions", "application/json",
                json.writeValueAsString(Map.of("to", "CLOSED_WITHOUT_INQUIRY", "reason", "ผู้ร้องขอถอนเรื่อง",
                        "closureReason", "WITHDRAWN")), officer).statusCode()).isEqualTo(200);
        Thread.sleep(1500);
        assertThat(purge.purgeDue()).isEqualTo(1);

        // the key is gone: the copy taken before opens no more, nor does the file
        assertThat(mongo.getCollection("case_keys").countDocuments()).isZero();
        assertThat(vault.openIdentity(AGENCY, caseId, sealedIdentity)).isEmpty();
        assertThat(TestHttp.getBytes(port, "/api/complaints/cases/" + caseId + "/attachments/" + fileId, officer)
                .statusCode()).isEqualTo(404);

        // the head's report: what and when, no content
        String head = TestIssuer.shared().token("head-shred", AGENCY, "HEAD");
        HttpResponse<String> report = TestHttp.get(port, "/api/complaints/retention/purges", head);
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode entry = json.readTree(report.body()).get("items").get(0);
        assertThat(entry.get("caseId").asString()).isEqualTo(caseId);
        assertThat(entry.get("identity").asBoolean()).isTrue();
        assertThat(entry.get("keyDestroyed").asBoolean()).isTrue();
        assertThat(entry.get("attachments").asInt()).isEqualTo(1);
        assertThat(entry.get("purgedAt").asString()).isNotBlank();
        assertThat(report.body()).doesNotContain("ประภัสสร").doesNotContain("shred.proof").doesNotContain("ทางเท้า");
        assertThat(TestHttp.get(port, "/api/complaints/retention/purges", officer).statusCode()).isEqualTo(403);

        Thread.sleep(1500); // the store writes its file about every second
        assertNotInStoreFileNorLogs(attachment, logs);
    }

    private void assertNotInStoreFileNorLogs(byte[] attachment, CapturedOutput logs) throws IOException {
        byte[] file = STORE.files();
        for (String secret : List.of(NAME, "ประภัสสร", EMAIL, PHONE, PHONE.substring(3))) {
            byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
            assertThat(RawStore.indexOf(file, utf8)).as("%s in the store's file", secret).isEqualTo(-1);
            assertThat(logs.getAll()).as("logs").doesNotContain(secret);
        }
        // any 48-byte window of the attachment (its compressed pixels are random, so a match is no coincidence)
        for (int at = 64; at + 48 < attachment.length; at += 997) {
            byte[] window = Arrays.copyOfRange(attachment, at, at + 48);
            assertThat(RawStore.indexOf(file, window)).as("the attachment's bytes at %d in the store's file", at).isEqualTo(-1);
        }
    }
}
