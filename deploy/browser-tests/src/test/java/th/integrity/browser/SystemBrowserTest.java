package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import th.integrity.local.Components;
import th.integrity.local.LauncherConfig;
import th.integrity.local.LocalSystem;

/**
 * The whole system as the launcher runs it (embedded Kafka and MongoDB, every service a process of its own, the
 * development OpenID Connect provider), on free ports and a fresh data directory, driven through the gateway by
 * headless Chromium as citizens, officers, staff, the head and the administrator would. Each person has a browser
 * of their own (their own cookies). Screenshots of every main page, Thai and English, go to target/screenshots/.
 *
 * <p>Skipped with the reason when Chromium or its driver is missing, when the service jars are not built, or when
 * the launcher does not start the OpenID Connect provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemBrowserTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;
    private LocalSystem system;
    private String gateway;
    private String skipped;
    private final List<Browser> browsers = new ArrayList<>();
    private Browser officer;
    private String trackingCode;

    @BeforeAll
    void startTheSystem() {
        Browser.assumeInstalled();
        Path home = Path.of("..", "..").toAbsolutePath().normalize();
        List<String> missing = Components.SERVICES.stream().map(spec -> spec.jar(home)).filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            skipped = "Skipping the browser tests of the whole system: service jars not built " + missing
                    + ". Build them from the repository root with ./mvnw -q install -DskipTests";
            return;
        }
        if (Components.SERVICES.stream().noneMatch(spec -> spec.name().contains("oidc"))) {
            skipped = "Skipping the browser tests of the whole system: the launcher (deploy/local Components.SERVICES) "
                    + "does not start the development OpenID Connect provider, so nobody can sign in.";
            return;
        }
        LauncherConfig config = LauncherConfig.defaults(home, data).withFreePorts().withStartupTimeout(Duration.ofMinutes(5));
        system = LocalSystem.start(config);
        gateway = system.gatewayUrl();
    }

    @BeforeEach
    void requireTheSystem() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    void stop() {
        browsers.forEach(Browser::close);
        if (system != null) {
            system.close();
        }
    }

    private Browser browser() {
        Browser browser = new Browser();
        browsers.add(browser);
        return browser;
    }

    /** Signs in through the provider's own login page, as a person would; back on the gateway's home page. */
    private Browser signedIn(String username) {
        Browser browser = browser();
        browser.open(gateway + "/");
        browser.find("#sign-in").click();
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys("demo");
        browser.find("button[type=submit]").click();
        browser.wait.until(d -> d.getCurrentUrl().startsWith(gateway));
        browser.ready();
        browser.find("#sign-out");
        return browser;
    }

    @Test
    @Order(1)
    void aCitizenFilesAnAnonymousComplaintWithAnAttachmentAndGetsACode() throws Exception {
        Browser citizen = browser();
        citizen.open(gateway + "/#/file");
        citizen.screenshots("file");
        citizen.choose("#complaint-form", "agency", "wangthonglang");
        citizen.choose("#complaint-form", "category", "CORRUPTION");
        citizen.type("#complaint-form", "details", "เจ้าหน้าที่เรียกเงินเพิ่มจากค่าธรรมเนียมที่กำหนดไว้ในประกาศ 500 บาท");
        Path photo = Files.createTempFile(data, "receipt", ".png");
        Files.write(photo, Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        citizen.field("#complaint-form", "files").sendKeys(photo.toString());
        citizen.submit("#complaint-form");

        trackingCode = citizen.find("#tracking-code").getText();
        assertThat(trackingCode).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
        assertThat(citizen.find("#download-code").getAttribute("href")).startsWith("blob:");
        citizen.screenshots("receipt");
        assertThat(citizen.consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void anOfficerSignsInAndAsksAQuestion() {
        officer = signedIn("officer");
        officer.route("#/officer");
        officer.find(".case-link");
        officer.screenshots("officer-queue");
        officer.find(".case-link").click();
        officer.ready();
        officer.find("#case-title");
        officer.type("#message-form", "text", "กรุณาระบุวันและเวลาที่เกิดเหตุ");
        officer.submit("#message-form");
        officer.waitForText("#case-messages", "กรุณาระบุวันและเวลาที่เกิดเหตุ");
        officer.screenshots("officer-case");
    }

    @Test
    @Order(3)
    void theCitizenWithTheCodeSeesTheQuestionAndReplies() {
        Browser citizen = browser();
        citizen.open(gateway + "/#/track");
        citizen.type("#track-form", "trackingCode", trackingCode);
        citizen.submit("#track-form");
        citizen.waitForText("#messages", "กรุณาระบุวันและเวลาที่เกิดเหตุ");
        citizen.type("#reply-form", "text", "เกิดเหตุวันที่ 3 พฤศจิกายน เวลาประมาณ 10 นาฬิกา");
        citizen.submit("#reply-form");
        citizen.waitForText("#messages", "เกิดเหตุวันที่ 3 พฤศจิกายน");
        citizen.screenshots("track");
    }

    @Test
    @Order(4)
    void theOfficerConcludesTheCase() {
        officer.driver.navigate().refresh();
        officer.ready();
        officer.waitForText("#case-messages", "เกิดเหตุวันที่ 3 พฤศจิกายน");
        for (String to : List.of("UNDER_REVIEW", "UNDER_INVESTIGATION", "CONCLUDED_WITH_CAUSE")) {
            officer.choose("#move-form", "to", to);
            officer.type("#move-form", "reason", "ตรวจสอบแล้วตามขั้นตอน " + to);
            officer.submit("#move-form");
            officer.wait.until(d -> d.findElements(By.cssSelector("#case-history li")).stream()
                    .anyMatch(li -> li.getText().contains(to)));
        }
        assertThat(officer.find("#case-status").getText()).isEqualTo("มีมูล");
        assertThat(officer.all("#move-form")).as("a final state allows no move").isEmpty();
    }

    @Test
    @Order(5)
    void aStaffMemberDeclaresAGiftOverTheLimitAndTheHeadDecides() {
        Browser staff = signedIn("staff");
        staff.route("#/staff");
        staff.type("#gift-form", "giver.name", "บริษัท ตัวอย่าง จำกัด");
        staff.choose("#gift-form", "giver.type", "ORGANISATION");
        staff.choose("#gift-form", "giver.relation", "NOT_RELATIVE");
        staff.choose("#gift-form", "kind", "ITEM");
        staff.type("#gift-form", "description", "กระเช้าของขวัญปีใหม่");
        staff.type("#gift-form", "value", "5000.00");
        staff.type("#gift-form", "valuation", "ราคาตามใบเสร็จ");
        staff.choose("#gift-form", "occasion", "NEW_YEAR");
        staff.choose("#gift-form", "disposition", "KEPT");
        staff.type("#gift-form", "acceptanceReason", "ผู้ให้มอบไว้ที่สำนักงาน");
        staff.waitForText("#rule-preview", "เกิน 3,000.00 บาท");
        assertThat(staff.find("#rule-preview .outcome").getAttribute("class")).contains("NEEDS_DECISION");
        staff.screenshots("staff");
        staff.submit("#gift-form");
        staff.waitForText("#my-declarations", "กระเช้าของขวัญปีใหม่");

        Browser head = signedIn("head");
        head.route("#/head");
        head.waitForText("#decision-queue", "กระเช้าของขวัญปีใหม่");
        head.screenshots("head");
        head.find("#decision-queue form select").sendKeys("");
        new org.openqa.selenium.support.ui.Select(head.find("#decision-queue form select")).selectByValue("MAY_KEEP");
        head.find("#decision-queue form button[type=submit]").click();
        head.waitForText("#decision-queue", "บันทึกคำวินิจฉัยแล้ว");
    }

    @Test
    @Order(6)
    void anAdministratorPublishesTheStatistics() {
        Browser admin = signedIn("admin");
        admin.route("#/admin");
        admin.find("#preview-draft").click();
        admin.find("#draft-table");
        admin.screenshots("admin");
        admin.submit("#publish-form");
        admin.waitForText("#admin-publications", "ฉบับที่ 1");
    }

    @Test
    @Order(7)
    void anAnonymousVisitorSeesTheTableTheChartAndTheCsv() throws Exception {
        Browser visitor = browser();
        visitor.open(gateway + "/#/stats");
        visitor.find("#published-table");
        visitor.wait.until(d -> (Boolean) visitor.js("const i = document.getElementById('infographic'); return i.complete && i.naturalWidth > 0"));
        String csv = visitor.find("a.csv-link").getAttribute("href");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        visitor.screenshots("stats");
        visitor.open(gateway + "/#/");
        visitor.screenshots("home");
        assertThat(visitor.consoleErrors()).isEmpty();
    }

    @Test
    @Order(8)
    void theLanguageSwitchWorksAndIsRemembered() {
        Browser visitor = browser();
        visitor.open(gateway + "/#/");
        assertThat(visitor.lang()).isEqualTo("th");
        visitor.useLanguage("en");
        assertThat(visitor.find("h1").getText()).contains("Report, follow up");
        visitor.open(gateway + "/#/file");
        assertThat(visitor.lang()).isEqualTo("en");
        assertThat(visitor.find("h1").getText()).isEqualTo("File a complaint");
    }

    @Test
    @Order(9)
    void aPhoneSizedViewportShowsTheComplaintFormWithoutSidewaysScrolling() {
        try (Browser phone = new Browser(360, 740)) {
            phone.open(gateway + "/#/file");
            phone.field("#complaint-form", "details");
            assertThat(phone.scrollsSideways()).isFalse();
            phone.screenshots("file-360");
        }
    }

    /**
     * Sign-out from the page: what the page's script gets back and every address the tab went through hold no token
     * (before, the answer carried the ID token as {@code id_token_hint}); the provider's session has ended, so
     * signing in again shows its login form.
     */
    @Test
    @Order(10)
    void signingOutShowsThePageNoTokenAndEndsTheProviderSession() {
        Browser staff = signedIn("staff3");
        // Keep the sign-out answer where the page can read it after the navigations that follow (same origin, same tab).
        staff.js("""
                const original = window.fetch;
                window.fetch = async (...args) => {
                  const response = await original(...args);
                  if (String(args[0]).includes('/logout')) sessionStorage.setItem('signOutAnswer', await response.clone().text());
                  return response;
                };""");
        staff.find("#sign-out").click();
        staff.find("#sign-in");
        staff.wait.until(d -> d.getCurrentUrl().startsWith(gateway));

        String answer = (String) staff.js("return sessionStorage.getItem('signOutAnswer')");
        assertThat(answer).contains("\"signedOut\":true").contains("client_id=integrity-gateway")
                .doesNotContain("eyJ").doesNotContain("id_token_hint");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) staff.driver
                .executeCdpCommand("Page.getNavigationHistory", Map.of()).get("entries");
        assertThat(history).extracting(entry -> String.valueOf(entry.get("url"))).isNotEmpty()
                .noneMatch(url -> url.contains("eyJ") || url.contains("id_token_hint"));

        staff.find("#sign-in").click();
        staff.find("#password"); // the provider asks for the password again
        assertThat(staff.consoleErrors()).isEmpty();
    }
}
