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

    /** A gift over the limit, kept, declared on the gift page by whoever {@code person} is signed in as. */
    private static void declareAGiftOverTheLimit(Browser person, String description) {
        person.route("#/staff");
        person.type("#gift-form", "giver.name", "บริษัท ตัวอย่าง จำกัด");
        person.choose("#gift-form", "giver.type", "ORGANISATION");
        person.choose("#gift-form", "giver.relation", "NOT_RELATIVE");
        person.choose("#gift-form", "kind", "ITEM");
        person.type("#gift-form", "description", description);
        person.type("#gift-form", "value", "5000.00");
        person.type("#gift-form", "valuation", "ราคาตามใบเสร็จ");
        person.choose("#gift-form", "occasion", "NEW_YEAR");
        person.choose("#gift-form", "disposition", "KEPT");
        person.type("#gift-form", "acceptanceReason", "ผู้ให้มอบไว้ที่สำนักงาน");
        person.submit("#gift-form");
        person.waitForText("#my-declarations", description);
    }

    /**
     * The head's own gift goes to the decider above her district (the BMA's Permanent Secretary): her pages say so
     * and offer no decision form for it; her queue holds only her staff's.
     */
    @Test
    @Order(11)
    void theHeadsOwnGiftIsSentToTheDeciderAboveWithoutADecisionForm() {
        Browser head = signedIn("head");
        declareAGiftOverTheLimit(head, "ชุดถ้วยกาแฟที่ระลึกของผู้อำนวยการ");
        head.waitForText("#my-declarations", "ส่งให้ ปลัดกรุงเทพมหานคร วินิจฉัยแล้ว");

        head.route("#/head");
        head.waitForText("#own-declarations", "ชุดถ้วยกาแฟที่ระลึกของผู้อำนวยการ");
        assertThat(head.find("#own-declarations").getText()).contains("ส่งให้ ปลัดกรุงเทพมหานคร วินิจฉัยแล้ว");
        assertThat(head.all("#own-declarations form")).as("no decision form on her own declaration").isEmpty();
        assertThat(head.find("#decision-queue").getText()).doesNotContain("ชุดถ้วยกาแฟที่ระลึกของผู้อำนวยการ");
        head.useLanguage("en");
        head.waitForText("#own-declarations", "Sent to the Permanent Secretary for the BMA for a decision");
        head.screenshots("head-own-gift");
        head.useLanguage("th");
        assertThat(head.consoleErrors()).isEmpty();
    }

    /** A signed-out visitor opens a staff page, signs in there, and is back on that page, not the home page. */
    @Test
    @Order(12)
    void signingInFromAProtectedPageComesBackToIt() {
        Browser officerToBe = browser();
        officerToBe.open(gateway + "/#/officer/registers");
        officerToBe.find("#sign-in-here").click();
        officerToBe.find("#username").sendKeys("officer");
        officerToBe.find("#password").sendKeys("demo");
        officerToBe.find("button[type=submit]").click();
        officerToBe.wait.until(d -> d.getCurrentUrl().startsWith(gateway));
        officerToBe.ready();
        officerToBe.find("#sign-out");
        assertThat(officerToBe.driver.getCurrentUrl()).isEqualTo(gateway + "/#/officer/registers");
        assertThat(officerToBe.find("h1").getText()).isEqualTo("งานเรื่องร้องเรียน");

        // The header's link carries the page too.
        Browser headToBe = browser();
        headToBe.open(gateway + "/#/head");
        headToBe.find("#sign-in").click();
        headToBe.find("#username").sendKeys("head");
        headToBe.find("#password").sendKeys("demo");
        headToBe.find("button[type=submit]").click();
        headToBe.wait.until(d -> d.getCurrentUrl().startsWith(gateway));
        headToBe.ready();
        headToBe.find("#decision-queue");
        assertThat(headToBe.driver.getCurrentUrl()).isEqualTo(gateway + "/#/head");
    }

    /** Each picture of the set exists, is more than a blank page, and shows the page's expected heading. */
    private static void assertShots(List<Browser.Shot> shots, String headingTh, String headingEn) throws Exception {
        assertShots(shots, headingTh, headingEn, 5 * 1024);
    }

    private static void assertShots(List<Browser.Shot> shots, String headingTh, String headingEn, long minBytes)
            throws Exception {
        assertThat(shots).hasSize(2);
        for (Browser.Shot shot : shots) {
            assertThat(shot.file()).exists();
            assertThat(Files.size(shot.file())).as(shot.file() + " is not a blank picture").isGreaterThan(minBytes);
            assertThat(shot.heading()).as(shot.file() + "'s heading").contains(shot.lang().equals("th") ? headingTh : headingEn);
        }
        assertThat(shots).extracting(shot -> shot.file().getFileName().toString())
                .allMatch(name -> name.matches("(th-360|en-1280)-[a-z-]+\\.png"));
        assertThat(shots).extracting(Browser.Shot::width).containsExactly(360, 1280);
    }

    /**
     * The screenshot set of issue 17 in target/screenshots: the home page, the complaint form with its errors, the
     * officer's queue, a case page and the infographic, each in Thai at 360 px ({@code th-360-*.png}) and in
     * English at 1280 px ({@code en-1280-*.png}); the seed-layout publication is {@link #theSeedLayoutPublicationShots}.
     */
    @Test
    @Order(13)
    void theScreenshotSetHasEveryMainPageInThaiAt360AndEnglishAt1280() throws Exception {
        Browser visitor = browser();
        visitor.open(gateway + "/#/");
        assertShots(visitor.screenshotSet("home", null), "แจ้งเรื่อง ติดตามเรื่อง", "Report, follow up");

        visitor.open(gateway + "/#/file");
        visitor.submit("#complaint-form");
        visitor.find("#complaint-form .field-error:not([hidden])");
        assertShots(visitor.screenshotSet("complaint-form-errors", null), "แจ้งเรื่องร้องเรียน", "File a complaint");
        assertThat(visitor.all("#complaint-form .field-error:not([hidden])")).as("the errors are in the pictures").isNotEmpty();

        Browser officer = signedIn("officer");
        officer.route("#/officer");
        officer.find(".case-link");
        assertShots(officer.screenshotSet("officer-queue", null), "งานเรื่องร้องเรียน", "Casework");
        officer.find(".case-link").click();
        officer.ready();
        officer.find("#case-title");
        assertShots(officer.screenshotSet("case", null), "งานเรื่องร้องเรียน", "Casework");

        visitor.open(gateway + "/#/stats");
        visitor.wait.until(d -> (Boolean) visitor.js("const i = document.getElementById('infographic'); return !!i && i.complete && i.naturalWidth > 0"));
        // The chart alone, not a page: at 360 px it is about 320 × 175 px, some 5 KB of PNG (a blank one is < 1 KB).
        assertShots(visitor.screenshotSet("infographic", "#infographic"), "สถิติเรื่องร้องเรียน", "Complaint statistics",
                3 * 1024);
        assertThat(visitor.consoleErrors()).isEmpty();
    }

    /**
     * The seed-layout publication (the form ศปท.กทม. and ITA assessors read), Thai at 360 px and English at 1280 px.
     * Skipped, saying so, while the publication format {@code ?format=seed} does not exist yet.
     */
    @Test
    @Order(14)
    void theSeedLayoutPublicationShots() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/stats/publications")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // A complaint publication's links name its seed layout (a gift publication has none).
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("\"seed\"\\s*:\\s*\"([^\"]+)\"").matcher(list);
        assertThat(link.find()).as("a complaint publication with a seed-layout link in %s", list).isTrue();
        // The link is on the configured public address; this run's gateway answers the same path.
        URI published = URI.create(link.group(1));
        String seed = gateway + published.getRawPath() + (published.getRawQuery() == null ? "" : "?" + published.getRawQuery());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(seed)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET " + seed).isEqualTo(200);
        assertThat(answer.body()).contains("ฝ่าย/ผู้ถูกร้องเรียน");

        Browser reader = browser();
        reader.driver.get(seed);
        List<Browser.Shot> shots = reader.screenshotSet("seed-publication", null,
                lang -> reader.driver.get(lang.equals("en") ? seed + "&lang=en" : seed));
        for (Browser.Shot shot : shots) {
            assertThat(Files.size(shot.file())).as(shot.file() + " is not a blank picture").isGreaterThan(5 * 1024);
            assertThat(shot.heading()).as(shot.file() + "'s heading").isNotBlank();
        }
    }

    /**
     * Issue 20: revealing a reporter takes a second factor. An officer and a head who signed in with a password alone
     * are refused on the reveal path, step up with the one-time code of their authenticator (the development
     * provider's demo secrets), come back to the same page and complete request → approve → read.
     */
    @Test
    @Order(15)
    void anOfficerAndAHeadStepUpWithAOneTimeCodeToRevealAReporter() throws Exception {
        String details = "ผู้ร้องเห็นการเรียกรับเงินใต้โต๊ะที่จุดบริการ รหัสทดสอบสองปัจจัย";
        HttpResponse<String> filed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/api/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"agency":"wangthonglang","category":"CORRUPTION","subcategory":"BRIBERY","details":"%s",
                         "reporter":{"mode":"CONFIDENTIAL","name":"มาลี สองปัจจัย","phone":"0891112222"}}""".formatted(details)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);

        Browser asker = signedIn("officer");
        asker.route("#/officer");
        asker.find(".case-link");
        String caseNumber = filed.body().replaceAll("(?s).*\"caseNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        // the case's id, as the officer's own session reads it (the queue's link to it)
        Object found = asker.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/complaints/cases?size=50', {credentials: 'same-origin'}).then(r => r.json())
                  .then(page => done(((page.items || []).find(c => c.caseNumber === arguments[0]) || {}).id || 'none'))
                  .catch(e => done('error ' + e));""", caseNumber);
        String caseId = String.valueOf(found);
        assertThat(caseId).as(caseNumber).matches("[0-9a-f-]{36}");
        String casePage = "#/officer/case/" + caseId;
        asker.route(casePage);
        String reason = "ต้องนัดผู้ร้องมาให้ถ้อยคำเพิ่มเติมเรื่องการเรียกรับเงิน";
        asker.type("#identity-request-form", "reason", reason);
        asker.submit("#identity-request-form");
        stepUp(asker, "6ZOREFMZ47HJ65LCFR7HHVUT4N4FXP6M", casePage);
        asker.type("#identity-request-form", "reason", reason);
        asker.submit("#identity-request-form");
        asker.waitForText("#disclosure", "รอหัวหน้าหน่วยงานพิจารณา");

        Browser head = signedIn("head");
        head.route("#/head");
        head.waitForText("#identity-requests", reason);
        head.submit("#identity-requests form");
        stepUp(head, "WJR3WLG3C2TBQLA2RA3HTENBM2VKK4KK", "#/head");
        head.waitForText("#identity-requests", reason);
        head.submit("#identity-requests form");
        head.waitForText("#identity-requests", "บันทึกการพิจารณาแล้ว");

        asker.driver.navigate().refresh();
        asker.ready();
        asker.submit("#reveal-form");
        asker.waitForText("#revealed", "มาลี สองปัจจัย");
        assertThat(asker.consoleErrors()).isEmpty();
    }

    /** The service refused for want of a second factor: the page says so, the person gives the code, and is back. */
    private void stepUp(Browser person, String demoSecret, String page) throws Exception {
        person.find("#step-up").click();
        person.find("#code").sendKeys(totp(demoSecret));
        person.find("button[type=submit]").click();
        person.wait.until(d -> d.getCurrentUrl().equals(gateway + "/" + page));
        person.ready();
    }

    /** RFC 6238 (HMAC-SHA1, 30 s, 6 digits), as an authenticator app computes it from the demo secret. */
    private static String totp(String base32) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 30_000).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }
}
