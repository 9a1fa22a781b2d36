package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/**
 * Layout and focus on the static pages ({@link StubGateway}, signed in as an officer): tables keep their words
 * whole and never widen the page, the queue's link stays on a phone's screen, focus never falls to
 * {@code <body>}, a reset form's counter resets, and the footer links API descriptions that exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticUiTestLayoutAndFocus {

    private static final String CASE = "c0ffee00-1111-4222-8333-444455556666";

    private StubGateway gateway;

    @BeforeAll
    void start() throws Exception {
        Browser.assumeInstalled();
        gateway = new StubGateway(StubGateway.OFFICER);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void tableCellsKeepTheirWordsWholeAndOnlyTheTableScrollsSideways() {
        for (int width : List.of(360, 1280)) {
            try (Browser browser = new Browser(width, 900)) {
                for (String lang : List.of("th", "en")) {
                    browser.open(gateway.url() + "/#/stats");
                    browser.useLanguage(lang);
                    browser.find("#published-table table");
                    assertThat(browser.wordsBrokenAcrossLines("#published-table th, #published-table td"))
                            .as("words broken inside the statistics table at %d px in %s", width, lang).isEmpty();
                    assertThat(browser.scrollsSideways()).as("page scrolls sideways at %d px", width).isFalse();
                    browser.screenshot("stub-stats-" + width + "-" + lang);

                    browser.route("#/officer");
                    browser.find("#queue .case-link");
                    assertThat(browser.wordsBrokenAcrossLines("#queue th, #queue td"))
                            .as("words broken inside the queue at %d px in %s", width, lang).isEmpty();
                    assertThat(browser.scrollsSideways()).as("page scrolls sideways at %d px", width).isFalse();
                }
                browser.useLanguage("th");
            }
        }
    }

    @Test
    void theQueuesOpenLinksAreOnAPhonesScreen() {
        try (Browser phone = new Browser(360, 740); Browser wide = new Browser(1280, 900)) {
            phone.open(gateway.url() + "/#/officer");
            List<WebElement> links = phone.wait.until(d -> {
                List<WebElement> found = phone.all("#queue .case-link");
                return found.size() == 2 ? found : null;
            });
            // whole words make the table wider than a phone: the rows must become cards, not hide the link
            assertThat(phone.wordsBrokenAcrossLines("#queue th, #queue td")).as("words broken in the queue").isEmpty();
            for (WebElement link : links) {
                @SuppressWarnings("unchecked")
                Map<String, Number> box = (Map<String, Number>) phone.js("const r = arguments[0].getBoundingClientRect();"
                        + "return {left: r.left, right: r.right, width: window.innerWidth};", link);
                assertThat(box.get("left").doubleValue()).as("left edge of %s", link.getText()).isGreaterThanOrEqualTo(0);
                assertThat(box.get("right").doubleValue()).as("right edge of %s", link.getText())
                        .isLessThanOrEqualTo(box.get("width").doubleValue());
                assertThat(link.isDisplayed()).isTrue();
            }
            assertThat(phone.scrollsSideways()).as("the queue page scrolls sideways at 360 px").isFalse();
            // the cards still name every value
            assertThat(phone.find("#queue td").getAttribute("data-label")).isEqualTo("เลขรับ");
            phone.screenshot("stub-queue-360-th");
            links.get(0).click();
            phone.find("#case-title");

            wide.open(gateway.url() + "/#/officer");
            wide.useLanguage("en");
            wide.find("#queue .case-link");
            wide.screenshot("stub-queue-1280-en");
            wide.useLanguage("th");
        }
    }

    @Test
    void afterSendingAMessageFocusIsOnTheConfirmationNotOnTheBody() {
        try (Browser browser = new Browser()) {
            browser.open(gateway.url() + "/#/track");
            browser.type("#track-form", "trackingCode", "1234 5678 9012 3456");
            browser.submit("#track-form");
            browser.type("#reply-form", "text", "ขอบคุณครับ มีเอกสารเพิ่มเติม");
            browser.submit("#reply-form");
            WebElement sent = browser.find("#reply-form .form-message.success");
            browser.wait.until(d -> sent.equals(browser.driver.switchTo().activeElement()));

            browser.open(gateway.url() + "/#/officer/case/" + CASE);
            browser.type("#message-form", "text", "กรุณาส่งหลักฐานเพิ่มเติม");
            browser.submit("#message-form");
            browser.wait.until(d -> "messages-title".equals(browser.driver.switchTo().activeElement().getAttribute("id")));
            assertThat(browser.js("return document.activeElement === document.body")).isEqualTo(false);
            // the sent message's box is empty again, and so is its counter
            browser.waitForText("#message-form .counter", "0 /");
            assertThat(browser.field("#message-form", "text").getAttribute("value")).isEmpty();
        }
    }

    @Test
    void theIdentityRequestFormsCounterCountsAndFocusMovesToTheAnswer() {
        // The reason box of the two-person reveal is in the request form (an officer asks; the head approves).
        java.util.concurrent.atomic.AtomicReference<String> mine = new java.util.concurrent.atomic.AtomicReference<>("[]");
        gateway.route("GET /api/complaints/cases/" + CASE + "/identity-requests", body -> StubGateway.Answer.json(200, mine.get()))
                .route("POST /api/complaints/cases/" + CASE + "/identity-requests", body -> {
                    mine.set("[{\"id\":\"r1\",\"status\":\"PENDING\",\"reason\":\"ต้องติดต่อกลับเพื่อขอข้อมูล\","
                            + "\"requestedAt\":\"2025-11-20T03:00:00Z\"}]");
                    return StubGateway.Answer.json(202, "{\"id\":\"r1\",\"status\":\"PENDING\"}");
                });
        try (Browser browser = new Browser()) {
            browser.open(gateway.url() + "/#/officer/case/" + CASE);
            assertThat(browser.find("#identity-request-form .counter").getText()).startsWith("0 /");
            browser.type("#identity-request-form", "reason", "ต้องติดต่อกลับเพื่อขอข้อมูล");
            assertThat(browser.find("#identity-request-form .counter").getText()).doesNotStartWith("0 /");
            browser.submit("#identity-request-form");
            browser.waitForText("#disclosure", "รอหัวหน้าหน่วยงานพิจารณา");
            assertThat(browser.all("#identity-request-form")).as("no second request while one is pending").isEmpty();
            browser.wait.until(d -> "status".equals(browser.driver.switchTo().activeElement().getAttribute("role")));
        }
    }

    @Test
    void theFooterLinksEachServicesApiDescription() {
        try (Browser browser = new Browser()) {
            browser.open(gateway.url() + "/#/");
            List<String> hrefs = browser.all("#footer-api a").stream()
                    .map(a -> (String) browser.js("return arguments[0].getAttribute('href')", a)).toList();
            // The paths the gateway routes to each service's springdoc (SystemEndToEndTest fetches them: 200).
            assertThat(hrefs).containsExactly("/api/complaints/api-docs", "/api/gifts/api-docs", "/api/stats/api-docs");
            assertThat(browser.find("#footer").getText()).doesNotContain("/v3/api-docs");
            browser.useLanguage("en");
            assertThat(browser.find("#footer-api").getText()).contains("complaints").contains("statistics");
            browser.useLanguage("th");
        }
    }
}
