package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import th.integrity.browser.StubGateway.Answer;

/**
 * Follow-up evidence on the tracking page ({@link StubGateway}): a reporter with an open complaint sends more files,
 * the request carries the code in its body (never the address), and an empty choice is explained, not sent.
 */
class StaticUiTestEvidence {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void aReporterSendsMoreFilesWithTheCodeInTheBody() throws Exception {
        List<String> uploads = new CopyOnWriteArrayList<>();
        Path photo = Files.createTempFile("evidence", ".png");
        Files.write(photo, PNG);
        try (StubGateway gateway = new StubGateway(); Browser browser = new Browser(360, 740)) {
            gateway.route("POST /api/complaints/track/attachments", body -> {
                uploads.add(body);
                return Answer.json(201, "{\"at\":\"2025-11-21T03:00:00Z\",\"files\":1}");
            });
            browser.open(gateway.url() + "/#/track");
            browser.type("#track-form", "trackingCode", "1234 5678 9012 3456");
            browser.submit("#track-form");
            browser.find("#evidence-form");

            browser.submit("#evidence-form");
            browser.waitForText("#evidence-form", "เลือกไฟล์อย่างน้อยหนึ่งไฟล์");
            assertThat(uploads).as("nothing sent without a file").isEmpty();

            browser.field("#evidence-form", "files").sendKeys(photo.toString());
            browser.submit("#evidence-form");
            browser.waitForText("#track-result", "ส่งไฟล์แล้ว");
            assertThat(uploads).singleElement().asString().contains("name=\"trackingCode\"")
                    .contains("1234 5678 9012 3456").contains("name=\"files\"");
            assertThat(browser.js("return document.activeElement === document.body")).isEqualTo(false);
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            Files.deleteIfExists(photo);
        }
    }
}
