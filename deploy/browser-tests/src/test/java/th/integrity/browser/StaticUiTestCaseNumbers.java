package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Case numbers where people meet them ({@link StubGateway}): the printable acknowledgement (ใบตอบรับ) after filing,
 * on the tracking page and on an officer's case page — A4, Thai or English, with the case number, the Buddhist-Era
 * dates, how to follow the case, never the reporter's identity and the tracking code only when the reporter ticks
 * the box — and the officer queue's rows (case number, summary, new-message flag, last update, file count).
 */
class StaticUiTestCaseNumbers extends StubbedPages {

    private static final String CODE = "1234 5678 9012 3456";

    private StubGateway gateway;
    private StubGateway officerGateway;

    @BeforeAll
    void stubs() throws Exception {
        gateway = stub();
        officerGateway = stub(StubGateway.OFFICER);
    }

    @Test
    void afterFilingTheReporterPrintsAnAcknowledgementWithoutIdentityAndTheCodeOnlyWhenChosen() {
        browser.open(gateway.url() + "/#/file");
        browser.useLanguage("th");
        browser.choose("#complaint-form", "category", "CORRUPTION");
        browser.type("#complaint-form", "details", "เจ้าหน้าที่เรียกเงินเพิ่มจากค่าธรรมเนียมที่กำหนด");
        // A confidential reporter: the name and phone are on this page's form, and must not reach the paper.
        browser.js("document.querySelector('input[name=\"reporter.mode\"][value=CONFIDENTIAL]').click()");
        browser.type("#complaint-form", "reporter.name", "สมชาย ใจดี");
        browser.type("#complaint-form", "reporter.phone", "081-234-5678");
        browser.submit("#complaint-form");
        assertThat(browser.find("#receipt-case-number").getText()).isEqualTo("เลขรับ: วท 0012/2569");
        assertThat(browser.find("#ack-include-code").isSelected()).as("print my tracking code: off by default").isFalse();

        browser.find("#print-ack").click();
        String sheet = browser.find("#acknowledgement").getText();
        assertThat(sheet).contains("ใบตอบรับเรื่องร้องเรียน", "สำนักงานเขตวังทองหลาง", "วท 0012/2569",
                "20 พ.ย. 2568", "5 ธ.ค. 2568", "/#/track");
        assertThat(sheet).doesNotContain("สมชาย", "ใจดี", "081", "5678", CODE);
        assertThat(browser.all("#ack-tracking-code")).isEmpty();
        assertThat(browser.find("#ack-no-code").getText()).contains("ไม่ได้พิมพ์รหัสติดตาม");
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("ack-title");
        assertThat(pageRules()).as("print CSS sets an A4 page").anyMatch(rule -> rule.toUpperCase(java.util.Locale.ROOT).contains("SIZE: A4"));
        browser.screenshot("stub-acknowledgement-th");

        // English when the UI is English; the dates stay Buddhist Era.
        browser.useLanguage("en");
        assertThat(browser.find("#acknowledgement").getText()).contains("Complaint acknowledgement",
                "Wang Thonglang District Office", "20 Nov 2568 BE", "Case number");
        browser.useLanguage("th");

        // Back to the receipt, which still shows the code once; ticked, the code is printed.
        browser.find("#ack-back").click();
        assertThat(browser.find("#tracking-code").getText()).isEqualTo(CODE);
        browser.find("#ack-include-code").click();
        browser.find("#print-ack").click();
        assertThat(browser.find("#ack-tracking-code").getText()).isEqualTo(CODE);
        assertThat(browser.find("#acknowledgement").getText()).doesNotContain("สมชาย", "081-234");
    }

    @Test
    void theTrackingPageShowsTheCaseNumberAndPrintsTheSameAcknowledgement() {
        browser.open(gateway.url() + "/#/track");
        browser.type("#track-form", "trackingCode", CODE);
        browser.submit("#track-form");
        assertThat(browser.find("#track-case-number").getText()).contains("วท 0007/2568");
        assertThat(browser.find("#track-due").getText()).contains("30 ม.ค. 2568");
        browser.find("#print-ack").click();
        String sheet = browser.find("#acknowledgement").getText();
        assertThat(sheet).contains("วท 0007/2568", "15 ม.ค. 2568", "30 ม.ค. 2568").doesNotContain(CODE);

        browser.find("#ack-back").click();
        browser.find("#ack-include-code").click();
        browser.find("#print-ack").click();
        assertThat(browser.find("#ack-tracking-code").getText()).isEqualTo(CODE);
    }

    @Test
    void anOfficerPrintsTheAcknowledgementOfAKeyedInLetterWithoutIdentityOrCode() {
        browser.open(officerGateway.url() + "/#/officer/case/c0ffee00-1111-4222-8333-444455556666");
        assertThat(browser.find("#case-title").getText()).contains("วท 0012/2569");
        assertThat(browser.find("#case").getText()).contains("กท 5201/ว 123", "18 พ.ย. 2568");
        // The code is stored nowhere in clear: the case page cannot offer to print it.
        assertThat(browser.all("#ack-include-code")).isEmpty();
        browser.find("#print-ack").click();
        String sheet = browser.find("#acknowledgement").getText();
        assertThat(sheet).contains("ใบตอบรับเรื่องร้องเรียน", "วท 0012/2569", "กท 5201/ว 123", "18 พ.ย. 2568",
                "20 พ.ย. 2568", "19 ม.ค. 2569");
        assertThat(sheet).doesNotContain("ส****", "******5678", CODE);
        browser.find("#ack-back").click();
        browser.find("#case-title");
    }

    @Test
    void queueRowsShowTheCaseNumberSummaryNewMessageFlagLastUpdateAndFileCount() {
        for (int width : List.of(360, 1280)) {
            try (Browser sized = new Browser(width, 900)) {
                sized.open(officerGateway.url() + "/#/officer");
                List<WebElement> rows = sized.wait.until(d -> {
                    List<WebElement> found = sized.all("#queue tbody tr");
                    return found.size() == 2 ? found : null;
                });
                String first = rows.get(0).getText();
                assertThat(first).contains("วท 0012/2569", "ผู้อำนวยการฝ่ายโยธาเรียกรับเงิน", "ข้อความใหม่จากผู้แจ้ง",
                        "25 พ.ย. 2568", "2 ไฟล์");
                String second = rows.get(1).getText();
                assertThat(second).contains("วท 0013/2569", "<b>เจ้าหน้าที่</b>", "0 ไฟล์")
                        .doesNotContain("ข้อความใหม่จากผู้แจ้ง");
                assertThat(sized.all("#queue b")).as("a summary is text, never markup").isEmpty();
                // The case number opens the case and stays on the screen, even on a phone.
                WebElement link = sized.find("#queue .case-number-link");
                @SuppressWarnings("unchecked")
                Map<String, Number> box = (Map<String, Number>) sized.js("const r = arguments[0].getBoundingClientRect();"
                        + "return {left: r.left, right: r.right, width: window.innerWidth};", link);
                assertThat(box.get("left").doubleValue()).isGreaterThanOrEqualTo(0);
                assertThat(box.get("right").doubleValue()).isLessThanOrEqualTo(box.get("width").doubleValue());
                assertThat(sized.scrollsSideways()).as("the queue scrolls sideways at %d px", width).isFalse();
                assertThat(sized.field("#queue-filters", "q").getAttribute("type")).isEqualTo("search");
                sized.useLanguage("en");
                assertThat(sized.find("#queue tbody tr").getText()).contains("New message from the reporter", "2 file(s)",
                        "25 Nov 2568 BE");
                sized.useLanguage("th");
                link.click();
                sized.find("#case-title");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> pageRules() {
        return (List<String>) browser.js("const out = []; for (const sheet of document.styleSheets) {"
                + " for (const rule of sheet.cssRules) { if (rule instanceof CSSPageRule) out.push(rule.cssText); } }"
                + " return out;");
    }
}
