package th.integrity.complaints.reporternotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.identity.Sealed;
import th.integrity.embedded.MailServer;
import th.integrity.platform.web.FieldLabels;
import th.integrity.testkit.TestInfrastructure;

/**
 * The reporter's notice-only address, end to end against real Kafka, the MongoDB-wire server and the development
 * mail server (SMTP): the notice arrives after what the reporter can see changes, says nothing about the case,
 * survives an SMTP outage, and the address is stored only sealed and is gone once the case closes.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReporterNoticeTest extends IntegrationTestSupport {

    private static final String AGENCY = "wangthonglang";
    private static final String DETAILS = "เจ้าหน้าที่ฝ่ายโยธาเรียกรับเงินค่าอนุญาตก่อสร้างนอกระบบ ซอยลาดพร้าว 101";
    private static final Pattern THAI = Pattern.compile(".*\\p{IsThai}.*", Pattern.DOTALL);

    @Autowired
    IdentityVault vault;

    private final MailServer smtp = TestInfrastructure.mailServer();

    record Filed(String code, String caseId, String caseNumber) {
    }

    private Filed file(String address, Map<String, Object> reporter) {
        Map<String, Object> complaint = new HashMap<>(Map.of("agency", AGENCY, "category", "CORRUPTION",
                "details", DETAILS, "noticeEmail", address));
        if (reporter != null) {
            complaint.put("reporter", reporter);
        }
        HttpResponse<String> response = post("/api/complaints", "application/json", json.writeValueAsString(complaint));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode receipt = body(response);
        String code = receipt.get("trackingCode").asString();
        return new Filed(code, caseIdOf(code), receipt.get("caseNumber").asString());
    }

    private static String address() {
        return "reporter-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private MailServer.Mail mailTo(String address) {
        MailServer.Mail mail = smtp.await(m -> m.to().equals(address), Duration.ofSeconds(20));
        assertThat(mail).as("a notice to " + address).isNotNull();
        return mail;
    }

    private List<MailServer.Mail> allTo(String address) {
        return smtp.received().stream().filter(m -> m.to().equals(address)).toList();
    }

    @Test
    void anOfficersMessageBringsTheReporterANoticeThatSaysNothingAboutTheCase(CapturedOutput log) throws Exception {
        String address = address();
        Filed filed = file(address, null);
        Thread.sleep(1_000);
        assertThat(allTo(address)).as("filing is no news to the reporter").isEmpty();

        String message = "ขอภาพถ่ายใบเสร็จเพิ่มเติมครับ";
        assertThat(call("POST", "/api/complaints/cases/" + filed.caseId() + "/messages", Map.of("text", message),
                officer(AGENCY)).statusCode()).isEqualTo(201);

        MailServer.Mail mail = mailTo(address);
        assertThat(mail.from()).contains("no-reply@integrity.localhost");
        assertThat(mail.subject()).matches(THAI).contains("There is news on your complaint");
        assertThat(mail.text()).contains("http://localhost:8080").contains("tracking code").contains("รหัสติดตาม");
        String everything = mail.subject() + "\n" + mail.text() + "\n" + java.util.Objects.toString(mail.file());
        String digits = filed.code().replace(" ", "");
        assertThat(everything).doesNotContain(digits).doesNotContain(filed.code())
                .doesNotContain(digits.substring(0, 8)).doesNotContain(digits.substring(8))
                .doesNotContain(filed.caseNumber()).doesNotContain(filed.caseNumber().split(" ")[1])
                .doesNotContain(filed.caseId()).doesNotContain("ลาดพร้าว").doesNotContain("ใบเสร็จ")
                .doesNotContain(AGENCY).doesNotContain("CORRUPTION");
        Thread.sleep(1_000);
        assertThat(allTo(address)).as("one notice for one piece of news").hasSize(1);
        assertThat(log.getAll()).doesNotContain(address).doesNotContain(address.substring(0, address.indexOf('@')));
    }

    @Test
    void aConfidentialReportersNoticeGoesToTheNoticeAddressAloneAfterAMove() {
        String address = address();
        Filed filed = file(address, Map.of("mode", "CONFIDENTIAL", "name", "วิชัย ผู้แจ้ง", "email",
                "wichai-identity@example.org"));
        assertThat(call("POST", "/api/complaints/cases/" + filed.caseId() + "/transitions",
                Map.of("to", "UNDER_REVIEW", "reason", "รับไว้พิจารณา"), officer(AGENCY)).statusCode()).isEqualTo(200);

        mailTo(address);
        assertThat(smtp.received()).noneMatch(m -> m.to().equals("wichai-identity@example.org"));
    }

    @Test
    void theAddressIsNeverStoredOrShownInClear() {
        String address = address();
        Filed filed = file(address, null);
        call("POST", "/api/complaints/cases/" + filed.caseId() + "/messages", Map.of("text", "รับเรื่องแล้ว"),
                officer(AGENCY));
        mailTo(address);

        String local = address.substring(0, address.indexOf('@'));
        Document stored = mongo.findById(filed.caseId(), Document.class, "complaints");
        assertThat(stored.get("noticeAddress", Document.class)).as("sealed").isNotNull();
        // Every document of every collection, as stored: no trace of the address in any form.
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                assertThat(document.toJson()).as(collection).doesNotContain(local)
                        .doesNotContain(java.util.Base64.getEncoder().encodeToString(address.getBytes()));
            }
        }
        // Not in the officer's view, the queue, the reporter's own tracking page or any event.
        assertThat(call("GET", "/api/complaints/cases/" + filed.caseId(), null, officer(AGENCY)).body())
                .doesNotContain(local).doesNotContain("noticeAddress");
        assertThat(call("POST", "/api/complaints/track", Map.of("trackingCode", filed.code()), null).body())
                .doesNotContain(local).doesNotContain("noticeAddress");
        assertThat(eventsOf(AGENCY, filed.caseId(), 2)).allSatisfy(event -> assertThat(event.toString())
                .doesNotContain(local).doesNotContain("notice"));
    }

    @Test
    void aNoticeWaitsWhileTheMailServerIsDownAndArrivesWhenItIsBack() throws Exception {
        String address = address();
        Filed filed = file(address, null);
        smtp.stop();
        try {
            call("POST", "/api/complaints/cases/" + filed.caseId() + "/messages", Map.of("text", "ขอเอกสารเพิ่ม"),
                    officer(AGENCY));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                Document queued = mongo.findById(filed.caseId(), Document.class, "reporter_notices");
                return queued != null && queued.getInteger("attempts", 0) >= 1;
            });
        } finally {
            smtp.start();
        }
        mailTo(address);
    }

    @Test
    void theAddressIsGoneOnceTheCaseClosesAfterTheClosingIsNoticed() {
        String address = address();
        Filed filed = file(address, null);
        assertThat(call("POST", "/api/complaints/cases/" + filed.caseId() + "/transitions", Map.of("to",
                "CLOSED_WITHOUT_INQUIRY", "reason", "เรื่องซ้ำ", "closureReason", "DUPLICATE"), officer(AGENCY))
                .statusCode()).isEqualTo(200);

        mailTo(address);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(mongo.findById(filed.caseId(), Document.class, "complaints")).doesNotContainKey("noticeAddress");
            assertThat(mongo.findById(filed.caseId(), Document.class, "reporter_notices")).isNull();
        });
    }

    @Test
    void theAddressIsShreddedWithTheCaseKeyAndOpensOnlyAsANoticeAddress() {
        String address = address();
        Filed filed = file(address, null);
        Document sealedDoc = mongo.findById(filed.caseId(), Document.class, "complaints").get("noticeAddress",
                Document.class);
        Sealed sealed = new Sealed(sealedDoc.getString("keyId"), sealedDoc.getString("nonce"),
                sealedDoc.getString("ciphertext"));
        assertThat(vault.openNoticeAddress(AGENCY, filed.caseId(), sealed)).contains(address);
        assertThat(vault.openNoticeAddress(AGENCY, UUID.randomUUID().toString(), sealed)).as("another case").isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> vault.openIdentity(AGENCY, filed.caseId(),
                sealed))).as("not an identity").isNotNull();

        assertThat(vault.shred(AGENCY, filed.caseId())).isTrue();
        assertThat(vault.openNoticeAddress(AGENCY, filed.caseId(), sealed)).isEmpty();
    }

    @Test
    void aBadAddressIsRefusedInThaiAndEnglishAndNothingIsStored() {
        List<String> hostile = List.of("not-an-address", "a@b", "name@example", "a b@example.org",
                "a@example.org\r\nBcc: spy@example.org", "a@example.org\nSubject: x", "a@example.org, b@example.org",
                "a@example.org;b@example.org", "<a@example.org>", "Name <a@example.org>", "\"a\"@example.org",
                "a@example.org\u0000", "a@@example.org", "@example.org", "a@.example.org", "a@example..org",
                ".a@example.org", "a.@example.org", "ผู้แจ้ง@example.org", "a@ตัวอย่าง.ไทย", "a@[127.0.0.1]",
                "a".repeat(250) + "@example.org", "a@example.org\u202e", "a@-example.org");
        long before = storedComplaints();
        for (String bad : hostile) {
            HttpResponse<String> response = post("/api/complaints", "application/json", json.writeValueAsString(
                    Map.of("agency", AGENCY, "category", "OTHER", "details", DETAILS, "noticeEmail", bad)));
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            JsonNode problem = body(response);
            assertThat(fields(problem)).as(bad).containsExactly("noticeEmail");
            JsonNode error = problem.get("errors").get(0);
            assertThat(error.get("message_en").asString()).contains("e-mail address").doesNotContain("{");
            assertThat(error.get("message_th").asString()).matches(THAI).contains("อีเมล");
            assertThat(problem.get("detail").asString()).contains(FieldLabels.of("noticeEmail").en());
            assertThat(problem.get("detail_th").asString()).contains(FieldLabels.of("noticeEmail").th());
        }
        assertThat(storedComplaints()).as("nothing stored").isEqualTo(before);

        // Ordinary addresses pass, and an empty field is no address at all.
        for (String good : List.of("somchai.j+news@mail.example.co.th", "A_B-c%d@sub-domain.example.org")) {
            assertThat(mongo.findById(file(good, null).caseId(), Document.class, "complaints").get("noticeAddress"))
                    .isNotNull();
        }
        assertThat(mongo.findById(file("  ", null).caseId(), Document.class, "complaints"))
                .doesNotContainKey("noticeAddress");
    }
}
