package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The officer's case page for referrals ({@link StubGateway}, signed in as an officer): the referral form with the
 * body, the letter's reference and date; a referred case awaiting the other body's answer with its follow-up
 * date; and the form that records the answer, its errors next to their fields, in Thai and English.
 */
class StaticUiTestReferral extends StubbedPages {

    private StubGateway gateway;

    @BeforeAll
    void stubs() throws Exception {
        gateway = stub(StubGateway.OFFICER);
    }

    @Test
    void theReferFormSendsTheBodyTheLetterReferenceAndItsDate() {
        browser.open(gateway.url() + "/#/officer/case/" + StubGateway.REVIEWED_ID);
        browser.useLanguage("th");
        browser.find("#move-form");
        assertThat(browser.all("#move-form [data-field=\"referral.letterRef\"]").get(0).isDisplayed())
                .as("the letter fields only show when referring").isFalse();
        browser.choose("#move-form", "to", "FORWARDED");
        assertThat(browser.find("#move-form [data-field=\"referral.letterRef\"] label").getText())
                .isEqualTo("เลขที่หนังสือส่งเรื่อง");
        assertThat(browser.find("#move-form [data-field=\"referral.sentOn\"] label").getText()).isEqualTo("ลงวันที่");
        browser.choose("#move-form", "referral.body", "NACC");
        browser.type("#move-form", "referral.letterRef", "กท 8101/1234");
        browser.date("#move-form", "referral.sentOn", "2025-11-30");
        browser.type("#move-form", "reason", "เกินอำนาจสอบสวนของเขต");
        browser.useLanguage("en");
        assertThat(browser.find("#move-form [data-field=\"referral.letterRef\"] label").getText())
                .isEqualTo("Referral letter reference");
        browser.submit("#move-form");

        browser.wait.until(d -> !gateway.referralRequests.isEmpty());
        assertThat(gateway.referralRequests.get(gateway.referralRequests.size() - 1))
                .contains("\"to\":\"FORWARDED\"")
                .contains("\"referral\":{\"body\":\"NACC\",\"letterRef\":\"กท 8101/1234\",\"sentOn\":\"2025-11-30\"}");
        browser.useLanguage("th");
    }

    @Test
    void aReferredCaseShowsItAwaitsTheAnswerUntilItsFollowUpDateAndRecordsTheAnswer() {
        browser.open(gateway.url() + "/#/officer/case/" + StubGateway.REFERRED_ID);
        browser.useLanguage("th");
        browser.waitForText("#referral-awaiting", "รอผลจากหน่วยงานที่ส่งไป");
        String facts = browser.find("#referral-facts").getText();
        assertThat(facts).contains("ป.ป.ช.").contains("กท 8101/1234").contains("ติดตามผลภายใน").contains("2569");
        browser.useLanguage("en");
        browser.waitForText("#referral-awaiting", "Awaiting the other body's answer");
        assertThat(browser.find("#referral-facts").getText()).contains("Follow up by");

        browser.date("#referral-answer-form", "receivedOn", "2026-01-15");
        browser.choose("#referral-answer-form", "outcome", "FOUND_CAUSE");
        browser.submit("#referral-answer-form");
        browser.waitForText("[data-field=summary] .field-error", "is required: what the answer says");
        browser.useLanguage("th");
        browser.waitForText("[data-field=summary] .field-error", "ต้องระบุสรุปผลที่ได้รับ");
        browser.screenshot("stub-referral-case-th");

        browser.type("#referral-answer-form", "summary", "ป.ป.ช. ชี้มูลความผิดทางวินัย");
        int before = gateway.referralRequests.size();
        browser.submit("#referral-answer-form");
        browser.wait.until(d -> gateway.referralRequests.size() > before);
        assertThat(gateway.referralRequests.get(gateway.referralRequests.size() - 1))
                .contains("\"receivedOn\":\"2026-01-15\"").contains("\"outcome\":\"FOUND_CAUSE\"")
                .contains("ป.ป.ช. ชี้มูลความผิดทางวินัย");
    }
}
