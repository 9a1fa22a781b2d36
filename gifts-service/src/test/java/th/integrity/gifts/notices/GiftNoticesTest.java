package th.integrity.gifts.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.embedded.Ports;
import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.testkit.TestInfrastructure;
import th.integrity.testkit.TestIssuer;

/**
 * Issue 18 §3 for gifts: a declaration that needs a decision is mailed to the heads who decide it, the decision to
 * the declarant only; read from a real SMTP server (GreenMail). Its own database and consumer group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "integrity.outbox.max-backoff=1s", "integrity.outbox.poll-interval=500ms",
                "integrity.notices.mail.poll-interval=300ms", "integrity.notices.mail.first-retry=300ms",
                "integrity.notices.mail.max-retry=1s", "integrity.notices.site-url=https://integrity.example.go.th",
                "integrity.gifts.notices.consumer-group=gifts-notices-test" })
class GiftNoticesTest {

    private static final String AGENCY = "wangthonglang";
    private static final int SMTP_PORT = Ports.free();
    private static final GreenMail SMTP = new GreenMail(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry::add, "gifts-notices");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    // Fresh people per test, so one test's notices never count in another's.
    String staff;
    String otherStaff;
    String head;
    String otherHead;
    String officer;
    String otherAgencyHead;
    String aboveHead;
    String run;

    String person(String who, String agency, String... roles) {
        return TestIssuer.shared().builder(who + "-" + run).agency(agency).roles(roles)
                .claim("name", "ผู้ทดสอบ " + who).claim("email", address(who, agency)).sign();
    }

    String address(String who, String agency) {
        return who + "-" + run + "@" + agency + ".example";
    }

    @BeforeEach
    void everyoneSignsIn() {
        run = UUID.randomUUID().toString().substring(0, 8);
        staff = person("staff", AGENCY, "STAFF");
        otherStaff = person("staff2", AGENCY, "STAFF");
        head = person("head", AGENCY, "HEAD");
        otherHead = person("head2", AGENCY, "HEAD");
        officer = person("officer", AGENCY, "OFFICER");
        otherAgencyHead = person("head-hk", "huaikhwang", "HEAD");
        aboveHead = person("ps", "bma", "HEAD");
        for (String token : List.of(staff, otherStaff, head, otherHead, officer, otherAgencyHead, aboveHead)) {
            assertThat(call("GET", "/api/gifts/notices", null, token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aGiftAwaitingDecisionGoesToTheAgencysHeadsAndTheDecisionToTheDeclarantOnly() throws Exception {
        String id = declare(staff);
        awaitMail(address("head", AGENCY), "รอการวินิจฉัย");
        MimeMessage toOtherHead = awaitMail(address("head2", AGENCY), "รอการวินิจฉัย");
        assertThat(body(toOtherHead)).contains("https://integrity.example.go.th/#/head");
        assertSaysNothingOfTheGift(toOtherHead);

        HttpResponse<String> decided = call("POST", "/api/gifts/declarations/" + id + "/decision",
                Map.of("decision", "HAND_TO_AGENCY", "note", "NOTE-SECRET ให้ส่งมอบเป็นทรัพย์สินของทางราชการ"), head);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        MimeMessage toDeclarant = awaitMail(address("staff", AGENCY), "วินิจฉัยแล้ว");
        assertThat(body(toDeclarant)).contains("https://integrity.example.go.th/#/staff").doesNotContain("NOTE-SECRET")
                .doesNotContain("HAND_TO_AGENCY").doesNotContain("ส่งมอบ");
        assertSaysNothingOfTheGift(toDeclarant);

        Thread.sleep(1500);
        assertThat(mailedThisRun()).containsExactlyInAnyOrder(address("head", AGENCY), address("head2", AGENCY),
                address("staff", AGENCY));
        assertThat(kinds(staff)).containsExactly("gift-decided");
        assertThat(kinds(otherStaff)).isEmpty();
        assertThat(kinds(officer)).isEmpty();
        assertThat(kinds(otherAgencyHead)).isEmpty();
        assertThat(kinds(aboveHead)).isEmpty();
    }

    @Test
    void aHeadsOwnGiftGoesToTheHeadAboveNeverToHerOrHerPeers() throws Exception {
        declare(head);
        awaitMail(address("ps", "bma"), "รอการวินิจฉัย");
        Thread.sleep(1500);
        assertThat(mailedThisRun()).containsExactly(address("ps", "bma"));
        assertThat(kinds(head)).isEmpty();
        assertThat(kinds(otherHead)).isEmpty();
    }

    @Test
    void theDeclarantWhoTurnedDecisionMailOffSeesItInTheAppOnly() throws Exception {
        HttpResponse<String> off = call("PUT", "/api/gifts/notices/preferences",
                Map.of("kinds", Map.of("gift-decided", false)), staff);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json.readTree(off.body()).get("kinds").get(0).get("email").asBoolean()).isFalse();
        String id = declare(staff);
        awaitMail(address("head", AGENCY), "รอการวินิจฉัย");
        assertThat(call("POST", "/api/gifts/declarations/" + id + "/decision",
                Map.of("decision", "MAY_KEEP", "note", "เก็บไว้ได้"), head).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> kinds(staff).contains("gift-decided"));
        JsonNode list = json.readTree(call("GET", "/api/gifts/notices", null, staff).body());
        assertThat(list.get("unread").asInt()).isEqualTo(1);
        Thread.sleep(1500);
        assertThat(mailedThisRun()).doesNotContain(address("staff", AGENCY));

        // The gifts-service knows only its own kinds, and only those the person can receive.
        for (String kind : List.of("complaint-new", "gift-awaiting-decision", "GIFT-DECIDED", "")) {
            HttpResponse<String> refused = call("PUT", "/api/gifts/notices/preferences",
                    Map.of("kinds", Map.of("gift-decided", true, kind, true)), staff);
            assertThat(refused.statusCode()).as(kind).isEqualTo(400);
        }
        JsonNode preferences = json.readTree(call("GET", "/api/gifts/notices/preferences", null, staff).body());
        assertThat(preferences.get("email").asString()).isEqualTo(address("staff", AGENCY));
        assertThat(preferences.get("kinds").findValuesAsString("kind")).containsExactly("gift-decided");
        assertThat(preferences.get("kinds").get(0).get("email").asBoolean()).isFalse();
    }

    // ---- helpers

    private void assertSaysNothingOfTheGift(MimeMessage mail) throws Exception {
        assertThat(mail.getSubject() + body(mail)).doesNotContain("GIFT-SECRET").doesNotContain("นาฬิกา")
                .doesNotContain("GIVER-SECRET").doesNotContain("4500").doesNotContain("4,500")
                .doesNotContain("ผู้ทดสอบ");
    }

    private String declare(String token) {
        Map<String, Object> giver = Map.of("name", "GIVER-SECRET บริษัท ลับเฉพาะ จำกัด", "type", "ORGANISATION",
                "relation", "NOT_RELATIVE", "pendingBusiness", false);
        LocalDate today = LocalDate.now(FiscalCalendar.BANGKOK);
        Map<String, Object> gift = new LinkedHashMap<>();
        gift.put("offeredOn", today.minusDays(1).toString());
        gift.put("giver", giver);
        gift.put("kind", "ITEM");
        gift.put("description", "GIFT-SECRET นาฬิกาข้อมือทองคำ");
        gift.put("value", "4500.00");
        gift.put("valuation", "ราคาตามใบเสร็จ");
        gift.put("acceptanceReason", "ผู้ให้มอบไว้ที่สำนักงานโดยไม่ได้แจ้งล่วงหน้า");
        gift.put("occasion", "NEW_YEAR");
        gift.put("disposition", "KEPT");
        HttpResponse<String> response = call("POST", "/api/gifts/declarations", gift, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode declared = json.readTree(response.body());
        assertThat(declared.at("/evaluation/outcome").asString()).isEqualTo("NEEDS_DECISION");
        return declared.get("id").asString();
    }

    private List<String> kinds(String token) {
        HttpResponse<String> response = call("GET", "/api/gifts/notices", null, token);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("items").findValuesAsString("kind");
    }

    private List<String> mailedThisRun() {
        return Arrays.stream(SMTP.getReceivedMessages()).flatMap(m -> to(m).stream())
                .filter(address -> address.contains("-" + run + "@")).toList();
    }

    private MimeMessage awaitMail(String address, String subjectPart) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Arrays.stream(SMTP.getReceivedMessages())
                        .filter(m -> to(m).contains(address) && subject(m).contains(subjectPart)).findFirst()
                        .orElse(null), m -> m != null);
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

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, Object body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
