package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.gifts.GiftTable;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.web.Templates;

/** The infographic: whole-number axes, text a phone can read, labels in the language asked for. */
class InfographicTest {

    /** The narrowest screen the UI is tested at, and the smallest text (CSS px) a label may shrink to there. */
    private static final double PHONE_WIDTH = 360;
    private static final double SMALLEST_READABLE = 11;
    private static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");

    private final Infographic infographic = new Infographic(Templates.engine());

    /** A table whose busiest month received {@code max} complaints. */
    private static ComplaintTable withMax(long max) {
        ComplaintTable base = SeedLayoutTest.table();
        List<ComplaintTable.Block> blocks = new ArrayList<>();
        for (ComplaintTable.Block block : base.blocks()) {
            List<ComplaintTable.Row> rows = new ArrayList<>();
            for (ComplaintTable.Row row : block.rows()) {
                if (row.empty()) {
                    rows.add(row);
                    continue;
                }
                Map<String, Long> received = new LinkedHashMap<>(row.received());
                received.replaceAll((k, v) -> 0L);
                received.put("WEB", max);
                Map<String, Long> progress = new LinkedHashMap<>(row.progress());
                progress.replaceAll((k, v) -> 0L);
                progress.put("RECEIVED", max);
                rows.add(new ComplaintTable.Row(row.month(), row.labelTh(), row.labelEn(), received, max, 0,
                        progress, 0, null, "", "", false));
            }
            blocks.add(new ComplaintTable.Block(block.category(), block.labelTh(), block.labelEn(), rows,
                    block.totals()));
        }
        return new ComplaintTable(base.agency(), base.agencyNameTh(), base.agencyNameEn(), base.fiscalYear(),
                base.through(), base.titleTh(), base.titleEn(), base.period(), base.generatedAt(),
                base.generatedOnTh(), base.channels(), base.progress(), blocks, max);
    }

    private static List<String> ticks(String svg) {
        List<String> ticks = new ArrayList<>();
        Matcher m = Pattern.compile("text-anchor=\"end\" class=\"value\">([^<]*)</text>").matcher(svg);
        while (m.find()) {
            ticks.add(m.group(1));
        }
        return ticks;
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 1, 2, 3, 5, 7, 13, 49, 101, 2_345 })
    void theValueAxisCountsInWholeNumbers(long max) {
        List<String> ticks = ticks(infographic.complaints(withMax(max)));
        assertThat(ticks).first().isEqualTo("0");
        assertThat(ticks).allMatch(t -> t.matches("\\d+"), "whole numbers");
        List<Long> values = ticks.stream().map(Long::parseLong).toList();
        long step = values.get(1) - values.get(0);
        String digits = String.valueOf(step).replaceAll("0+$", "");
        assertThat(digits).as("a nice step: 1, 2 or 5 × 10ⁿ").isIn("1", "2", "5");
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i) - values.get(i - 1)).isEqualTo(step);
        }
        assertThat(values.get(values.size() - 1)).isGreaterThanOrEqualTo(Math.max(1, max));
        assertThat(values.size()).isBetween(2, 6);
    }

    @Test
    void everyTextIsReadableOnA360PxPhone() {
        for (String svg : List.of(infographic.complaints(withMax(7)), infographic.gifts(gifts()),
                infographic.complaints(withMax(7), Locale.ENGLISH))) {
            Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
            assertThat(viewBox.find()).isTrue();
            double scale = PHONE_WIDTH / Double.parseDouble(viewBox.group(1));
            String style = svg.substring(svg.indexOf("<style>"), svg.indexOf("</style>"));
            Matcher sizes = Pattern.compile("font-size:([\\d.]+)px").matcher(style);
            int found = 0;
            while (sizes.find()) {
                found++;
                assertThat(Double.parseDouble(sizes.group(1)) * scale).as(sizes.group())
                        .isGreaterThanOrEqualTo(SMALLEST_READABLE);
            }
            assertThat(found).isPositive();
            assertThat(svg).doesNotContain("font-size=").doesNotContain("style=");
        }
    }

    @Test
    void labelsAreInTheLanguageAskedFor() {
        String en = infographic.complaints(withMax(3), Locale.ENGLISH);
        assertThat(en).contains("xml:lang=\"en\"", ">Oct</text>", ">Nov</text>", ">2567</text>",
                ">Received</text>", "Wang Thonglang District Office", "5 December 2567 BE");
        assertThat(en).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        String visible = en.replaceAll("<title[^>]*>.*?</title>", "").replaceAll("<desc[^>]*>.*?</desc>", "");
        assertThat(THAI.matcher(en).find()).as("no Thai left in the English infographic: " + visible).isFalse();

        String th = infographic.complaints(withMax(3), new Locale("th"));
        assertThat(th).contains("xml:lang=\"th\"", ">ต.ค.</text>", ">2567</text>", ">รับเรื่อง</text>",
                "สำนักงานเขตวังทองหลาง");
        assertThat(infographic.complaints(withMax(3))).isEqualTo(th);

        String gifts = infographic.gifts(gifts(), Locale.ENGLISH);
        assertThat(THAI.matcher(gifts).find()).isFalse();
        assertThat(gifts).contains("Refused");
    }

    private static GiftTable gifts() {
        Map<String, Long> byDisposition = new LinkedHashMap<>();
        GiftLabels.DISPOSITIONS.forEach(l -> byDisposition.put(l.code(), 3L));
        return new GiftTable("wangthonglang", "สำนักงานเขตวังทองหลาง", "Wang Thonglang District Office", 2568, "H1",
                "6 เดือน", "สถิติ", "Gift statistics",
                new ComplaintTable.Period("2024-10-01", "2025-03-31", "1 ตุลาคม 2567 – 31 มีนาคม 2568",
                        "1 October 2567 BE – 31 March 2568 BE"),
                "2025-04-05T10:00:00+07:00", "5 เมษายน 2568", 15, byDisposition, Map.of(), Map.of(), Map.of(), 0,
                0, 0, 0);
    }
}
