package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Errors in words a person understands, on the static pages ({@link StubGateway}): the summary at the top of a
 * form names each field by its label (never its path), each line is a link that moves focus to its field, a
 * field's error goes as soon as the field is changed; and an already-published month offers its correction.
 */
class StaticUiTestErrors extends StubbedPages {

    private StubGateway gateway;
    private StubGateway adminGateway;

    @BeforeAll
    void stubs() throws Exception {
        gateway = stub();
        adminGateway = stub(StubGateway.ADMIN);
    }

    @Test
    void theSummaryNamesFieldsByTheirLabelsLinksToThemAndAFixedFieldsErrorGoesAtOnce() {
        browser.open(gateway.url() + "/#/file");
        browser.useLanguage("th");
        browser.choose("#complaint-form", "category", "CORRUPTION");
        browser.type("#complaint-form", "details", "three wrong fields");
        browser.submit("#complaint-form");

        browser.waitForText("#complaint-form > .form-message", "กรุณาตรวจสอบข้อมูลต่อไปนี้");
        WebElement summary = browser.find("#complaint-form > .form-message");
        assertThat(browser.driver.switchTo().activeElement()).as("focus on the summary").isEqualTo(summary);
        assertThat(linkTexts()).containsExactly("รายละเอียดเรื่อง", "สถานที่เกิดเหตุ", "วันที่เกิดเหตุ");
        assertThat(summary.getText()).doesNotContain("details").doesNotContain("incidentDate")
                .contains("ต้องยาวไม่เกิน 500 ตัวอักษร");
        browser.useLanguage("en");
        browser.waitForText("#complaint-form > .form-message", "Please check the following");
        assertThat(linkTexts()).containsExactly("What happened", "Place", "Date of the incident");
        assertThat(browser.find("#complaint-form > .form-message").getText()).doesNotContain("location");

        // Each line is a link to its field.
        browser.find("#complaint-form .error-summary li[data-field=location] a").click();
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(browser.field("#complaint-form", "location"));

        // Fixing a field clears its error and its line at once; the others stay until they are fixed.
        browser.field("#complaint-form", "location").sendKeys("ซอยลาดพร้าว 101");
        assertThat(browser.js("return document.querySelector('#complaint-form [data-field=location] .field-error').hidden"))
                .isEqualTo(true);
        assertThat(browser.field("#complaint-form", "location").getAttribute("aria-invalid")).isNull();
        assertThat(linkTexts()).containsExactly("What happened", "Date of the incident");
        assertThat(browser.field("#complaint-form", "details").getAttribute("aria-invalid")).isEqualTo("true");
        browser.type("#complaint-form", "details", "เจ้าหน้าที่เรียกเงินเพิ่มจากค่าธรรมเนียมที่กำหนด");
        browser.date("#complaint-form", "incidentDate", "2025-01-15");
        assertThat(browser.all("#complaint-form > .form-message")).as("the summary goes with its last line").isEmpty();
        browser.useLanguage("th");
    }

    @Test
    void publishingAPublishedMonthOffersTheCorrectionFormForThatPublication() {
        browser.open(adminGateway.url() + "/#/admin");
        browser.useLanguage("en");
        // The publications are listed, each current one with its (closed) correction form.
        browser.wait.until(d -> !browser.all("#admin-publications form.correction-form").isEmpty());
        browser.submit("#publish-form");

        browser.waitForText("#publish-form > .form-message", "issue a correction");
        WebElement offer = browser.find("#publish-form > .form-message button.offer-correction");
        assertThat(offer.getText()).isEqualTo("Issue a correction");
        offer.click();

        WebElement correction = browser.find("form.correction-form[data-publication=p1] textarea");
        assertThat(browser.driver.switchTo().activeElement()).as("the correction's reason has focus").isEqualTo(correction);
        assertThat((Boolean) browser.js("return arguments[0].closest('details').open", correction)).isTrue();
        browser.useLanguage("th");
    }

    private List<String> linkTexts() {
        return browser.all("#complaint-form .error-summary li a").stream().map(WebElement::getText).toList();
    }
}
