package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import tools.jackson.databind.JsonNode;

import th.integrity.stats.IntegrationTestSupport;
import th.integrity.platform.calendar.FiscalCalendar;

/** Publishing, correcting and reading publications in every format. */
class PublicationTest extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Response publish(String agency, Object body) {
        return post("/api/stats/publications", body, token(agency, "ADMIN"));
    }

    private JsonNode awaitDraftTotal(String agency, long total) {
        String path = "/api/stats/complaints/" + agency + "/2568/draft?through=2025-03";
        await().atMost(WAIT).until(() -> asOfficer(path).body().path("totalReceived").asLong() == total);
        return asOfficer(path).body();
    }

    @Test
    void aPublicationIsFrozenAndACorrectionSupersedesIt() {
        String agency = newAgency();
        sendComplaint(complaint(agency, "C-1", 1, Instant.parse("2024-11-03T03:00:00Z"), "RECEIVED"));
        awaitDraftTotal(agency, 1);

        Response first = publish(agency, Map.of("agency", agency, "fiscalYear", 2568, "through", "2025-03"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode published = first.body();
        String id = published.path("id").asString();
        assertThat(published.path("revision").asInt()).isEqualTo(1);
        assertThat(published.path("status").asString()).isEqualTo("CURRENT");
        assertThat(published.path("kind").asString()).isEqualTo("COMPLAINTS");
        assertThat(published.path("publishedBy").path("subject").asString()).isEqualTo("admin@" + agency);
        assertThat(published.path("publishedBy").path("name").asString()).isEqualTo("ผู้ทดสอบ ADMIN");
        assertThat(published.path("publishedAt").asString()).endsWith("+07:00");
        String checksum = published.path("checksum").path("value").asString();
        assertThat(checksum).hasSize(64);
        assertThat(CanonicalJson.sha256(CanonicalJson.write(json, published.path("table"))))
                .as("anyone can recompute the checksum from the published table").isEqualTo(checksum);
        assertThat(published.path("table").path("totalReceived").asLong()).isEqualTo(1);

        // A later event changes the draft, never the publication.
        sendComplaint(complaint(agency, "C-2", 1, Instant.parse("2025-01-03T03:00:00Z"), "RECEIVED"));
        awaitDraftTotal(agency, 2);
        JsonNode again = get("/api/stats/publications/" + id).body();
        assertThat(again.path("checksum").path("value").asString()).isEqualTo(checksum);
        assertThat(again.path("table")).isEqualTo(published.path("table"));
        assertThat(again.path("table").path("totalReceived").asLong()).isEqualTo(1);

        // Publishing the same table again is refused: a correction is the way.
        Response duplicate = publish(agency, Map.of("agency", agency, "fiscalYear", 2568, "through", "2025-03"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("type").asString()).isEqualTo("urn:integrity:problem:already-published");
        assertThat(duplicate.body().path("detail_th").asString()).isNotBlank();

        Response noReason = publish(agency, Map.of("supersedes", id));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asString()).isEqualTo("reason");

        Response correction = publish(agency, Map.of("supersedes", id, "reason", "นับเรื่องที่รับทางไปรษณีย์ตกหล่น"));
        assertThat(correction.status()).as(correction.text()).isEqualTo(201);
        JsonNode second = correction.body();
        assertThat(second.path("revision").asInt()).isEqualTo(2);
        assertThat(second.path("supersedes").asString()).isEqualTo(id);
        assertThat(second.path("correctionReason").asString()).isEqualTo("นับเรื่องที่รับทางไปรษณีย์ตกหล่น");
        assertThat(second.path("table").path("totalReceived").asLong()).isEqualTo(2);

        JsonNode earlier = get("/api/stats/publications/" + id).body();
        assertThat(earlier.path("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(earlier.path("supersededBy").path("id").asString()).isEqualTo(second.path("id").asString());
        assertThat(earlier.path("supersededBy").path("revision").asInt()).isEqualTo(2);
        assertThat(earlier.path("supersededBy").path("reason").asString()).isEqualTo("นับเรื่องที่รับทางไปรษณีย์ตกหล่น");
        assertThat(earlier.path("table").path("totalReceived").asLong()).as("still readable, unchanged").isEqualTo(1);
        assertThat(earlier.path("checksum").path("value").asString()).isEqualTo(checksum);

        Response stale = publish(agency, Map.of("supersedes", id, "reason", "again"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().path("type").asString()).isEqualTo("urn:integrity:problem:not-current-revision");

        JsonNode list = get("/api/stats/publications?agency=" + agency + "&fiscalYear=2568").body();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("revision").asInt()).isEqualTo(2);
        assertThat(list.get(0).path("status").asString()).isEqualTo("CURRENT");
        assertThat(list.get(1).path("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(list.get(0).has("table")).isFalse();

        JsonNode dcat = get("/api/stats/publications/" + id + "/dcat").body();
        assertThat(dcat.path("@type").asString()).isEqualTo("dcat:Dataset");
        assertThat(dcat.path("owl:versionInfo").asString()).isEqualTo("1");
        assertThat(dcat.path("dct:license").path("@id").asString()).isEqualTo(Dcat.LICENSE);
        assertThat(dcat.path("dct:isReplacedBy").path("@id").asString()).endsWith(second.path("id").asString());
        assertThat(dcat.path("dct:temporal").path("dcat:startDate").path("@value").asString()).isEqualTo("2024-10-01");
        assertThat(dcat.path("dct:temporal").path("dcat:endDate").path("@value").asString()).isEqualTo("2025-03-31");
        assertThat(dcat.path("dct:title").toString()).contains("ข้อมูลเชิงสถิติเรื่องร้องเรียน");
        assertThat(dcat.path("dct:publisher").path("foaf:name").asString()).isEqualTo(agency);
        assertThat(dcat.path("dcat:distribution")).hasSize(6);
        // Absolute links use the configured public address, never a host a request names.
        assertThat(dcat.path("@id").asString()).isEqualTo(PUBLIC_URL + "/api/stats/publications/" + id);
        assertThat(dcat.path("dcat:distribution").toString()).contains("\"" + PUBLIC_URL + "/api/stats/publications/")
                .doesNotContain("localhost");
        JsonNode secondDcat = get("/api/stats/publications/" + second.path("id").asString() + "?format=dcat").body();
        assertThat(secondDcat.path("adms:versionNotes").toString()).contains("นับเรื่องที่รับทางไปรษณีย์ตกหล่น");
        assertThat(secondDcat.path("dct:issued").path("@value").asString())
                .isEqualTo(published.path("publishedAt").asString());
    }

    @Test
    void csvHasABomThaiHeadersAndTheSeedsEmptyMonths() {
        String agency = newAgency();
        sendComplaint(complaint(agency, "C-1", 1, Instant.parse("2024-10-03T03:00:00Z"), "RECEIVED"));
        awaitDraftTotal(agency, 1);
        String id = publish(agency, Map.of("agency", agency, "fiscalYear", 2568, "through", "2025-03")).body()
                .path("id").asString();

        byte[] bytes = bytes("/api/stats/publications/" + id + "?format=csv");
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("\"หน่วยงาน\",\"ปีงบประมาณ\",\"ประเภทเรื่อง\",\"เดือน\"")
                .contains("\"ช่องทาง: เว็บไซต์\"", "\"ช่องทาง: สายด่วน 1555\"", "\"รวม\"", "\"เรื่องค้างยกมา\"",
                        "\"สถานะ: ยุติเรื่อง\"", "\"หมายเหตุ\"");
        assertThat(lines).hasSize(1 + 4 * 7);
        assertThat(csv).contains("\"การทุจริต\",\"ตุลาคม 2567\",\"2024-10\",\"1\"")
                .contains("\"พฤศจิกายน 2567\",\"2024-11\",\"-\",\"-\"").contains("\"ไม่มีเรื่องร้องเรียน\"");
        Response byAccept = get("/api/stats/publications/" + id, null, "text/csv");
        assertThat(byAccept.contentType()).startsWith("text/csv");
    }

    @Test
    void svgIsWellFormedAccessibleXmlAndHtmlIsScriptFreeAndEscaped() throws Exception {
        String agency = HOSTILE_AGENCY;
        int fiscalYear = 2501 + (int) (Math.random() * 60);
        YearMonth october = YearMonth.of(fiscalYear - 544, 10);
        Response published = publish(agency, Map.of("agency", agency, "fiscalYear", fiscalYear,
                "through", october.toString()));
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        String id = published.body().path("id").asString();
        assertThat(published.body().path("agencyName_th").asString()).isEqualTo(HOSTILE_NAME);

        Response svg = get("/api/stats/publications/" + id + "?format=svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.text().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "script").getLength()).isZero();
        String title = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent();
        assertThat(title).contains("สถิติเรื่องร้องเรียน").contains(HOSTILE_NAME);
        String desc = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent();
        assertThat(desc).contains("ตุลาคม").contains("ไม่มีเรื่องร้องเรียน");
        assertThat(svg.text()).contains("&lt;script&gt;").doesNotContain("<script");
        // The fixed labels follow the language asked for: the lang parameter, else Accept-Language.
        assertThat(svg.text()).contains("xml:lang=\"th\"", ">ต.ค.</text>");
        Response english = get("/api/stats/publications/" + id + "?format=svg&lang=en");
        assertThat(english.text()).contains("xml:lang=\"en\"", ">Oct</text>").doesNotContain(">ต.ค.</text>");
        Response byHeader = getWithHeader("/api/stats/publications/" + id + "?format=svg", "Accept-Language",
                "en-GB,en;q=0.9,th;q=0.5");
        assertThat(byHeader.text()).contains("xml:lang=\"en\"", ">Oct</text>");
        assertThat(get("/api/stats/publications/" + id + "?format=svg&lang=fr").status()).isEqualTo(400);

        Response html = get("/api/stats/publications/" + id, null, "text/html,application/xhtml+xml;q=0.9");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.text()).doesNotContainIgnoringCase("<script").doesNotContain("<b>co</b>")
                .doesNotContain(" style=")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&quot;ทดสอบ&quot; &amp;")
                .contains("<html lang=\"th\">", "href=\"/api/stats/assets/publication.css\"")
                .contains("ไม่มีเรื่องร้องเรียน", "การทุจริต", "รวมทุกประเภท", "ฉบับที่ 1");

        Response css = get("/api/stats/assets/publication.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.text()).contains("size: A4 landscape");
    }

    /**
     * The seed layout is a format of every complaint publication, and every link a publication or its DCAT gives
     * is on the public address: a harvester outside the cluster can follow each of them.
     */
    @Test
    void theSeedLayoutIsAFormatAndEveryLinkIsOnThePublicAddress() {
        String agency = newAgency();
        sendComplaint(complaint(agency, "S-1", 1, Instant.parse("2024-10-03T03:00:00Z"), "RECEIVED"));
        awaitDraftTotal(agency, 1);
        JsonNode published = publish(agency, Map.of("agency", agency, "fiscalYear", 2568, "through", "2025-03"))
                .body();
        String id = published.path("id").asString();

        Response seed = get("/api/stats/publications/" + id + "?format=seed");
        assertThat(seed.status()).isEqualTo(200);
        assertThat(seed.contentType()).startsWith("text/html");
        assertThat(seed.text()).contains("<body class=\"publication seed\">", "ฝ่าย/ผู้ถูกร้องเรียน", "ผลการดำเนินการ",
                ">ตุลาคม 2567</th><td class=\"division\"></td><td class=\"n\">1</td>",
                ">พฤศจิกายน 2567</th><td class=\"division\">ไม่มีเรื่องร้องเรียน</td><td class=\"n\">-</td>");
        Response seedCsv = get("/api/stats/publications/" + id + "?format=seed-csv");
        assertThat(seedCsv.contentType()).startsWith("text/csv");
        assertThat(seedCsv.text()).contains("\"พฤศจิกายน 2567\",\"ไม่มีเรื่องร้องเรียน\",\"-\"");

        JsonNode links = published.path("links");
        assertThat(links.path("seed").asString()).isEqualTo(PUBLIC_URL + "/api/stats/publications/" + id + "?format=seed");
        JsonNode dcat = get("/api/stats/publications/" + id + "/dcat").body();
        assertThat(dcat.path("dcat:distribution").toString()).contains("?format=seed\"", "?format=seed-csv\"");
        java.util.List<String> urls = new java.util.ArrayList<>();
        links.forEach(link -> urls.add(link.asString()));
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("\"(https?://[^\"]*)\"").matcher(dcat.toString());
        while (found.find()) {
            urls.add(found.group(1));
        }
        java.util.List<String> ours = urls.stream().filter(u -> u.contains("/api/")).toList();
        assertThat(ours).hasSizeGreaterThan(links.size() + 6);
        for (String url : ours) {
            assertThat(url).startsWith(PUBLIC_URL + "/api/stats/publications/" + id);
        }
        for (String url : urls) {
            assertThat(url).doesNotContain("localhost").doesNotContainPattern(":\\d{2,5}(/|$)");
        }
        for (String format : java.util.List.of("json", "csv", "html", "svg", "seed", "seed-csv")) {
            assertThat(get("/api/stats/publications/" + id + "?format=" + format).status()).as(format).isEqualTo(200);
        }

        Response gifts = publish(agency, Map.of("kind", "GIFTS", "agency", agency, "fiscalYear", 2568, "round", "H1"));
        assertThat(gifts.status()).as(gifts.text()).isEqualTo(201);
        assertThat(gifts.body().path("links").has("seed")).isFalse();
        Response noSeed = get("/api/stats/publications/" + gifts.body().path("id").asString() + "?format=seed");
        assertThat(noSeed.status()).isEqualTo(400);
        assertThat(noSeed.body().path("errors").get(0).path("field").asString()).isEqualTo("format");
    }

    @Test
    void aMonthThatHasNotEndedInBangkokCannotBePublished() {
        String agency = newAgency();
        YearMonth now = FiscalCalendar.monthOf(Instant.now());
        int fiscalYear = FiscalCalendar.fiscalYearOf(now).buddhistYear();
        Response refused = publish(agency, Map.of("agency", agency, "fiscalYear", fiscalYear, "through", now.toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("type").asString()).isEqualTo("urn:integrity:problem:period-not-ended");
        assertThat(refused.body().path("detail_th").asString()).contains("ยังไม่สิ้นสุด");
        Response bad = publish(agency, Map.of("agency", agency, "fiscalYear", 2568, "through", "2025-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("through");
    }

    @Test
    void onlyAnAdminOfTheAgencyPublishesAndAnyoneReads() {
        String agency = newAgency();
        Map<String, Object> body = Map.of("agency", agency, "fiscalYear", 2568, "through", "2024-10");
        assertThat(post("/api/stats/publications", body, token(agency, "OFFICER")).status()).isEqualTo(403);
        assertThat(post("/api/stats/publications", body, token(agency, "HEAD")).status()).isEqualTo(403);
        assertThat(post("/api/stats/publications", body, null).status()).isEqualTo(401);
        Response foreign = post("/api/stats/publications", body, token("huaikhwang", "ADMIN"));
        assertThat(foreign.status()).isEqualTo(404);
        Response ok = publish(agency, body);
        assertThat(ok.status()).isEqualTo(201);
        String id = ok.body().path("id").asString();
        Response foreignCorrection = post("/api/stats/publications", Map.of("supersedes", id, "reason", "x"),
                token("huaikhwang", "ADMIN"));
        assertThat(foreignCorrection.status()).isEqualTo(404);
        assertThat(get("/api/stats/publications/" + id).status()).as("public, no sign-in").isEqualTo(200);
        assertThat(get("/api/stats/publications/" + id + "?format=xml").status()).isEqualTo(400);
        assertThat(get("/api/stats/publications/" + id, null, "application/pdf").status()).isEqualTo(406);
        assertThat(get("/api/stats/publications/does-not-exist").status()).isEqualTo(404);
    }
}
