package th.integrity.gifts.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.testkit.TestIssuer;
import th.integrity.gifts.IntegrationTestSupport;
import th.integrity.platform.calendar.FiscalCalendar;

/**
 * The register of agency {@code testdistrict} (staff t-a, t-b, t-c): t-a declared in the first half of 2568 and
 * again in the second, t-b filed a nil return for the first half, t-c did neither.
 */
class RegisterTest extends IntegrationTestSupport {

    private static final String DISTRICT = "testdistrict";
    private static boolean seeded;

    private final String officer = TestIssuer.shared().token("officer-t", DISTRICT, "OFFICER");
    private final String head = TestIssuer.shared().token("head-t", DISTRICT, "HEAD");

    @BeforeEach
    void seed() {
        synchronized (RegisterTest.class) {
            if (seeded) {
                return;
            }
            String a = TestIssuer.shared().builder("t-a").agency(DISTRICT).roles("STAFF").sign();
            String b = TestIssuer.shared().builder("t-b").agency(DISTRICT).roles("STAFF").sign();
            assertThat(declare(a, gift("4000.00", "KEPT", Map.of("offeredOn", "2025-01-15", "description", "=cmd()",
                    "giver.name", "@evil", "valuation", "+1 ราคาตลาด"))).statusCode()).isEqualTo(201);
            assertThat(declare(a, gift("1200.50", "REFUSED", Map.of("offeredOn", "2025-05-01",
                    "disposedOn", "2025-05-01"))).statusCode()).isEqualTo(201);
            assertThat(post("/api/gifts/nil-returns", "{\"fiscalYear\":2568,\"round\":\"H1\"}", b).statusCode())
                    .isEqualTo(201);
            seeded = true;
        }
    }

    @Test
    void theJsonRegisterHasTitleRowsTotalsAndWhoHasNotReported() {
        HttpResponse<String> response = get("/api/gifts/registers/2568/H1", officer);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode register = body(response);

        assertThat(register.path("titleTh").asString()).contains("สำนักงานเขตทดสอบ",
                "รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)");
        assertThat(register.path("reportDateTh").asString()).isEqualTo(FiscalCalendar.dateLabelThaiShort(today()));
        assertThat(register.path("declarations").size()).isEqualTo(1);
        JsonNode row = register.path("declarations").get(0);
        assertThat(row.path("offeredOnTh").asString()).isEqualTo("15 ม.ค. 2568");
        assertThat(row.path("declarantName").asString()).isEqualTo("นายทดสอบ หนึ่ง");
        assertThat(row.path("ruleOutcome").asString()).isEqualTo("NEEDS_DECISION");
        assertThat(row.path("declaredLate").asBoolean()).isTrue();
        assertThat(register.path("nilReturns").findValuesAsString("name")).containsExactly("นางทดสอบ สอง");
        assertThat(register.path("notReported").findValuesAsString("username")).containsExactly("t-c");

        JsonNode totals = register.path("totals");
        assertThat(totals.path("declarations").asInt()).isEqualTo(1);
        assertThat(totals.path("value").decimalValue()).isEqualByComparingTo("4000.00");
        JsonNode kept = totals.path("byDisposition").get(2);
        assertThat(kept.path("disposition").asString()).isEqualTo("KEPT");
        assertThat(kept.path("count").asInt()).isEqualTo(1);
        assertThat(kept.path("value").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(totals.path("awaitingDecision").asInt()).isEqualTo(1);
    }

    @Test
    void theTwelveMonthRegisterCoversTheWholeYearAndItsOwnNilReturnsOnly() {
        JsonNode register = body(get("/api/gifts/registers/2568/FY", head));
        assertThat(register.path("roundTh").asString()).isEqualTo("รอบ 12 เดือน (1 ตุลาคม 2567 – 30 กันยายน 2568)");
        assertThat(register.path("declarations").size()).isEqualTo(2);
        assertThat(register.at("/totals/value").decimalValue()).isEqualByComparingTo("5200.50");
        assertThat(register.path("nilReturns").size()).isZero();
        assertThat(register.path("notReported").findValuesAsString("username")).containsExactly("t-b", "t-c");
    }

    @Test
    void theCsvHasABomThaiHeadersAndNoFormulas() {
        HttpResponse<byte[]> response = getBytes("/api/gifts/registers/2568/H1", officer, "text/csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("gift-register-2568-H1.csv");
        byte[] bytes = response.body();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);

        assertThat(csv).startsWith("ทะเบียนการรับของขวัญและของกำนัล สำนักงานเขตทดสอบ");
        assertThat(csv).contains("ลำดับ,ชื่อ-นามสกุลผู้รายงาน,ตำแหน่ง,ฝ่าย,วันที่ได้รับ,ผู้ให้");
        assertThat(csv).contains(",'=cmd(),", ",'@evil,", ",'+1 ราคาตลาด,", "15 ม.ค. 2568", ",4000.00,");
        assertThat(csv).doesNotContain(",=cmd()", ",@evil", ",+1");
        assertThat(csv).contains("นางสาวทดสอบ สาม");
        // Divisions by name (ฝ่าย), not code; an empty cell is empty, never an escaped dash.
        assertThat(csv).contains(",ฝ่ายการคลัง,15 ม.ค. 2568,", ",ฝ่ายโยธา,", ",ฝ่ายทะเบียน")
                .doesNotContain(",FIN,", ",WORKS,", ",REG\r\n", "'-");
        // The format parameter gives the same.
        assertThat(getBytes("/api/gifts/registers/2568/H1?format=csv", officer, null).body()).isEqualTo(bytes);
    }

    @Test
    void theXlsxOpensAndSaysTheSame() throws Exception {
        HttpResponse<byte[]> response = getBytes("/api/gifts/registers/2568/H1?format=xlsx", head, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        List<String> cells = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getFirstSheet();
            try (var rows = sheet.openStream()) {
                rows.forEach((Row row) -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getRawValue())));
            }
        }
        assertThat(cells.get(0)).contains("สำนักงานเขตทดสอบ", "รอบ 6 เดือน");
        assertThat(cells).contains("ลำดับ", "ชื่อ-นามสกุลผู้รายงาน", "'=cmd()", "'@evil", "15 ม.ค. 2568",
                "นางสาวทดสอบ สาม", "ฝ่ายการคลัง", "ฝ่ายโยธา", "ฝ่ายทะเบียน").doesNotContain("=cmd()", "FIN", "'-");
        assertThat(cells).anyMatch(c -> c != null && c.startsWith("4000"));
    }

    @Test
    void onlyOfficersAndHeadsOfTheAgencyReadIt() {
        String staff = TestIssuer.shared().builder("t-a").agency(DISTRICT).roles("STAFF").sign();
        assertThat(get("/api/gifts/registers/2568/H1", staff).statusCode()).isEqualTo(403);
        // An officer of another agency gets their own agency's register, never this one's rows.
        String other = TestIssuer.shared().token("officer-x", "huaikhwang", "OFFICER");
        JsonNode theirs = body(get("/api/gifts/registers/2568/H1", other));
        assertThat(theirs.path("agency").asString()).isEqualTo("huaikhwang");
        assertThat(theirs.path("declarations").size()).isZero();
        assertThat(theirs.toString()).doesNotContain("ทดสอบ");
    }

    @Test
    void unknownFormatsAndRoundsAreRefused() {
        assertThat(getBytes("/api/gifts/registers/2568/H1", officer, "text/html").statusCode()).isEqualTo(406);
        assertThat(getBytes("/api/gifts/registers/2568/H1?format=pdf", officer, null).statusCode()).isEqualTo(400);
        assertThat(get("/api/gifts/registers/2568/H2", officer).statusCode()).isEqualTo(400);
        assertThat(get("/api/gifts/registers/1999/H1", officer).statusCode()).isEqualTo(400);
    }
}
