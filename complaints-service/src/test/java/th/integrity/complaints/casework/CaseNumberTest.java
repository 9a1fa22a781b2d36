package th.integrity.complaints.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.complaints.IntegrationTestSupport;
import th.integrity.complaints.Multipart;
import th.integrity.complaints.TestHttp;
import th.integrity.platform.calendar.FiscalCalendar;

/**
 * Case numbers (เลขรับ): given at intake, online and keyed in, per agency and fiscal year without gaps even when
 * many complaints arrive at once; shown wherever the case is; found however an officer types them. Also what a
 * keyed-in letter keeps of itself, and what a queue row tells an officer at a glance.
 */
class CaseNumberTest extends IntegrationTestSupport {

    private static final String DETAILS = "มีการเบิกค่าล่วงเวลาโดยไม่ได้มาปฏิบัติงานจริงในวันหยุดราชการหลายครั้ง";

    private int fiscalYearNow() {
        return FiscalCalendar.fiscalYear(FiscalCalendar.dateOf(clock.instant()));
    }

    private JsonNode fileOnline(String agency, String details) {
        HttpResponse<String> response = post("/api/complaints", "application/json",
                json.writeValueAsString(Map.of("agency", agency, "category", "CORRUPTION", "details", details)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response);
    }

    private HttpResponse<String> keyIn(String agency, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "LETTER", "receivedOn",
                FiscalCalendar.dateOf(clock.instant()).toString(), "category", "MISCONDUCT", "details", DETAILS));
        body.putAll(extra);
        return call("POST", "/api/complaints/cases", body, officer(agency));
    }

    private JsonNode queue(String agency, String query) {
        HttpResponse<String> response = call("GET", "/api/complaints/cases?size=100" + query, null, officer(agency));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private List<String> numbersFound(String agency, String typed) {
        List<String> numbers = new ArrayList<>();
        queue(agency, "&q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)).get("items")
                .forEach(row -> numbers.add(row.get("caseNumber").asString()));
        return numbers;
    }

    @Test
    void complaintsFiledAtTheSameTimeGetDistinctConsecutiveNumbers() throws Exception {
        int year = fiscalYearNow();
        int n = 24;
        List<String> numbers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> filed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Half online, half keyed in by an officer: one sequence for both.
                boolean online = i % 2 == 0;
                filed.add(pool.submit(() -> online ? fileOnline("numbers-a", DETAILS)
                        : body(keyIn("numbers-a", Map.of()))));
            }
            for (Future<JsonNode> receipt : filed) {
                numbers.add(receipt.get().get("caseNumber").asString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, n)
                .mapToObj(i -> String.format("ทด %04d/%d", i, year)).toList());
        // Stored with the case, unique within the agency.
        assertThat(mongo.getCollection("complaints").countDocuments(new org.bson.Document("agency", "numbers-a")
                .append("caseNumber", new org.bson.Document("$in", numbers)))).isEqualTo(n);
    }

    @Test
    void eachAgencyAndFiscalYearCountsFromOne() {
        int year = fiscalYearNow();
        LocalDate today = FiscalCalendar.dateOf(clock.instant());
        // A letter that arrived last fiscal year but is keyed in now counts in the year it arrived.
        LocalDate lastYear = LocalDate.of(today.getMonthValue() >= 10 ? today.getYear() : today.getYear() - 1, 9, 30);

        assertThat(fileOnline("numbers-c", DETAILS).get("caseNumber").asString()).isEqualTo("ทด 0001/" + year);
        assertThat(body(keyIn("numbers-c", Map.of("receivedOn", lastYear.toString()))).get("caseNumber").asString())
                .isEqualTo("ทด 0001/" + (year - 1));
        assertThat(fileOnline("numbers-c", DETAILS).get("caseNumber").asString()).isEqualTo("ทด 0002/" + year);
        // Another agency has its own sequence; one without a configured prefix is named by its code.
        assertThat(fileOnline("numbers-b", DETAILS).get("caseNumber").asString()).isEqualTo("NUMBERS-B 0001/" + year);
    }

    @Test
    void theCaseNumberIsShownWhereverTheCaseIs() {
        JsonNode receipt = fileOnline("numbers-d", DETAILS);
        String number = receipt.get("caseNumber").asString();
        assertThat(number).matches("คส \\d{4}/25\\d\\d");
        assertThat(receipt.get("agency").asString()).isEqualTo("numbers-d");
        assertThat(receipt.get("dueAt").asString()).isNotBlank();
        String caseId = caseIdOf(receipt.get("trackingCode").asString());

        HttpResponse<String> tracked = post("/api/complaints/track", "application/json",
                json.writeValueAsString(Map.of("trackingCode", receipt.get("trackingCode").asString())));
        assertThat(body(tracked).get("caseNumber").asString()).isEqualTo(number);
        assertThat(body(tracked).get("dueAt").asString()).isEqualTo(receipt.get("dueAt").asString());
        HttpResponse<String> view = call("GET", "/api/complaints/cases/" + caseId, null, officer("numbers-d"));
        assertThat(body(view).get("caseNumber").asString()).isEqualTo(number);
        assertThat(numbersFound("numbers-d", number)).containsExactly(number);
    }

    @Test
    void officersFindACaseByItsNumberHoweverTheyTypeIt() {
        int year = fiscalYearNow();
        for (int i = 0; i < 12; i++) {
            fileOnline("numbers-e", DETAILS);
        }
        String twelve = "คส 0012/" + year;
        String thaiYear = Integer.toString(year).chars().mapToObj(c -> String.valueOf((char) ('๐' + c - '0')))
                .reduce("", String::concat);
        for (String typed : List.of(twelve, "คส0012/" + year, "CS 12/" + year, "12/" + year, "  0012 / " + year + " ",
                "๑๒/" + thaiYear, "12", "012", "คส. 12", "12/" + (year - 543))) {
            assertThat(numbersFound("numbers-e", typed)).as(typed).containsExactly(twelve);
        }
        // 1 finds number 1 only, never 11 or 12; a number nobody has finds nothing.
        assertThat(numbersFound("numbers-e", "1")).containsExactly("คส 0001/" + year);
        assertThat(numbersFound("numbers-e", "13")).isEmpty();
        assertThat(numbersFound("numbers-e", "12/" + (year - 1))).isEmpty();
        // Another agency's officer finds nothing by the same number.
        assertThat(numbersFound("numbers-c", twelve)).doesNotContain(twelve);

        for (String hostile : List.of("12; drop", ".*", "^1", "12/25700", "0", "1/2/3", "{\"$ne\":null}", "12 OR 1=1",
                "abcdefghijklmnop 12", "12\n13", "-1")) {
            HttpResponse<String> refused = call("GET", "/api/complaints/cases?q="
                    + URLEncoder.encode(hostile, StandardCharsets.UTF_8), null, officer("numbers-e"));
            assertThat(refused.statusCode()).as(hostile).isEqualTo(400);
            assertThat(fields(body(refused))).as(hostile).containsExactly("q");
            assertThat(body(refused).get("errors").get(0).toString()).as(hostile).contains("เลขรับ");
        }
    }

    @Test
    void aKeyedInLetterKeepsItsOwnReferenceAndDate() {
        LocalDate today = FiscalCalendar.dateOf(clock.instant());
        HttpResponse<String> filed = keyIn("numbers-d", Map.of("letterRef", "  กท 5201/ว 123  ",
                "letterDate", today.minusDays(3).toString(), "receivedOn", today.minusDays(1).toString()));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode view = body(call("GET", "/api/complaints/cases/" + body(filed).get("caseId").asString(), null,
                officer("numbers-d")));
        assertThat(view.get("letterRef").asString()).isEqualTo("กท 5201/ว 123");
        assertThat(view.get("letterDate").asString()).isEqualTo(today.minusDays(3).toString());
        assertThat(view.get("caseNumber").asString()).isEqualTo(body(filed).get("caseNumber").asString());

        long before = storedComplaints();
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("letterDate", today.plusDays(1).toString()),
                Map.<String, Object>of("letterDate", today.toString(), "receivedOn", today.minusDays(1).toString()),
                Map.<String, Object>of("letterRef", "x".repeat(101)),
                Map.<String, Object>of("letterRef", "<script>alert(1)</script>"),
                Map.<String, Object>of("letterRef", "กท 5201\u0000/1"),
                Map.<String, Object>of("letterRef", "กท\u202E5201"))) {
            HttpResponse<String> refused = keyIn("numbers-d", bad);
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(fields(body(refused))).as(bad.toString()).allMatch(f -> f.startsWith("letter"));
        }
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void queueRowsShowASummaryTheNewMessageFlagTheLastUpdateAndTheFileCount() throws IOException {
        String details = "ผู้อำนวยการฝ่ายโยธาเรียกรับเงินจากผู้รับเหมาก่อสร้างถนนในซอยลาดพร้าว ๑๐๑ "
                + "เพื่อแลกกับการตรวจรับงานที่ยังไม่เสร็จ ".repeat(4);
        Multipart form = multipart(details);
        HttpResponse<String> response = TestHttp.postBytes(port, "/api/complaints", form.contentType(), form.bytes());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String code = body(response).get("trackingCode").asString();
        String caseId = caseIdOf(code);
        String officer = officer("numbers-d");

        JsonNode row = rowOf(caseId);
        String summary = row.get("summary").asString();
        assertThat(summary).endsWith("…").startsWith("ผู้อำนวยการฝ่ายโยธาเรียกรับเงิน");
        assertThat(readerCharacters(summary)).isBetween(110, 121);
        assertThat(details.replaceAll("\\s+", " ")).startsWith(summary.substring(0, summary.length() - 1));
        assertThat(row.get("attachments").asInt()).isEqualTo(1);
        assertThat(row.get("newFromReporter").asBoolean()).isFalse();
        String filedAt = row.get("lastUpdate").asString();

        clock.advance(java.time.Duration.ofMinutes(5));
        try {
            assertThat(post("/api/complaints/track/messages", "application/json", json.writeValueAsString(
                    Map.of("trackingCode", code, "text", "มีหลักฐานเพิ่มเติมครับ"))).statusCode()).isEqualTo(201);
            row = rowOf(caseId);
            assertThat(row.get("newFromReporter").asBoolean()).isTrue();
            assertThat(row.get("lastUpdate").asString()).isNotEqualTo(filedAt);

            // Opening the case reads the message: no longer new.
            assertThat(call("GET", "/api/complaints/cases/" + caseId, null, officer).statusCode()).isEqualTo(200);
            assertThat(rowOf(caseId).get("newFromReporter").asBoolean()).isFalse();

            clock.advance(java.time.Duration.ofMinutes(5));
            post("/api/complaints/track/messages", "application/json", json.writeValueAsString(
                    Map.of("trackingCode", code, "text", "ขอสอบถามความคืบหน้า")));
            assertThat(rowOf(caseId).get("newFromReporter").asBoolean()).isTrue();
            // Answering it (without opening the page, e.g. from another client) is acting on it too.
            clock.advance(java.time.Duration.ofMinutes(5));
            assertThat(call("POST", "/api/complaints/cases/" + caseId + "/messages",
                    Map.of("text", "ได้รับแล้ว กำลังตรวจสอบ"), officer).statusCode()).isEqualTo(201);
            assertThat(rowOf(caseId).get("newFromReporter").asBoolean()).isFalse();
        } finally {
            clock.reset();
        }
    }

    /** Characters as a reader counts them: a Thai consonant with its vowel and tone marks is one. */
    private static int readerCharacters(String text) {
        java.text.BreakIterator characters = java.text.BreakIterator.getCharacterInstance();
        characters.setText(text);
        int count = 0;
        while (characters.next() != java.text.BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    private JsonNode rowOf(String caseId) {
        for (JsonNode row : queue("numbers-d", "").get("items")) {
            if (row.get("id").asString().equals(caseId)) {
                return row;
            }
        }
        throw new AssertionError("case " + caseId + " not in the queue");
    }

    private Multipart multipart(String details) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png);
        return new Multipart().json("complaint", json.writeValueAsString(
                Map.of("agency", "numbers-d", "category", "CORRUPTION", "details", details)))
                .file("photo.png", "image/png", png.toByteArray());
    }
}
