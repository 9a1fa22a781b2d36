package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;
import th.integrity.stats.web.Templates;

/**
 * The seed layout of a whole fiscal year (three categories × twelve months and the grand total) prints on one A4
 * landscape page: printed to PDF by the machine's Chromium (the browser suite's), skipped where there is none.
 */
class SeedLayoutPrintTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static ComplaintTable wholeYear() {
        List<Labels.Label> categories = new ArrayList<>(Labels.CATEGORIES);
        categories.add(Labels.ALL_CATEGORIES);
        List<ComplaintTable.Block> blocks = new ArrayList<>();
        for (Labels.Label category : categories) {
            List<ComplaintTable.Row> rows = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                YearMonth month = YearMonth.of(2024, 10).plusMonths(m);
                long n = m % 3 == 1 ? 0 : 100 + m;
                Map<String, Long> received = new LinkedHashMap<>();
                Labels.CHANNELS.forEach(c -> received.put(c.code(), n / Labels.CHANNELS.size()));
                Map<String, Long> progress = new LinkedHashMap<>();
                Labels.PROGRESS.forEach(p -> progress.put(p.code(), n / Labels.PROGRESS.size()));
                rows.add(new ComplaintTable.Row(month.toString(), FiscalCalendar.monthLabelThai(month),
                        FiscalCalendar.monthLabelEnglish(month), received, n, 0, progress, 0, null,
                        n == 0 ? Labels.EMPTY_REMARK_TH : "", n == 0 ? Labels.EMPTY_REMARK_EN : "", n == 0));
            }
            blocks.add(new ComplaintTable.Block(category.code(), category.labelTh(), category.labelEn(), rows,
                    rows.get(0)));
        }
        return new ComplaintTable("wangthonglang", "สำนักงานเขตวังทองหลาง", "Wang Thonglang District Office", 2568,
                "2025-09", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ สำนักงานเขตวังทองหลาง "
                        + "ประจำปีงบประมาณ พ.ศ. 2568", "Complaint statistics",
                new ComplaintTable.Period("2024-10-01", "2025-09-30", "1 ตุลาคม 2567 – 30 กันยายน 2568",
                        "1 October 2567 BE – 30 September 2568 BE"),
                "2025-10-05T10:00:00+07:00", "5 ตุลาคม 2568", Labels.CHANNELS, Labels.PROGRESS, blocks, 800);
    }

    @Test
    void aWholeFiscalYearPrintsOnOneA4LandscapePage(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium on this machine");
        ComplaintTable table = wholeYear();
        String html = new PrintableHtml(Templates.engine()).seed(table,
                new SeedLayout(SeedLayoutProperties.defaults()).sheet(table),
                SampleTables.view("ฉบับทดสอบ", true, false));
        try (var css = getClass().getResourceAsStream("/static/api/stats/assets/publication.css")) {
            Files.write(dir.resolve("publication.css"), css.readAllBytes());
        }
        Files.writeString(dir.resolve("seed.html"),
                html.replace("href=\"/api/stats/assets/publication.css\"", "href=\"publication.css\""));
        Path pdf = dir.resolve("seed.pdf");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-pdf-header-footer", "--user-data-dir=" + dir.resolve("profile"), "--print-to-pdf=" + pdf,
                dir.resolve("seed.html").toUri().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("Chromium printed within 90 s").isTrue();
        String document = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);

        Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(document);
        int count = 0;
        while (pages.find()) {
            count++;
        }
        assertThat(count).as("pages").isEqualTo(1);
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]").matcher(document);
        assertThat(box.find()).isTrue();
        assertThat(Double.parseDouble(box.group(1))).as("A4 landscape width, pt").isCloseTo(842, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Double.parseDouble(box.group(2))).as("A4 landscape height, pt").isCloseTo(595, org.assertj.core.data.Offset.offset(1.0));
    }
}
