package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Dates as Thai people write them ({@link StubGateway}, signed in as an officer, who also sees the public form): a
 * person types วว/ดด/ปปปป in the Buddhist Era, in Thai and English alike, the API receives the ISO date, and a
 * Gregorian year, an impossible day or a future date gets a message saying what to type instead, and sends nothing.
 */
class StaticUiTestDates extends StubbedPages {

    private static final String FORM = "#complaint-form";

    private StubGateway gateway;

    @BeforeAll
    void stubs() throws Exception {
        gateway = stub(StubGateway.OFFICER);
    }

    /** Each test starts in Thai (the base class checks the console after each). */
    @AfterEach
    void backToThai() {
        if (browser != null) {
            browser.useLanguage("th");
        }
    }

    @Test
    void aBuddhistEraDateIsSentAsItsIsoDate() {
        for (String typed : List.of("15/11/2569", "๑๕/๑๑/๒๕๖๙", "15-11-2569", " 15.11.2569 ")) {
            fillComplaint(typed);
            browser.submit(FORM);
            browser.find("#tracking-code");
            assertThat(lastRequest("POST /api/complaints ")).as("typed %s", typed).contains("\"incidentDate\":\"2026-11-15\"");
        }
    }

    @Test
    void aGregorianYearAsksWhetherTheBuddhistEraYearWasMeantAndSendsNothing() {
        fillComplaint("15/11/2026");
        int sent = gateway.requests.size();
        browser.submit(FORM);
        browser.waitForText("[data-field=incidentDate] .field-error", "หมายถึงปี 2569 ใช่หรือไม่");
        assertThat(browser.field(FORM, "incidentDate").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(gateway.requests.subList(sent, gateway.requests.size())).noneMatch(r -> r.startsWith("POST"));
        browser.useLanguage("en");
        browser.waitForText("[data-field=incidentDate] .field-error", "Did you mean 2569?");
    }

    @Test
    void anImpossibleOrFutureOrMalformedDateIsExplainedInBothLanguages() {
        String[][] cases = {
                { "31/02/2569", "ไม่มีวันที่ 31 กุมภาพันธ์ 2569", "There is no 31 February 2569 BE" },
                { "29/02/2568", "ไม่มีวันที่ 29 กุมภาพันธ์ 2568", "that month has 28 days" },
                { "15/13/2569", "ไม่มีเดือนที่ 13", "There is no month 13" },
                { "15/11/2580", "ต้องไม่เป็นวันในอนาคต", "Must not be in the future" },
                { "15/11/69", "ปีพุทธศักราช 4 หลัก", "4-digit Buddhist Era year" },
                { "2569-11-15", "วว/ดด/ปปปป", "DD/MM/YYYY" } };
        for (String[] c : cases) {
            fillComplaint(c[0]);
            int sent = gateway.requests.size();
            browser.submit(FORM);
            browser.waitForText("[data-field=incidentDate] .field-error", c[1]);
            browser.useLanguage("en");
            browser.waitForText("[data-field=incidentDate] .field-error", c[2]);
            browser.useLanguage("th");
            assertThat(gateway.requests.subList(sent, gateway.requests.size())).as(c[0]).noneMatch(r -> r.startsWith("POST"));
        }
        // A leap day that exists is fine: 29 February 2567 is 2024-02-29.
        fillComplaint("29/02/2567");
        browser.submit(FORM);
        browser.find("#tracking-code");
        assertThat(lastRequest("POST /api/complaints ")).contains("\"incidentDate\":\"2024-02-29\"");
    }

    @Test
    void theDateBoxIsLabelledTellsItsFormatAndOpensTheNumberPad() {
        for (String lang : List.of("th", "en")) {
            browser.open(gateway.url() + "/#/file");
            browser.useLanguage(lang);
            WebElement box = browser.field(FORM, "incidentDate");
            assertThat(box.getAttribute("type")).isEqualTo("text");
            assertThat(box.getAttribute("inputmode")).isEqualTo("numeric");
            assertThat((Long) browser.js("return arguments[0].labels.length", box)).isEqualTo(1L);
            String described = (String) browser.js("return arguments[0].getAttribute('aria-describedby').split(' ')"
                    + ".map(id => document.getElementById(id).textContent).join(' ')", box);
            assertThat(described).contains(lang.equals("th") ? "วว/ดด/ปปปป" : "DD/MM/YYYY").contains("15/11/2569");
        }
        assertThat(browser.all("input[type=date], input[type=month]")).as("the browser's Gregorian controls").isEmpty();
    }

    @Test
    void theOfficersKeyInDateAndQueueMonthAreBuddhistEraToo() {
        browser.open(gateway.url() + "/#/officer/new");
        WebElement received = browser.field("#keyin-form", "receivedOn");
        assertThat(received.getAttribute("value")).as("today, shown in the Buddhist Era").matches("\\d{2}/\\d{2}/25\\d{2}");
        browser.choose("#keyin-form", "channel", "PHONE");
        browser.choose("#keyin-form", "category", "CORRUPTION");
        browser.type("#keyin-form", "details", "เจ้าหน้าที่เรียกเงินเพิ่มจากค่าธรรมเนียมที่กำหนด");
        browser.field("#keyin-form", "receivedOn").clear();
        int before = gateway.requests.size();
        browser.submit("#keyin-form");
        browser.waitForText("[data-field=receivedOn] .field-error", "กรุณากรอกวันที่");
        assertThat(gateway.requests.subList(before, gateway.requests.size())).noneMatch(r -> r.startsWith("POST"));
        browser.type("#keyin-form", "receivedOn", "3/11/2569");
        browser.submit("#keyin-form");
        browser.find("#keyin-form .form-message");
        assertThat(lastRequest("POST /api/complaints/cases ")).contains("\"receivedOn\":\"2026-11-03\"");

        browser.open(gateway.url() + "/#/officer");
        browser.find("#queue");
        browser.type("#queue-filters", "month", "11/2026");
        browser.submit("#queue-filters");
        browser.waitForText("[data-field=month] .field-error", "หมายถึงปี 2569 ใช่หรือไม่");
        browser.type("#queue-filters", "month", "11/2569");
        int sent = gateway.requests.size();
        browser.submit("#queue-filters");
        browser.find("#queue table");
        assertThat(gateway.requests.subList(sent, gateway.requests.size()))
                .anyMatch(r -> r.startsWith("GET /api/complaints/cases?") && r.contains("month=2026-11"));
    }

    @Test
    void inEnglishAgencyNamesTheInfographicAndCountsAreEnglish() {
        browser.open(gateway.url() + "/#/stats");
        browser.useLanguage("en");
        browser.waitForText("#rollup-result", "Huai Khwang District Office (huaikhwang)");
        assertThat(browser.find("#rollup-result").getText()).contains("1 agency included", "Wang Thonglang District Office")
                .doesNotContain("1 agencies").doesNotContainPattern("[\\u0E00-\\u0E7F]");
        assertThat(browser.find("#infographic").getAttribute("src")).endsWith("/assets/icon.svg?lang=en");
        browser.useLanguage("th");
        browser.waitForText("#rollup-result", "สำนักงานเขตห้วยขวาง");
        assertThat(browser.find("#infographic").getAttribute("src")).endsWith("/assets/icon.svg");
    }

    @Test
    void englishCountsTakeTheirPluralFormThaiHasNone() {
        browser.open(gateway.url() + "/#/");
        String script = "const done = arguments[arguments.length - 1];"
                + "import('/assets/js/i18n.js').then(m => done([['1', 'en'], ['2', 'en'], ['0', 'en'], ['1,234', 'en'],"
                + " ['21', 'en'], ['1', 'th']].map(([n, l]) => m.t('head.daysLeft', { n, date: 'D' }, l))))";
        assertThat(browser.driver.executeAsyncScript(script)).isEqualTo(List.of("1 day left (by D)",
                "2 days left (by D)", "0 days left (by D)", "1,234 days left (by D)", "21 days left (by D)",
                "เหลือ 1 วัน (ภายใน D)"));
    }

    @Test
    void noPageShowsAnIsoDateInThaiOrEnglish() {
        for (String lang : List.of("th", "en")) {
            for (String route : List.of("#/", "#/file", "#/stats", "#/officer", "#/officer/new",
                    "#/officer/case/c0ffee00-1111-4222-8333-444455556666")) {
                browser.open(gateway.url() + "/" + route);
                browser.useLanguage(lang);
                assertThat((String) browser.js("return document.body.innerText")).as("%s in %s", route, lang)
                        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
            }
            browser.open(gateway.url() + "/#/track");
            browser.useLanguage(lang);
            browser.type("#track-form", "trackingCode", "1234 5678 9012 3456");
            browser.submit("#track-form");
            browser.find("#stages");
            assertThat((String) browser.js("return document.body.innerText")).as("tracking in %s", lang)
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    private void fillComplaint(String incidentDate) {
        browser.open(gateway.url() + "/#/file");
        browser.choose(FORM, "category", "CORRUPTION");
        browser.type(FORM, "details", "เจ้าหน้าที่เรียกเงินเพิ่มจากค่าธรรมเนียมที่กำหนด");
        browser.type(FORM, "incidentDate", incidentDate);
    }

    private String lastRequest(String prefix) {
        return gateway.requests.stream().filter(r -> r.startsWith(prefix)).reduce((a, b) -> b).orElse("");
    }
}
