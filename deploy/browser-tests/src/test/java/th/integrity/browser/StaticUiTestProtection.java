package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public complaint form tells a reporter plainly how to protect themselves (issue 18): not from a work device
 * or network, what the tracking code is, that the site keeps no address — in Thai and in English, at phone width.
 */
class StaticUiTestProtection {

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void theFormSaysHowToProtectOneselfInBothLanguages() throws Exception {
        try (StubGateway gateway = new StubGateway(); Browser browser = new Browser(360, 740)) {
            browser.open(gateway.url() + "/#/file");
            String thai = browser.find("#protect-yourself").getText();
            assertThat(thai).contains("คอมพิวเตอร์", "ที่ทำงาน", "รหัสติดตาม", "ไม่เก็บที่อยู่ไอพี");
            browser.useLanguage("en");
            String english = browser.find("#protect-yourself").getText();
            for (String point : List.of("work computer", "network", "tracking code", "keeps no address")) {
                assertThat(english).contains(point);
            }
            // before the choice of staying anonymous, where a reporter decides
            assertThat((Boolean) browser.js("const a = document.getElementById('protect-yourself');"
                    + "const m = document.querySelector('input[name=\"reporter.mode\"]');"
                    + "return !!(a.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);")).isTrue();
            assertThat(browser.scrollsSideways()).isFalse();
        }
    }
}
