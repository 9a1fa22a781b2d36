package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;
import th.integrity.stats.web.Templates;

/** The seed layout: the agency's own report's columns, its empty months, and columns folded as configured. */
class SeedLayoutTest {

    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>");
    private final PrintableHtml printable = new PrintableHtml(Templates.engine());

    /** October: 1 by web, 2 by phone, 1 by the 1555 hotline, 1 by e-mail; November: nothing. */
    static ComplaintTable table() {
        List<ComplaintTable.Block> blocks = new ArrayList<>();
        for (Labels.Label category : List.of(Labels.CATEGORIES.get(0), Labels.CATEGORIES.get(1),
                Labels.CATEGORIES.get(2), Labels.ALL_CATEGORIES)) {
            boolean corruption = category.code().equals("CORRUPTION") || category.code().equals("ALL");
            List<ComplaintTable.Row> rows = List.of(
                    corruption ? row("2024-10", "ตุลาคม 2567", Map.of("WEB", 1L, "PHONE", 2L, "HOTLINE_1555", 1L,
                            "EMAIL", 1L), Map.of("RECEIVED", 1L, "UNDER_REVIEW", 1L, "FORWARDED", 2L,
                                    "CLOSED_WITHOUT_INQUIRY", 1L))
                            : row("2024-10", "ตุลาคม 2567", Map.of(), Map.of()),
                    row("2024-11", "พฤศจิกายน 2567", Map.of(), Map.of()));
            ComplaintTable.Row totals = corruption ? row("TOTAL", "รวม", Map.of("WEB", 1L, "PHONE", 2L,
                    "HOTLINE_1555", 1L, "EMAIL", 1L), Map.of("RECEIVED", 1L, "UNDER_REVIEW", 1L, "FORWARDED", 2L,
                            "CLOSED_WITHOUT_INQUIRY", 1L))
                    : row("TOTAL", "รวม", Map.of(), Map.of());
            blocks.add(new ComplaintTable.Block(category.code(), category.labelTh(), category.labelEn(), rows,
                    totals));
        }
        return new ComplaintTable("wangthonglang", "สำนักงานเขตวังทองหลาง", "Wang Thonglang District Office", 2568,
                "2024-11", "ข้อมูลเชิงสถิติเรื่องร้องเรียน", "Complaint statistics",
                new ComplaintTable.Period("2024-10-01", "2024-11-30", "1 ตุลาคม 2567 – 30 พฤศจิกายน 2567",
                        "1 October 2567 BE – 30 November 2567 BE"),
                "2024-12-05T10:00:00+07:00", "5 ธันวาคม 2567", Labels.CHANNELS, Labels.PROGRESS, blocks, 5);
    }

    private static ComplaintTable.Row row(String month, String label, Map<String, Long> received,
            Map<String, Long> progress) {
        Map<String, Long> channels = new LinkedHashMap<>();
        Labels.CHANNELS.forEach(c -> channels.put(c.code(), received.getOrDefault(c.code(), 0L)));
        Map<String, Long> states = new LinkedHashMap<>();
        Labels.PROGRESS.forEach(p -> states.put(p.code(), progress.getOrDefault(p.code(), 0L)));
        long total = received.values().stream().mapToLong(Long::longValue).sum();
        boolean empty = total == 0 && !month.equals("TOTAL");
        String english = month.equals("TOTAL") ? "Total"
                : th.integrity.platform.calendar.FiscalCalendar.monthLabelEnglish(java.time.YearMonth.parse(month));
        return new ComplaintTable.Row(month, label, english, channels, total, 0, states, 0, null,
                empty ? Labels.EMPTY_REMARK_TH : "", empty ? Labels.EMPTY_REMARK_EN : "", empty);
    }

    private static List<String> cells(String tr) {
        List<String> cells = new ArrayList<>();
        Matcher m = CELL.matcher(tr);
        while (m.find()) {
            cells.add(m.group(1));
        }
        return cells;
    }

    private static List<String> rows(String html, String style) {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr class=\"" + style + "\">(.*?)</tr>").matcher(html);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    @Test
    void printsTheSeedsColumnsAndAnEmptyMonthAsTheAgencyDoes() {
        ComplaintTable table = table();
        String html = printable.seed(table, new SeedLayout(SeedLayoutProperties.defaults()).sheet(table), null);

        String head = html.substring(html.indexOf("<thead>"), html.indexOf("</thead>"));
        assertThat(cells(head)).containsExactly("ประเภทเรื่อง", "เดือนปี", "ฝ่าย/ผู้ถูกร้องเรียน",
                "จำนวนเรื่องตามช่องทางการร้องเรียน", "รวม", "ผลการดำเนินการ", "หมายเหตุ",
                "เว็บไซต์", "ด้วยตนเอง", "หนังสือ", "โทรศัพท์", "อื่น ๆ",
                "อยู่ระหว่างดำเนินการ", "ส่งหน่วยงานอื่นดำเนินการ", "มีมูล", "ไม่มีมูล/ยุติเรื่อง");
        assertThat(html).contains("<body class=\"publication seed\">", "href=\"/api/stats/assets/publication.css\"");

        // Every month of every category block, the grand total after them; no block of all categories.
        assertThat(rows(html, "empty")).hasSize(5); // November of each block, October of the two without cases
        assertThat(html).contains("rowspan=\"2\" scope=\"rowgroup\" class=\"category\">การทุจริต</th>",
                "class=\"category\">การประพฤติมิชอบ</th>", "class=\"category\">อื่น ๆ</th>")
                .doesNotContain("รวมทุกประเภท");

        // An empty month: the month, ไม่มีเรื่องร้องเรียน beside it, "-" in every other cell (remark included).
        List<String> november = cells(rows(html, "empty").get(0));
        assertThat(november.get(0)).isEqualTo("พฤศจิกายน 2567");
        assertThat(november.get(1)).isEqualTo("ไม่มีเรื่องร้องเรียน");
        assertThat(november.subList(2, november.size())).hasSize(5 + 1 + 4 + 1).containsOnly("-");

        // A month with cases: phone and 1555 fold into โทรศัพท์, e-mail into อื่น ๆ; outcomes likewise.
        List<String> october = cells(rows(html, "cases").get(0));
        assertThat(october).containsExactly("การทุจริต", "ตุลาคม 2567", "", "1", "0", "0", "3", "1", "5",
                "2", "2", "0", "1", "");
        String foot = html.substring(html.indexOf("<tfoot>"), html.indexOf("</tfoot>"));
        assertThat(cells(foot)).containsExactly("รวมทั้งสิ้น", "1", "0", "0", "3", "1", "5", "2", "2", "0", "1",
                "");
    }

    @Test
    void theColumnsFoldAsConfigured() {
        SeedLayoutProperties other = new SeedLayoutProperties(
                List.of(new SeedLayoutProperties.Column("สายด่วน", "Hotline", List.of("HOTLINE_1555")),
                        new SeedLayoutProperties.Column("ช่องทางอื่น", "Others", List.of("*"))),
                List.of(new SeedLayoutProperties.Column("ส่งต่อ", "Referred", List.of("FORWARDED")),
                        new SeedLayoutProperties.Column("ยังไม่ส่ง", "Not referred", List.of("*"))));
        ComplaintTable table = table();
        SeedLayout.Sheet sheet = new SeedLayout(other).sheet(table);
        assertThat(sheet.channels()).containsExactly("สายด่วน", "ช่องทางอื่น");
        assertThat(sheet.outcomes()).containsExactly("ส่งต่อ", "ยังไม่ส่ง");
        SeedLayout.Row october = sheet.blocks().get(0).rows().get(0);
        assertThat(october.channels()).containsExactly("1", "4");
        assertThat(october.outcomes()).containsExactly("2", "3");
        assertThat(october.total()).isEqualTo("5");
        assertThat(sheet.blocks().get(0).rows().get(1).channels()).containsExactly("-", "-");

        String html = printable.seed(table, sheet, null);
        assertThat(cells(html.substring(html.indexOf("<thead>"), html.indexOf("</thead>"))))
                .contains("สายด่วน", "ช่องทางอื่น", "ส่งต่อ", "ยังไม่ส่ง").doesNotContain("โทรศัพท์", "มีมูล");
        assertThat(Csv.seed(sheet).split("\r\n")[0]).contains("\"ช่องทาง: สายด่วน\"", "\"ผลการดำเนินการ: ส่งต่อ\"");
    }

    @Test
    void outcomeCodesNameReferralsByBodyWithoutCountingThemTwice() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("FORWARDED", 3L);
        counts.put("FORWARDED:NACC", 2L);
        counts.put("FORWARDED:POLICE", 1L);
        counts.put("RECEIVED", 4L);
        List<SeedLayoutProperties.Column> columns = List.of(
                new SeedLayoutProperties.Column("ป.ป.ช.", "NACC", List.of("FORWARDED:NACC")),
                new SeedLayoutProperties.Column("ตำรวจ", "Police", List.of("FORWARDED:POLICE")),
                new SeedLayoutProperties.Column("อื่น", "Rest", List.of("*")));
        assertThat(SeedLayout.fold(counts, columns)).containsExactly("2", "1", "7");
    }

    @Test
    void aLayoutWhoseChannelsMissSomeIsRefused() {
        assertThat(SeedLayoutProperties.defaults().isEveryChannelCounted()).isTrue();
        SeedLayoutProperties partial = new SeedLayoutProperties(
                List.of(new SeedLayoutProperties.Column("เว็บไซต์", "Web", List.of("WEB"))), null);
        assertThat(partial.isEveryChannelCounted()).as("phone complaints would vanish from the columns").isFalse();
        assertThat(partial.outcomes()).isEqualTo(SeedLayoutProperties.defaults().outcomes());
    }

    @Test
    void theStylesheetPrintsOnA4Landscape() throws Exception {
        try (var in = getClass().getResourceAsStream("/static/api/stats/assets/publication.css")) {
            String css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(css).contains("@page { size: A4 landscape;").contains("body.seed {", "table.seed ");
        }
    }
}
