package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI's pages as the gateway serves them, under its strict Content-Security-Policy, with canned API
 * answers ({@link StubGateway}): fast, and independent of the services.
 */
class StaticUiTest extends StubbedPages {

    private StubGateway gateway;

    @BeforeAll
    void stubs() throws Exception {
        gateway = stub();
    }

    @Test
    void thaiByDefaultEnglishOneClickAwayAndTheChoiceIsRemembered() {
        browser.open(gateway.url() + "/");
        browser.js("localStorage.clear()");
        browser.open(gateway.url() + "/#/");
        assertThat(browser.lang()).isEqualTo("th");
        assertThat(browser.find("h1").getText()).contains("แจ้งเรื่อง");

        browser.useLanguage("en");
        assertThat(browser.find("h1").getText()).contains("Report, follow up");
        assertThat(browser.driver.getTitle()).contains("Integrity");

        browser.open(gateway.url() + "/#/");
        assertThat(browser.lang()).as("remembered after a reload").isEqualTo("en");
        browser.useLanguage("th");
        assertThat(browser.find("h1").getText()).contains("แจ้งเรื่อง");
    }

    @Test
    void theSubCategoryListFollowsTheCategoryAndTheCharacterCountIsLive() {
        browser.open(gateway.url() + "/#/file");
        browser.choose("#complaint-form", "category", "CORRUPTION");
        assertThat(values(browser.field("#complaint-form", "subcategory"))).containsExactly("", "BRIBERY");
        browser.choose("#complaint-form", "category", "MISCONDUCT");
        assertThat(values(browser.field("#complaint-form", "subcategory"))).containsExactly("", "ABUSE");

        browser.type("#complaint-form", "details", "12345");
        assertThat(browser.find("#complaint-form .counter").getText()).startsWith("5 / 10,000");
        // every control has a label
        assertThat((Long) browser.js("return Array.from(document.querySelectorAll('#complaint-form input, #complaint-form select, "
                + "#complaint-form textarea')).filter(c => !c.labels || c.labels.length === 0).length")).isZero();
    }

    @Test
    void aServiceErrorAppearsNextToItsFieldInTheCurrentLanguage() {
        browser.open(gateway.url() + "/#/file");
        browser.choose("#complaint-form", "category", "CORRUPTION");
        browser.type("#complaint-form", "details", "too short");
        browser.submit("#complaint-form");
        browser.waitForText("[data-field=details] .field-error", "ต้องมีความยาว 20 ถึง 10,000 ตัวอักษร");
        assertThat(browser.field("#complaint-form", "details").getAttribute("aria-invalid")).isEqualTo("true");
        browser.useLanguage("en");
        browser.waitForText("[data-field=details] .field-error", "must be 20 to 10,000 characters");
        browser.useLanguage("th");
    }

    @Test
    void theTrackingCodeIsShownLargeGroupedWithCopyDownloadAndTheWarning() {
        browser.open(gateway.url() + "/#/file");
        browser.choose("#complaint-form", "category", "CORRUPTION");
        browser.type("#complaint-form", "details", "เจ้าหน้าที่เรียกเงินเพิ่มจากค่าธรรมเนียมที่กำหนด");
        browser.submit("#complaint-form");
        assertThat(browser.find("#tracking-code").getText()).isEqualTo("1234 5678 9012 3456");
        assertThat(browser.find("#download-code").getAttribute("href")).startsWith("blob:");
        assertThat(browser.find("#copy-code").isDisplayed()).isTrue();
        assertThat(browser.find(".receipt .warning").getText()).contains("ไม่สามารถขอรหัสใหม่ได้");
    }

    @Test
    void dataFromTheServicesIsShownAsTextNeverAsMarkup() {
        browser.open(gateway.url() + "/#/track");
        browser.type("#track-form", "trackingCode", "1234 5678 9012 3456");
        browser.submit("#track-form");
        browser.waitForText("#messages", "<img src=x id=injected");
        assertThat(browser.all("#injected")).isEmpty();
        assertThat(browser.find("#stages").getText()).contains("2568");
    }

    @Test
    void statisticsShowTheTableTheChartTheCsvAndTheRevisionReason() {
        browser.open(gateway.url() + "/#/stats");
        assertThat(browser.find("#published-table").getText()).contains("ไม่มีเรื่องร้องเรียน");
        assertThat(browser.find("#infographic").getAttribute("src")).endsWith("/assets/icon.svg");
        assertThat(browser.find("a.csv-link").getAttribute("href")).endsWith("format=csv");
        assertThat(browser.find("#revisions").getText()).contains("<b>counted twice</b>");
        browser.useLanguage("en");
        assertThat(browser.find("#published-table").getText()).contains("No complaints");
        browser.useLanguage("th");
    }

    @Test
    void aPhoneSizedScreenShowsTheComplaintFormWithoutSidewaysScrolling() {
        try (Browser phone = new Browser(360, 740)) {
            phone.open(gateway.url() + "/#/file");
            phone.field("#complaint-form", "details");
            assertThat(phone.scrollsSideways()).as("horizontal scrolling at 360 px").isFalse();
            phone.screenshot("stub-file-360-th");
            phone.route("#/stats");
            phone.find("#published-table");
            assertThat(phone.scrollsSideways()).as("the statistics page scrolls its table, not itself").isFalse();
        }
    }

    private static List<String> values(WebElement select) {
        return new Select(select).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    @SuppressWarnings("unused")
    private static By css(String selector) {
        return By.cssSelector(selector);
    }
}
