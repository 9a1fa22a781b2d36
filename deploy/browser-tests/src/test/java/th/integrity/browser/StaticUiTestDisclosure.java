package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import th.integrity.browser.StubGateway.Answer;

/**
 * The two-person reveal on the static pages ({@link StubGateway} answering as complaints-service would): the officer
 * asks with a reason and sees no reveal button until the head approves; a decline shows the head's note; the head
 * approves or declines from her page, a decline needing a note.
 */
class StaticUiTestDisclosure {

    private static final String CASE = "c0ffee00-1111-4222-8333-444455556666";
    private static final String REQUESTS = "/api/complaints/cases/" + CASE + "/identity-requests";
    private static final String REASON = "ต้องนัดผู้ร้องมาให้ถ้อยคำเพิ่มเติม";
    private static final String HEAD = """
            {"authenticated":true,"name":"ผู้อำนวยการเขต","username":"head","agency":"wangthonglang","roles":["HEAD"]}""";

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    private static String request(String status, String note, String expiresAt) {
        return """
                {"id":"r1","caseId":"%s","caseNumber":null,"status":"%s","statusTh":"","statusEn":"",
                 "requesterName":"เจ้าหน้าที่ทดสอบ","reason":"%s","requestedAt":"2025-11-20T03:00:00Z","ageHours":5,
                 "decidedByName":%s,"note":%s,"decidedAt":null,"expiresAt":%s}""".formatted(CASE, status, REASON,
                status.equals("PENDING") ? "null" : "\"ผู้อำนวยการเขต\"", note == null ? "null" : "\"" + note + "\"",
                expiresAt == null ? "null" : "\"" + expiresAt + "\"");
    }

    @Test
    void theOfficerAsksAndSeesNoRevealUntilTheHeadApproves() throws Exception {
        AtomicReference<String> mine = new AtomicReference<>("[]");
        List<String> asked = new CopyOnWriteArrayList<>();
        List<String> revealed = new CopyOnWriteArrayList<>();
        try (StubGateway gateway = new StubGateway(StubGateway.OFFICER); Browser browser = new Browser(1280, 900)) {
            gateway.route("GET " + REQUESTS, body -> Answer.json(200, mine.get()))
                    .route("POST " + REQUESTS, body -> {
                        asked.add(body);
                        mine.set("[" + request("PENDING", null, null) + "]");
                        return Answer.json(202, request("PENDING", null, null));
                    })
                    .route("POST /api/complaints/cases/" + CASE + "/identity", body -> {
                        revealed.add(body);
                        return Answer.json(200, "{\"name\":\"สมชาย ใจดี\",\"phone\":\"0812345678\",\"revealedAt\":\"2025-11-21T03:00:00Z\"}");
                    });
            browser.open(gateway.url() + "/#/officer/case/" + CASE);
            browser.find("#identity-request-form");
            assertThat(browser.all("#reveal-form")).as("no reveal before a request is approved").isEmpty();
            browser.type("#identity-request-form", "reason", REASON);
            browser.submit("#identity-request-form");
            browser.waitForText("#disclosure", "รอหัวหน้าหน่วยงานพิจารณา");
            assertThat(asked).singleElement().asString().contains(REASON);
            assertThat(browser.all("#reveal-form")).as("no reveal while the request is pending").isEmpty();
            assertThat(browser.all("#identity-request-form")).as("no second request while one is pending").isEmpty();

            // approved: only now a reveal button, which sends the approved request's reason
            mine.set("[" + request("APPROVED", "อนุมัติเฉพาะการนัดหมาย", "2999-01-01T00:00:00Z") + "]");
            browser.open(gateway.url() + "/#/officer/case/" + CASE);
            browser.waitForText("#disclosure", "อนุมัติแล้ว");
            browser.waitForText("#disclosure", "อนุมัติเฉพาะการนัดหมาย");
            browser.submit("#reveal-form");
            browser.waitForText("#revealed", "สมชาย ใจดี");
            assertThat(revealed).singleElement().asString().contains(REASON);

            // approval over: asked again from the start, nothing to reveal
            mine.set("[" + request("APPROVED", null, "2020-01-01T00:00:00Z") + "]");
            browser.open(gateway.url() + "/#/officer/case/" + CASE);
            browser.find("#identity-request-form");
            assertThat(browser.all("#reveal-form")).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aDeclinedRequestShowsTheHeadsNoteAndMayBeAskedAgain() throws Exception {
        try (StubGateway gateway = new StubGateway(StubGateway.OFFICER); Browser browser = new Browser(360, 740)) {
            gateway.route("GET " + REQUESTS, body -> Answer.json(200,
                    "[" + request("DECLINED", "ให้ติดต่อผ่านระบบติดตามเรื่องก่อน", null) + "]"));
            browser.open(gateway.url() + "/#/officer/case/" + CASE);
            browser.waitForText("#disclosure", "ให้ติดต่อผ่านระบบติดตามเรื่องก่อน");
            browser.find("#identity-request-form");
            browser.useLanguage("en");
            browser.waitForText("#disclosure", "declined");
            assertThat(browser.all("#reveal-form")).isEmpty();
        }
    }

    @Test
    void theHeadDeclinesOnlyWithANoteAndApprovesFromHerPage() throws Exception {
        AtomicReference<String> pending = new AtomicReference<>("[" + request("PENDING", null, null) + "]");
        List<String> decisions = new CopyOnWriteArrayList<>();
        try (StubGateway gateway = new StubGateway(HEAD); Browser browser = new Browser(1280, 900)) {
            gateway.route("GET /api/gifts/reference", body -> Answer.json(200, "{\"codes\":{}}"))
                    .route("GET /api/gifts/decisions/pending", body -> Answer.json(200, "[]"))
                    .route("GET /api/complaints/audit/identity-reveals", body -> Answer.json(200, "{\"items\":[]}"))
                    .route("GET /api/complaints/identity-requests", body -> Answer.json(200, pending.get()))
                    .route("POST /api/complaints/identity-requests/r1/decline", body -> {
                        decisions.add("decline " + body);
                        if (!body.contains("\"note\":\"")) {
                            return Answer.json(400, """
                                    {"type":"urn:integrity:problem:validation","title":"Invalid input","title_th":"ข้อมูลไม่ถูกต้อง",
                                     "status":400,"errors":[{"field":"note","message_en":"is required when declining",
                                     "message_th":"ต้องระบุเมื่อไม่อนุมัติ"}]}""");
                        }
                        pending.set("[]");
                        return Answer.json(200, request("DECLINED", "ยังไม่จำเป็น", null));
                    });
            browser.open(gateway.url() + "/#/head");
            browser.waitForText("#identity-requests", REASON);
            browser.waitForText("#identity-requests", "เจ้าหน้าที่ทดสอบ");
            browser.find("#identity-requests [data-decline]").click();
            browser.waitForText("#identity-requests", "ต้องระบุเมื่อไม่อนุมัติ");
            browser.type("#identity-requests form", "note", "ยังไม่จำเป็น");
            browser.find("#identity-requests [data-decline]").click();
            browser.waitForText("#identity-requests", "ไม่มีคำขอรอพิจารณา");
            assertThat(decisions).hasSize(2);
            assertThat(decisions.get(1)).contains("ยังไม่จำเป็น");
            assertThat(browser.all("#identity-requests form")).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
            browser.find("#requests-title");
            assertThat(browser.all("#identity-requests").get(0).findElements(By.tagName("li"))).isEmpty();
        }
    }

    /** What complaints-service answers a password-only sign-in on the reveal path (SecondFactorTest). */
    private static final String SECOND_FACTOR_REQUIRED = """
            {"type":"urn:integrity:problem:second-factor-required","title":"Sign in again with a second factor",
             "title_th":"กรุณาเข้าสู่ระบบอีกครั้งด้วยปัจจัยที่สอง","status":401,
             "detail":"This needs a sign-in with a second factor (a one-time code).",
             "detail_th":"การดำเนินการนี้ต้องเข้าสู่ระบบด้วยปัจจัยที่สอง (รหัสใช้ครั้งเดียว)","acr_values":"mfa"}""";

    @Test
    void withoutASecondFactorTheOfficerIsToldWhyAndStepsUpBackToTheCase() throws Exception {
        List<String> revealed = new CopyOnWriteArrayList<>();
        try (StubGateway gateway = new StubGateway(StubGateway.OFFICER); Browser browser = new Browser(1280, 900)) {
            gateway.route("GET " + REQUESTS, body -> Answer.json(200,
                    "[" + request("APPROVED", null, "2999-01-01T00:00:00Z") + "]"))
                    .route("POST /api/complaints/cases/" + CASE + "/identity", body -> {
                        revealed.add(body);
                        return Answer.json(401, SECOND_FACTOR_REQUIRED);
                    });
            browser.open(gateway.url() + "/#/officer/case/" + CASE);
            browser.submit("#reveal-form");
            browser.waitForText("#reveal-form", "รหัสใช้ครั้งเดียวจากแอปยืนยันตัวตน");
            assertThat(browser.find("#step-up").getText()).isEqualTo("เข้าสู่ระบบด้วยรหัสใช้ครั้งเดียว");
            assertThat(browser.all("#revealed dl")).as("nothing revealed").isEmpty();
            browser.useLanguage("en");
            browser.waitForText("#reveal-form", "need a second factor");
            assertThat(browser.find("#step-up").getText()).isEqualTo("Sign in with a one-time code");

            browser.find("#step-up").click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("/oauth2/authorization/"));
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(gateway.url()
                    + "/oauth2/authorization/integrity?step-up=1&continue=%2F%23%2Fofficer%2Fcase%2F" + CASE);
            assertThat(revealed).hasSize(1);
        }
    }

    @Test
    void withoutASecondFactorTheHeadIsOfferedTheStepUpToo() throws Exception {
        try (StubGateway gateway = new StubGateway(HEAD); Browser browser = new Browser(1280, 900)) {
            gateway.route("GET /api/gifts/reference", body -> Answer.json(200, "{\"codes\":{}}"))
                    .route("GET /api/gifts/decisions/pending", body -> Answer.json(200, "[]"))
                    .route("GET /api/complaints/audit/identity-reveals", body -> Answer.json(200, "{\"items\":[]}"))
                    .route("GET /api/complaints/identity-requests", body -> Answer.json(200,
                            "[" + request("PENDING", null, null) + "]"))
                    .route("POST /api/complaints/identity-requests/r1/approve",
                            body -> Answer.json(401, SECOND_FACTOR_REQUIRED));
            browser.open(gateway.url() + "/#/head");
            browser.waitForText("#identity-requests", REASON);
            browser.submit("#identity-requests form");
            browser.waitForText("#identity-requests", "ต้องยืนยันตัวตนสองขั้นตอน");
            assertThat(browser.find("#step-up").getAttribute("href"))
                    .endsWith("/oauth2/authorization/integrity?step-up=1&continue=%2F%23%2Fhead");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
