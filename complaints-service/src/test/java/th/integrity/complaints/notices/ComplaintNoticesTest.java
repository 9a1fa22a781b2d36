package th.integrity.complaints.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.MovableClock;
import th.integrity.complaints.TestHttp;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.embedded.Ports;
import th.integrity.platform.notices.Notice;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;
import th.integrity.testkit.TopicReader;

/**
 * Issue 18 §3 for officers and heads: the service's own events become notices in the app and mails read here from
 * a real SMTP server (GreenMail). Its own database and consumer group, so the shared test context (mail off) never
 * handles these cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "integrity.outbox.max-backoff=1s", "integrity.outbox.poll-interval=500ms",
                "integrity.notices.mail.poll-interval=300ms", "integrity.notices.mail.first-retry=300ms",
                "integrity.notices.mail.max-retry=1s", "integrity.notices.site-url=https://integrity.example.go.th",
                "integrity.complaints.notices.consumer-group=complaints-notices-test",
                "integrity.complaints.notices.sweep-interval=1h" })
@Import(ComplaintNoticesTest.Clocks.class)
class ComplaintNoticesTest {

    private static final String DB = "complaints-notices";
    private static final String AGENCY = "wangthonglang";
    private static final int SMTP_PORT = Ports.free();
    private static GreenMail smtp = startSmtp();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry::add, DB);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MovableClock clock;
    @Autowired
    DeadlineNotices deadlines;

    // The people of this test: each signs in once (a request) and so becomes a recipient.
    static final String OFFICER = person("n-officer", AGENCY, "OFFICER");
    static final String OFFICER_OPTED_OUT = person("n-officer-quiet", AGENCY, "OFFICER");
    static final String OTHER_AGENCY_OFFICER = person("n-officer-hk", "huaikhwang", "OFFICER");
    static final String STAFF = person("n-staff", AGENCY, "STAFF");
    static final String HEAD = person("n-head", AGENCY, "HEAD");

    static String person(String subject, String agency, String... roles) {
        return TestIssuer.shared().builder(subject).agency(agency).roles(roles).claim("name", "คนทดสอบ " + subject)
                .claim("email", subject + "@" + agency + ".example").secondFactor().sign();
    }

    static String address(String subject, String agency) {
        return subject + "@" + agency + ".example";
    }

    @BeforeEach
    void everyoneSignsIn() throws Exception {
        for (String token : List.of(OFFICER, OFFICER_OPTED_OUT, OTHER_AGENCY_OFFICER, STAFF, HEAD)) {
            assertThat(call("GET", "/api/complaints/notices", null, token).statusCode()).isEqualTo(200);
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        if (!smtp.isRunning()) {
            smtp = startSmtp();
        }
    }

    @Test
    void aNewComplaintIsMailedToTheAgencysOfficersOnlyAndTheMailSaysNothingOfIt() throws Exception {
        assertThat(call("PUT", "/api/complaints/notices/preferences",
                Map.of("kinds", Map.of("complaint-new", false)), OFFICER_OPTED_OUT).statusCode()).isEqualTo(200);
        long unreadBefore = unread(OFFICER);

        String details = "NOTICE-SECRET-ข้อความลับเฉพาะ เจ้าหน้าที่รับเงินใต้โต๊ะที่ช่องสาม";
        HttpResponse<String> filed = call("POST", "/api/complaints", Map.of("agency", AGENCY, "category", "CORRUPTION",
                "details", details, "reporter", Map.of("mode", "CONFIDENTIAL", "name", "ประภาพรรณ ผู้ร้องพิเศษ",
                        "phone", "081-234-5678", "email", "prapaphan.reporter@example.org")), null);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(filed.body());
        String code = receipt.get("trackingCode").asString();
        String caseNumber = receipt.get("caseNumber").asString();

        MimeMessage mail = awaitMailTo(address("n-officer", AGENCY), "มีเรื่องร้องเรียนใหม่");
        // Give any wrongly addressed mail time to arrive too.
        Thread.sleep(1500);
        assertThat(recipientsOfAll()).contains(address("n-officer", AGENCY)).doesNotContain(
                address("n-officer-quiet", AGENCY), address("n-officer-hk", "huaikhwang"), address("n-staff", AGENCY),
                address("n-head", AGENCY));

        String text = mail.getSubject() + "\n" + mail.getContent();
        assertThat(text).contains("https://integrity.example.go.th/#/officer/case/")
                .contains("A new complaint has arrived for your agency.")
                .doesNotContain("NOTICE-SECRET").doesNotContain("ใต้โต๊ะ").doesNotContain("ประภาพรรณ")
                .doesNotContain("081").doesNotContain("prapaphan").doesNotContain(caseNumber)
                .doesNotContain(code).doesNotContain(code.replace(" ", ""))
                .doesNotContain(code.substring(0, 4) + " " + code.substring(5, 9));

        // In the app: the officer's count went up; the opted-out officer still sees it there; nobody else has it.
        assertThat(unread(OFFICER)).isEqualTo(unreadBefore + 1);
        assertThat(kinds(OFFICER_OPTED_OUT)).contains("complaint-new");
        assertThat(kinds(OTHER_AGENCY_OFFICER)).doesNotContain("complaint-new");
        assertThat(kinds(STAFF)).isEmpty();
        assertThat(kinds(HEAD)).doesNotContain("complaint-new");

        // Read: the count goes down; another person's notices are not touched by it.
        JsonNode first = list(OFFICER).get("items").get(0);
        assertThat(first.get("read").asBoolean()).isFalse();
        long othersUnread = unread(OFFICER_OPTED_OUT);
        assertThat(call("POST", "/api/complaints/notices/read", Map.of("ids", List.of(first.get("id").asString())),
                OFFICER_OPTED_OUT).statusCode()).isEqualTo(204);
        assertThat(unread(OFFICER)).isEqualTo(unreadBefore + 1);
        assertThat(call("POST", "/api/complaints/notices/read", Map.of("ids", List.of(first.get("id").asString())),
                OFFICER).statusCode()).isEqualTo(204);
        assertThat(unread(OFFICER)).isEqualTo(unreadBefore);
        assertThat(list(OFFICER).get("items").get(0).get("read").asBoolean()).isTrue();
        assertThat(call("POST", "/api/complaints/notices/read", Map.of(), OFFICER_OPTED_OUT).statusCode())
                .isEqualTo(204);
        assertThat(unread(OFFICER_OPTED_OUT)).isZero();
        assertThat(othersUnread).isPositive();

        // The same event delivered again makes no second notice and no second mail.
        String caseId = receipt.get("caseId") != null ? receipt.get("caseId").asString() : caseIdOfNewest();
        long notices = mongo.count(Query.query(Criteria.where("recipient").is("n-officer")), Notice.class);
        int mails = smtp.getReceivedMessages().length;
        redeliver(AGENCY + ":" + caseId, "complaint.submitted.v1");
        Thread.sleep(2500);
        assertThat(mongo.count(Query.query(Criteria.where("recipient").is("n-officer")), Notice.class))
                .isEqualTo(notices);
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void aReportersMessageGoesToTheOfficersAndAnIdentityRequestToTheHeadNotTheRequester() throws Exception {
        String code = fileConfidential("ข้อความแรก เรื่องทดสอบผู้ร้องส่งข่าว");
        awaitMailTo(address("n-officer", AGENCY), "มีเรื่องร้องเรียนใหม่");
        smtp.purgeEmailFromAllMailboxes();

        String secret = "REPORTER-NEWS-SECRET ผู้ร้องเห็นเหตุการณ์ซ้ำเมื่อวาน";
        HttpResponse<String> sent = call("POST", "/api/complaints/track/messages",
                Map.of("trackingCode", code, "text", secret), null);
        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 201);
        MimeMessage news = awaitMailTo(address("n-officer", AGENCY), "มีความเคลื่อนไหวจากผู้ร้อง");
        assertThat(news.getContent().toString()).doesNotContain("REPORTER-NEWS-SECRET").doesNotContain("เมื่อวาน")
                .doesNotContain(code).doesNotContain(code.replace(" ", ""));
        // The opted-out officer turned off complaint-new only: reporter news still reaches her.
        awaitMailTo(address("n-officer-quiet", AGENCY), "มีความเคลื่อนไหวจากผู้ร้อง");

        // An officer who is also a head asks: the other head is told, she is not.
        String caseId = caseIdOfNewest();
        String officerHead = person("n-officer-head", AGENCY, "OFFICER", "HEAD");
        call("GET", "/api/complaints/notices", null, officerHead);
        smtp.purgeEmailFromAllMailboxes();
        HttpResponse<String> asked = call("POST", "/api/complaints/cases/" + caseId + "/identity-requests",
                Map.of("reason", "ต้องสอบถามผู้ร้องเพิ่มเติมเรื่องวันเวลา"), officerHead);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        MimeMessage request = awaitMailTo(address("n-head", AGENCY), "คำขอเปิดเผยตัวตน");
        assertThat(request.getContent().toString()).contains("https://integrity.example.go.th/#/head")
                .doesNotContain("วันเวลา");
        Thread.sleep(1500);
        assertThat(recipientsOfAll()).containsOnly(address("n-head", AGENCY));
        assertThat(kinds(officerHead)).doesNotContain("identity-request-pending");
    }

    @Test
    void aMailThatCannotBeSentWhileSmtpIsDownArrivesOnceItIsBack() throws Exception {
        smtp.stop();
        fileConfidential("เรื่องทดสอบระหว่างเซิร์ฟเวอร์อีเมลล่ม");
        // The notice is there at once, its mail kept and tried again.
        Notice kept = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findOne(Query.query(
                Criteria.where("recipient").is("n-officer").and("mailAttempts").gte(2)), Notice.class), n -> n != null);
        assertThat(kept.mail()).isEqualTo(Notice.MailState.PENDING);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        smtp = startSmtp();
        awaitMailTo(address("n-officer", AGENCY), "มีเรื่องร้องเรียนใหม่");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> mongo.findById(kept.id(), Notice.class).mail() == Notice.MailState.SENT);
    }

    @Test
    void aDeadlineNearAndThenPastIsToldOncePerCaseAndDeadline() throws Exception {
        fileConfidential("เรื่องทดสอบกำหนดเวลา");
        awaitMailTo(address("n-officer", AGENCY), "มีเรื่องร้องเรียนใหม่");
        String caseId = caseIdOfNewest();
        smtp.purgeEmailFromAllMailboxes();
        deadlines.sweep();

        // RECEIVED is due in 15 days: 9 days on, it is due within the 7-day warning.
        clock.advance(Duration.ofDays(9));
        assertThat(deadlines.sweep()).isPositive();
        awaitMailTo(address("n-officer", AGENCY), "เรื่องใกล้ครบกำหนด", caseId);
        int soon = smtp.getReceivedMessages().length;
        assertThat(deadlines.sweep()).isZero();

        clock.advance(Duration.ofDays(7));
        assertThat(deadlines.sweep()).isPositive();
        awaitMailTo(address("n-officer", AGENCY), "เรื่องเกินกำหนด", caseId);
        assertThat(deadlines.sweep()).isZero();
        Thread.sleep(1500);
        // Officers of the agency only (the quiet one too: opting out of complaint-new is not opting out of these).
        assertThat(recipientsOfAll()).contains(address("n-officer", AGENCY), address("n-officer-quiet", AGENCY))
                .doesNotContain(address("n-officer-hk", "huaikhwang"), address("n-staff", AGENCY),
                        address("n-head", AGENCY));
        assertThat(smtp.getReceivedMessages().length).isGreaterThan(soon);
        for (String kind : List.of("เรื่องใกล้ครบกำหนด", "เรื่องเกินกำหนด")) {
            assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(kind)
                    && to(m).contains(address("n-officer", AGENCY)) && body(m).contains(caseId)).count())
                    .as(kind).isEqualTo(1);
        }
    }

    @Test
    void preferencesListWhatThePersonCanReceiveAndRefuseAnUnknownKindChangingNothing() {
        JsonNode officer = json.readTree(call("GET", "/api/complaints/notices/preferences", null, OFFICER).body());
        assertThat(officer.get("email").asString()).isEqualTo(address("n-officer", AGENCY));
        assertThat(officer.get("kinds").findValuesAsString("kind")).containsExactly("complaint-new", "reporter-news",
                "deadline-soon", "case-overdue");
        JsonNode head = json.readTree(call("GET", "/api/complaints/notices/preferences", null, HEAD).body());
        assertThat(head.get("kinds").findValuesAsString("kind")).containsExactly("identity-request-pending");

        for (Map<String, Object> hostile : List.<Map<String, Object>>of(
                Map.of("kinds", Map.of("reporter-news", false, "no-such-kind", true)),
                Map.of("kinds", Map.of("reporter-news", false, "identity-request-pending", false)),
                Map.of("kinds", Map.of("reporter-news", false, "COMPLAINT-NEW", false)),
                Map.of("kinds", Map.of("reporter-news", false, "gift-decided", false)),
                Map.of("kinds", Map.of("reporter-news", false, "x".repeat(5000), false)),
                Map.of("other", Map.of()))) {
            HttpResponse<String> refused = call("PUT", "/api/complaints/notices/preferences", hostile, OFFICER);
            assertThat(refused.statusCode()).as(hostile.keySet().toString()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"field\":\"kinds\"").contains("detail_th");
        }
        JsonNode after = json.readTree(call("GET", "/api/complaints/notices/preferences", null, OFFICER).body());
        assertThat(after).isEqualTo(officer);

        JsonNode changed = json.readTree(call("PUT", "/api/complaints/notices/preferences",
                Map.of("kinds", Map.of("reporter-news", false)), OFFICER).body());
        assertThat(changed.get("kinds").get(1).get("email").asBoolean()).isFalse();
        assertThat(call("PUT", "/api/complaints/notices/preferences", Map.of("kinds", Map.of("reporter-news", true)),
                OFFICER).statusCode()).isEqualTo(200);
        // Without a token: 401, as everywhere.
        assertThat(call("GET", "/api/complaints/notices", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonIsRecordedOnceEveryFewMinutesNotOnEveryRequestAndAtOnceWhenTheTokenChanges() {
        // Another agency's person, so the other tests' mails never reach her.
        String first = TestIssuer.shared().builder("n-recorded").agency("huaikhwang").roles("OFFICER")
                .claim("email", "first@huaikhwang.example").sign();
        call("GET", "/api/complaints/notices", null, first);
        Document recorded = recipient("n-recorded");
        assertThat(recorded.getString("email")).isEqualTo("first@huaikhwang.example");
        assertThat(recorded.getList("roles", String.class)).containsExactly("OFFICER");

        clock.advance(Duration.ofMinutes(2));
        call("GET", "/api/complaints/notices", null, first);
        call("GET", "/api/complaints/notices/preferences", null, first);
        assertThat(recipient("n-recorded").getDate("seenAt")).isEqualTo(recorded.getDate("seenAt"));

        clock.advance(Duration.ofMinutes(4));
        call("GET", "/api/complaints/notices", null, first);
        assertThat(recipient("n-recorded").getDate("seenAt")).isAfter(recorded.getDate("seenAt"));

        // A new address or role counts at once.
        String changed = TestIssuer.shared().builder("n-recorded").agency("huaikhwang").roles("OFFICER", "HEAD")
                .claim("email", "second@huaikhwang.example").sign();
        call("GET", "/api/complaints/notices", null, changed);
        assertThat(recipient("n-recorded").getString("email")).isEqualTo("second@huaikhwang.example");
        assertThat(recipient("n-recorded").getList("roles", String.class)).containsExactly("HEAD", "OFFICER");
    }

    // ---- helpers

    private Document recipient(String subject) {
        return mongo.findById(subject, Document.class, "notice_recipients");
    }

    private String fileConfidential(String details) {
        HttpResponse<String> filed = call("POST", "/api/complaints", Map.of("agency", AGENCY, "category", "CORRUPTION",
                "details", details, "reporter", Map.of("mode", "CONFIDENTIAL", "name", "ผู้ร้อง ทดสอบ",
                        "phone", "089-765-4321")), null);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return json.readTree(filed.body()).get("trackingCode").asString();
    }

    private String caseIdOfNewest() {
        Query newest = new Query().with(org.springframework.data.domain.Sort.by("receivedAt").descending()).limit(1);
        return mongo.findOne(newest, Document.class, Complaint.COLLECTION).getString("_id");
    }

    private HttpResponse<String> call(String method, String path, Object body, String token) {
        return TestHttp.request(port, method, path, body == null ? null : "application/json",
                body == null ? null : json.writeValueAsString(body), token);
    }

    private JsonNode list(String token) {
        HttpResponse<String> response = call("GET", "/api/complaints/notices?page=0&size=50", null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private long unread(String token) {
        return list(token).get("unread").asLong();
    }

    private List<String> kinds(String token) {
        return list(token).get("items").findValuesAsString("kind");
    }

    private MimeMessage awaitMailTo(String address, String subjectPart) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> to(m).contains(address) && subject(m).contains(subjectPart)).findFirst()
                        .orElse(null), m -> m != null);
    }

    private MimeMessage awaitMailTo(String address, String subjectPart, String bodyPart) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> to(m).contains(address) && subject(m).contains(subjectPart)
                                && body(m).contains(bodyPart)).findFirst().orElse(null), m -> m != null);
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> recipientsOfAll() {
        return Arrays.stream(smtp.getReceivedMessages()).flatMap(m -> to(m).stream()).distinct().toList();
    }

    private static List<String> to(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes again, unchanged, the first record of {@code type} under {@code key}: a redelivery. */
    private void redeliver(String key, String type) {
        ConsumerRecord<String, String> original = TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(),
                "complaints.v1").stream().filter(r -> key.equals(r.key()) && r.value().contains(type)).findFirst()
                .orElseThrow();
        Properties config = new Properties();
        config.put("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            // With the original's (hour-rounded) timestamp, as the relay publishing it again would.
            producer.send(new ProducerRecord<>("complaints.v1", null, original.timestamp(), original.key(),
                    original.value())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
