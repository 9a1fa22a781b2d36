package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The complaint form's optional notice-only e-mail address (issue 18 §3): offered to anonymous and named reporters
 * alike, with what it will and will not be used for in Thai and English; sent as {@code noticeEmail}; a refused
 * address is shown at its field.
 */
class StaticUiTestNoticeEmail {

    private static final String DETAILS = "เจ้าหน้าที่เรียกเงินเพิ่มจากค่าธรรมเนียมที่กำหนด";

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void theFormOffersTheNoticeAddressSaysWhatItIsForAndSendsIt() throws Exception {
        try (StubGateway gateway = new StubGateway(); Browser browser = new Browser(360, 740)) {
            browser.open(gateway.url() + "/#/file");
            browser.useLanguage("th");
            // Shown to an anonymous reporter (the default), not only inside the named reporter's fields.
            assertThat(browser.field("#complaint-form", "noticeEmail").isDisplayed()).isTrue();
            String thai = browser.find("#notice-email").getText();
            assertThat(thai).contains("ไม่บังคับ", "เว้นว่างได้", "ไม่มีเนื้อหาเรื่อง", "เลขรับ", "รหัสติดตาม",
                    "ถูกลบเมื่อปิดเรื่อง", "เข้ารหัส");
            browser.useLanguage("en");
            String english = browser.find("#notice-email").getText();
            assertThat(english).contains("optional", "there is news on your complaint", "never carries the complaint",
                    "case number", "tracking code", "deleted when the case closes", "officers cannot see");
            assertThat(browser.field("#complaint-form", "noticeEmail").getAttribute("autocomplete")).isEqualTo("off");
            assertThat(browser.scrollsSideways()).isFalse();

            browser.choose("#complaint-form", "category", "CORRUPTION");
            browser.type("#complaint-form", "details", DETAILS);
            browser.type("#complaint-form", "noticeEmail", "  news-only@example.org ");
            browser.submit("#complaint-form");
            browser.waitForText("#tracking-code", "1234 5678 9012 3456");
            assertThat(gateway.requests).anyMatch(request -> request.startsWith("POST /api/complaints ")
                    && request.contains("\"noticeEmail\":\"news-only@example.org\"")
                    && request.contains("\"mode\":\"ANONYMOUS\""));
        }
    }

    @Test
    void anEmptyFieldSendsNoAddressAndARefusedOneIsShownAtItsField() throws Exception {
        try (StubGateway gateway = new StubGateway(); Browser browser = new Browser()) {
            gateway.route("POST /api/complaints", body -> body.contains("\"noticeEmail\":null")
                    ? StubGateway.Answer.json(201, "{\"trackingCode\":\"1234 5678 9012 3456\",\"receivedAt\":"
                            + "\"2025-11-20T03:00:00Z\",\"status\":\"RECEIVED\",\"caseNumber\":\"วท 0012/2569\","
                            + "\"agency\":\"wangthonglang\",\"dueAt\":\"2025-12-05T03:00:00Z\"}")
                    : StubGateway.Answer.json(400, """
                            {"type":"urn:integrity:problem:validation","title":"Invalid input","title_th":"ข้อมูลไม่ถูกต้อง",
                             "status":400,"detail":"Check these fields: E-mail for notices only.",
                             "detail_th":"กรุณาตรวจสอบข้อมูลต่อไปนี้: อีเมลสำหรับรับแจ้งเตือนเท่านั้น",
                             "errors":[{"field":"noticeEmail","message_en":"must be an e-mail address such as name@example.com (at most 254 characters), or left empty",
                                        "message_th":"ต้องเป็นที่อยู่อีเมล เช่น name@example.com (ยาวไม่เกิน 254 ตัวอักษร) หรือเว้นว่างไว้"}]}"""));
            browser.open(gateway.url() + "/#/file");
            browser.useLanguage("en");
            browser.choose("#complaint-form", "category", "CORRUPTION");
            browser.type("#complaint-form", "details", DETAILS);
            browser.type("#complaint-form", "noticeEmail", "not an address");
            browser.submit("#complaint-form");
            browser.waitForText("#complaint-form [data-field=noticeEmail] .field-error", "e-mail address");
            assertThat(browser.field("#complaint-form", "noticeEmail").getAttribute("aria-invalid")).isEqualTo("true");

            browser.field("#complaint-form", "noticeEmail").clear();
            browser.submit("#complaint-form");
            browser.waitForText("#tracking-code", "1234 5678 9012 3456");
            assertThat(gateway.requests).anyMatch(request -> request.startsWith("POST /api/complaints ")
                    && request.contains("\"noticeEmail\":null"));
        }
    }
}
