package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import th.integrity.browser.StubGateway.Answer;

/**
 * In-app notices on the static pages ({@link StubGateway} answering as complaints-service and gifts-service would,
 * docs/gateway.md "Notices"): the header's count sums the services the person's roles use, the list is newest
 * first with Buddhist-Era Bangkok times and links that stay inside the UI, "mark all read" empties the count, the
 * e-mail settings send only what changed and show a 400 problem at the form, and a service that is down leaves the
 * other's notices on screen with a plain note.
 */
class StaticUiTestNotices extends StubbedPages {

    private static final String CASE = "c0ffee00-1111-4222-8333-444455556666";
    private static final String HEAD = """
            {"authenticated":true,"name":"ผู้อำนวยการเขต","username":"head","agency":"wangthonglang","roles":["HEAD"]}""";
    private static final String STAFF = """
            {"authenticated":true,"name":"พนักงานทดสอบ","username":"staff","agency":"wangthonglang","roles":["STAFF"]}""";

    private static String notices(int unread, String... items) {
        return "{\"unread\":" + unread + ",\"items\":[" + String.join(",", items) + "]}";
    }

    private static String item(String id, String kind, String at, boolean read, String link) {
        return "{\"id\":\"%s\",\"kind\":\"%s\",\"at\":\"%s\",\"read\":%s,\"link\":%s}".formatted(id, kind, at, read,
                link == null ? "null" : "\"" + link + "\"");
    }

    private static final String PROBLEM_503 = """
            {"type":"urn:integrity:problem:unavailable","title":"Service unavailable","title_th":"ระบบไม่พร้อมให้บริการ","status":503}""";

    private String countText() {
        return (String) browser.js("return document.getElementById('notice-count-text').textContent");
    }

    private String badge() {
        return (String) browser.js("const b = document.querySelector('#notices-link .notice-count');"
                + "return b && !b.hidden ? b.textContent : ''");
    }

    private void waitForBadge(String expected) {
        browser.wait.until(d -> expected.equals(badge()));
    }

    @Test
    void theCountSumsBothServicesSaysItInWordsAndFollowsNavigation() throws Exception {
        AtomicInteger complaints = new AtomicInteger(2);
        StubGateway gateway = stub(StubGateway.OFFICER)
                .route("GET /api/complaints/notices", body -> Answer.json(200, notices(complaints.get())))
                .route("GET /api/gifts/notices", body -> Answer.json(200, notices(1)));
        browser.open(gateway.url() + "/#/");
        browser.useLanguage("th");
        waitForBadge("3");
        assertThat(countText()).isEqualTo("แจ้งเตือนใหม่ 3 รายการ");
        assertThat(browser.find("#notices-link").getAttribute("href")).endsWith("#/notices");
        browser.useLanguage("en");
        browser.wait.until(d -> "3 unread notices".equals(countText()));
        assertThat(browser.find("#notices-link").getAttribute("title")).isEqualTo("3 unread notices");
        browser.useLanguage("th");
        // counted once for the page, not again and again while nothing happens (at most once a minute)
        Thread.sleep(2_000);
        assertThat(gateway.requests.stream().filter(r -> r.startsWith("GET /api/complaints/notices?"))).hasSize(1);
        assertThat(gateway.requests.stream().filter(r -> r.startsWith("GET /api/gifts/notices?"))).hasSize(1);

        // counted again on the next navigation, without reloading the page
        complaints.set(5);
        browser.route("#/stats");
        waitForBadge("6");
        assertThat(countText()).isEqualTo("แจ้งเตือนใหม่ 6 รายการ");
    }

    @Test
    void onlyTheServicesAPersonsRolesUseAreAsked() throws Exception {
        StubGateway staff = stub(STAFF)
                .route("GET /api/complaints/notices", body -> Answer.json(200, notices(7)))
                .route("GET /api/gifts/notices", body -> Answer.json(200, notices(1)));
        browser.open(staff.url() + "/#/");
        waitForBadge("1");
        assertThat(staff.requests).noneMatch(r -> r.startsWith("GET /api/complaints/notices"));

        StubGateway admin = stub(StubGateway.ADMIN)
                .route("GET /api/gifts/notices", body -> Answer.json(200, notices(4)));
        browser.open(admin.url() + "/#/");
        browser.find("#sign-out");
        assertThat(browser.all("#notices-link")).as("an administrator has no notices").isEmpty();
        assertThat(admin.requests).noneMatch(r -> r.contains("/notices"));

        StubGateway visitor = stub();
        browser.open(visitor.url() + "/#/");
        browser.find("#sign-in");
        assertThat(browser.all("#notices-link")).isEmpty();
        assertThat(visitor.requests).noneMatch(r -> r.contains("/notices"));
    }

    @Test
    void theListIsNewestFirstWithBuddhistEraTimesAndLinksThatStayInTheUi() throws Exception {
        List<String> read = new CopyOnWriteArrayList<>();
        StubGateway gateway = stub(HEAD)
                .route("GET /api/complaints/notices", body -> Answer.json(200, notices(2,
                        item("c1", "identity-request-pending", "2025-11-20T03:00:00Z", false, "#/head"),
                        item("c2", "case-overdue", "2025-11-18T17:30:00Z", false, "#/cases/" + CASE),
                        item("c3", "complaint-new", "2025-11-10T03:00:00Z", true, "javascript:alert(1)"),
                        item("c4", "<img src=x id=injected>", "2025-11-01T03:00:00Z", true, null))))
                .route("GET /api/gifts/notices", body -> Answer.json(200, notices(1,
                        item("g1", "gift-awaiting-decision", "2025-11-19T03:00:00Z", false, "https://evil.example/#/head"))))
                .route("POST /api/complaints/notices/read", body -> {
                    read.add(body);
                    return new Answer(204, "application/json", "");
                });
        browser.open(gateway.url() + "/#/notices");
        browser.useLanguage("th");
        browser.find("#notices-list");
        List<String> kinds = browser.all("#notices-list > li").stream().map(li -> li.getAttribute("data-kind")).toList();
        assertThat(kinds).containsExactly("identity-request-pending", "gift-awaiting-decision", "case-overdue", "complaint-new",
                "<img src=x id=injected>");
        // a kind the UI does not know is its name, as text, and leads nowhere
        assertThat(browser.all("#injected")).isEmpty();
        assertThat(browser.all("#notices-list > li").get(4).getText()).contains("<img src=x id=injected>");

        List<WebElement> items = browser.all("#notices-list > li");
        assertThat(items.get(0).getText()).contains("คำขอเปิดเผยตัวผู้แจ้งรอการอนุมัติ").contains("20 พ.ย. 2568 10:00 น.");
        // 17:30 UTC on the 18th is half past midnight on the 19th in Bangkok
        assertThat(items.get(2).getText()).contains("19 พ.ย. 2568 00:30 น.");
        assertThat(items.get(2).findElement(org.openqa.selenium.By.tagName("time")).getAttribute("datetime"))
                .isEqualTo("2025-11-18T17:30:00Z");
        List<String> links = browser.all("#notices-list a").stream().map(a -> a.getAttribute("href")).toList();
        assertThat(links).as("every notice links a page of the UI, whatever the service wrote")
                .containsExactly(gateway.url() + "/#/head", gateway.url() + "/#/head",
                        gateway.url() + "/#/officer/case/" + CASE, gateway.url() + "/#/officer");
        assertThat(browser.all("#notices-list > li.unread")).hasSize(3);

        browser.useLanguage("en");
        browser.waitForText("#notices-list", "20 Nov 2568 BE, 10:00");
        browser.waitForText("#notices-list", "A case is overdue");
        browser.useLanguage("th");

        // keyboard: a notice's link is reached and opened from the keyboard, and that notice is marked read
        WebElement overdue = browser.all("#notices-list a").get(2);
        browser.js("arguments[0].focus()", overdue);
        overdue.sendKeys(Keys.ENTER);
        browser.wait.until(d -> ("#/officer/case/" + CASE).equals(browser.js("return window.location.hash")));
        browser.wait.until(d -> read.size() == 1);
        assertThat(read).singleElement().asString().isEqualTo("{\"ids\":[\"c2\"]}");
    }

    @Test
    void markAllReadPostsToEachServiceAndTheCountDrops() throws Exception {
        AtomicReference<Boolean> complaintsRead = new AtomicReference<>(false);
        AtomicReference<Boolean> giftsRead = new AtomicReference<>(false);
        List<String> posts = new CopyOnWriteArrayList<>();
        StubGateway gateway = stub(StubGateway.OFFICER)
                .route("GET /api/complaints/notices", body -> Answer.json(200, complaintsRead.get()
                        ? notices(0, item("c1", "reporter-news", "2025-11-20T03:00:00Z", true, "#/officer/case/" + CASE))
                        : notices(1, item("c1", "reporter-news", "2025-11-20T03:00:00Z", false, "#/officer/case/" + CASE))))
                .route("GET /api/gifts/notices", body -> Answer.json(200, giftsRead.get()
                        ? notices(0, item("g1", "gift-decided", "2025-11-19T03:00:00Z", true, "#/staff"))
                        : notices(1, item("g1", "gift-decided", "2025-11-19T03:00:00Z", false, "#/staff"))))
                .route("POST /api/complaints/notices/read", body -> {
                    posts.add("complaints " + body);
                    complaintsRead.set(true);
                    return new Answer(204, "application/json", "");
                })
                .route("POST /api/gifts/notices/read", body -> {
                    posts.add("gifts " + body);
                    giftsRead.set(true);
                    return new Answer(204, "application/json", "");
                });
        browser.open(gateway.url() + "/#/notices");
        browser.useLanguage("th");
        waitForBadge("2");
        assertThat(browser.all("#notices-list > li.unread")).hasSize(2);
        browser.find("#mark-all-read").click();
        browser.waitForText("#notices-status", "ทำเครื่องหมายว่าอ่านแล้วทั้งหมดแล้ว");
        assertThat(posts).containsExactlyInAnyOrder("complaints {}", "gifts {}");
        waitForBadge("");
        assertThat(countText()).isEqualTo("ไม่มีแจ้งเตือนใหม่");
        assertThat(browser.all("#notices-list > li.unread")).isEmpty();
        assertThat(browser.all("#notices-list > li.read")).hasSize(2);
        assertThat(browser.find("#mark-all-read").isEnabled()).as("nothing left to mark").isFalse();
    }

    @Test
    void settingsSendOnlyTheChangedKindsAndShowA400ProblemAtTheForm() throws Exception {
        List<String> puts = new CopyOnWriteArrayList<>();
        StubGateway gateway = stub(StubGateway.OFFICER)
                .route("GET /api/complaints/notices/preferences", body -> Answer.json(200, """
                        {"email":"officer@wangthonglang.example","kinds":[{"kind":"complaint-new","email":true},
                         {"kind":"reporter-news","email":true},{"kind":"deadline-soon","email":true},{"kind":"case-overdue","email":false}]}"""))
                .route("GET /api/gifts/notices/preferences", body -> Answer.json(200, """
                        {"email":"officer@wangthonglang.example","kinds":[{"kind":"gift-decided","email":true}]}"""))
                .route("PUT /api/complaints/notices/preferences", body -> {
                    puts.add(body);
                    if (body.contains("case-overdue")) {
                        return Answer.json(400, """
                                {"type":"urn:integrity:problem:validation","title":"Invalid input","title_th":"ข้อมูลไม่ถูกต้อง",
                                 "status":400,"errors":[{"field":"kinds.case-overdue","message_en":"cannot be changed now",
                                 "message_th":"เปลี่ยนประเภทนี้ไม่ได้ในขณะนี้"}]}""");
                    }
                    return Answer.json(200, """
                            {"email":"officer@wangthonglang.example","kinds":[{"kind":"complaint-new","email":true},
                             {"kind":"reporter-news","email":true},{"kind":"deadline-soon","email":false},{"kind":"case-overdue","email":false}]}""");
                });
        browser.open(gateway.url() + "/#/notices/settings");
        browser.useLanguage("th");
        browser.find("#notice-preferences-complaints");
        assertThat(browser.find("#notice-settings-lead").getText())
                .contains("หยุดส่งอีเมลประเภทนั้น").contains("ยังแสดงในรายการแจ้งเตือน");
        assertThat(browser.find("#notice-email").getText()).contains("officer@wangthonglang.example");
        assertThat(browser.all("#notice-preferences-complaints input[type=checkbox]")).hasSize(4);
        assertThat(browser.all("#notice-preferences-gifts input[type=checkbox]")).hasSize(1);
        assertThat((Long) browser.js("return Array.from(document.querySelectorAll('.notice-preferences input'))"
                + ".filter(c => !c.labels || c.labels.length === 0).length")).as("every check box has a label").isZero();
        browser.useLanguage("en");
        browser.waitForText("#notice-settings-lead", "Turning a kind off stops its e-mail");
        browser.waitForText("#notice-settings-lead", "still show in the list");
        browser.waitForText("#notice-preferences-complaints", "A case is nearly due");
        browser.useLanguage("th");

        // nothing changed: nothing sent
        browser.submit("#notice-preferences-complaints");
        browser.waitForText("#notice-preferences-complaints", "ไม่มีการเปลี่ยนแปลง");
        assertThat(puts).isEmpty();

        // one box off, then back on and off again: exactly that kind goes, with its new value
        WebElement deadline = browser.find("#notice-preferences-complaints input[data-kind=deadline-soon]");
        deadline.click();
        deadline.click();
        deadline.click();
        browser.submit("#notice-preferences-complaints");
        browser.waitForText("#notice-preferences-complaints", "บันทึกการตั้งค่าแล้ว");
        assertThat(puts).singleElement().asString().isEqualTo("{\"kinds\":{\"deadline-soon\":false}}");
        assertThat(gateway.requests).noneMatch(r -> r.startsWith("PUT /api/gifts"));

        // a 400: the field's error sits next to its box, the summary at the top of the form, in both languages
        browser.find("#notice-preferences-complaints input[data-kind=case-overdue]").click();
        browser.submit("#notice-preferences-complaints");
        browser.waitForText("#notice-preferences-complaints [data-field='kinds.case-overdue'] .field-error", "เปลี่ยนประเภทนี้ไม่ได้ในขณะนี้");
        assertThat(puts.get(1)).isEqualTo("{\"kinds\":{\"case-overdue\":true}}");
        assertThat(browser.find("#notice-preferences-complaints input[data-kind=case-overdue]").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#notice-preferences-complaints > .form-message.error").getText()).contains("เรื่องเกินกำหนด");
        browser.useLanguage("en");
        browser.waitForText("#notice-preferences-complaints [data-field='kinds.case-overdue'] .field-error", "cannot be changed now");
        browser.useLanguage("th");
    }

    @Test
    void aServiceThatIsDownLeavesTheOthersNoticesWithAPlainNote() throws Exception {
        StubGateway gateway = stub(StubGateway.OFFICER)
                .route("GET /api/complaints/notices", body -> Answer.json(503, PROBLEM_503))
                .route("GET /api/complaints/notices/preferences", body -> Answer.json(503, PROBLEM_503))
                .route("GET /api/gifts/notices", body -> Answer.json(200, notices(2,
                        item("g1", "gift-decided", "2025-11-19T03:00:00Z", false, "#/staff"),
                        item("g2", "gift-decided", "2025-11-18T03:00:00Z", false, "#/staff"))))
                .route("GET /api/gifts/notices/preferences", body -> Answer.json(200, """
                        {"email":null,"kinds":[{"kind":"gift-decided","email":true}]}"""));
        browser.open(gateway.url() + "/#/notices");
        browser.useLanguage("th");
        waitForBadge("2");
        assertThat(browser.all("#notices-list > li")).hasSize(2);
        browser.waitForText("#notices-status .notice-unavailable[data-service=complaints]", "ระบบเรื่องร้องเรียน");
        assertThat(browser.all("#notices-status .notice-unavailable")).hasSize(1);

        browser.route("#/notices/settings");
        browser.find("#notice-preferences-gifts");
        browser.waitForText(".notice-unavailable[data-service=complaints]", "ระบบเรื่องร้องเรียน");
        assertThat(browser.all("#notice-preferences-complaints")).isEmpty();
        assertThat(browser.find("#notice-email").getText()).contains("ไม่มีที่อยู่อีเมล");

        // the service that has no notices at all (404, as before it offers them) is a note too, not an error page
        StubGateway older = stub(StubGateway.OFFICER)
                .route("GET /api/gifts/notices", body -> Answer.json(200, notices(1,
                        item("g1", "gift-decided", "2025-11-19T03:00:00Z", false, "#/staff"))));
        browser.open(older.url() + "/#/notices");
        waitForBadge("1");
        browser.find("#notices-list");
        browser.waitForText("#notices-status .notice-unavailable[data-service=complaints]", "ระบบเรื่องร้องเรียน");
        browser.useLanguage("en");
        browser.waitForText("#notices-status .notice-unavailable[data-service=complaints]", "cannot be shown right now");
        browser.useLanguage("th");
    }

    @Test
    void theNoticesPagesFitAPhone() throws Exception {
        StubGateway gateway = stub(HEAD)
                .route("GET /api/complaints/notices", body -> Answer.json(200, notices(12,
                        item("c1", "identity-request-pending", "2025-11-20T03:00:00Z", false, "#/head"))))
                .route("GET /api/gifts/notices", body -> Answer.json(200, notices(0,
                        item("g1", "gift-awaiting-decision", "2025-11-19T03:00:00Z", true, "#/head"))))
                .route("GET /api/complaints/notices/preferences", body -> Answer.json(200, """
                        {"email":"head@wangthonglang.example","kinds":[{"kind":"identity-request-pending","email":true}]}"""))
                .route("GET /api/gifts/notices/preferences", body -> Answer.json(200, """
                        {"email":"head@wangthonglang.example","kinds":[{"kind":"gift-awaiting-decision","email":true}]}"""));
        try (Browser phone = new Browser(360, 740)) {
            for (String lang : List.of("th", "en")) {
                phone.open(gateway.url() + "/#/notices");
                phone.useLanguage(lang);
                phone.find("#notices-list");
                phone.wait.until(d -> "12".equals(phone.js("return document.querySelector('#notices-link .notice-count').textContent")));
                assertThat(phone.scrollsSideways()).as("the notices page scrolls sideways at 360 px in %s", lang).isFalse();
                phone.screenshot("stub-notices-360-" + lang);
                phone.route("#/notices/settings");
                phone.find("#notice-preferences-gifts");
                assertThat(phone.scrollsSideways()).as("the settings page scrolls sideways at 360 px in %s", lang).isFalse();
                phone.screenshot("stub-notice-settings-360-" + lang);
            }
            phone.useLanguage("th");
            assertThat(phone.consoleErrors()).isEmpty();
        }
    }
}
