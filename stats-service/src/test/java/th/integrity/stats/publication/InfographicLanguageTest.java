package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.text.Texts;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;
import th.integrity.stats.web.Templates;

/**
 * Unit tier: the infographic in the reader's language. In English not one Thai letter is left (agency, months,
 * states, counts), counts take their English plural form, and no date is printed as an ISO date in either language.
 */
class InfographicLanguageTest {

    private static final Pattern THAI_LETTER = Pattern.compile("[\\u0E00-\\u0E7F]");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Infographic infographic = new Infographic(Templates.engine());

    @Test
    void inEnglishEveryWordIsEnglishAndCountsArePlural() {
        String svg = infographic.complaints(table(), Locale.ENGLISH);
        String text = visible(svg);

        assertThat(text).contains("Wang Thonglang District Office", "1 October 2567 BE – 30 November 2567 BE",
                "Oct 2567", "Nov 2567", "October 2567 BE 1 complaint;", "November 2567 BE No complaints;")
                .doesNotContain("1 complaints");
        assertThat(text).doesNotContainPattern(THAI_LETTER).doesNotContainPattern(ISO_DATE);
        assertThat(svg).contains("xml:lang=\"en\"");
    }

    @Test
    void inThaiAsBefore() {
        String text = visible(infographic.complaints(table(), Texts.THAI));
        assertThat(text).contains("สำนักงานเขตวังทองหลาง", "ต.ค. 2567", "ตุลาคม 2567 1 เรื่อง;", "ไม่มีเรื่องร้องเรียน")
                .doesNotContainPattern(ISO_DATE);
        assertThat(infographic.complaints(table())).isEqualTo(infographic.complaints(table(), Texts.THAI));
    }

    /** The text a reader sees: element contents and the title and description, without the markup. */
    private static String visible(String svg) {
        return svg.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
    }

    private static ComplaintTable table() {
        List<ComplaintTable.Row> rows = List.of(row(YearMonth.of(2024, 10), 1), row(YearMonth.of(2024, 11), 0));
        ComplaintTable.Row totals = row(YearMonth.of(2024, 10), 1);
        ComplaintTable.Block all = new ComplaintTable.Block("ALL", "รวมทุกประเภท", "All categories", rows, totals);
        return new ComplaintTable("wangthonglang", "สำนักงานเขตวังทองหลาง", "Wang Thonglang District Office", 2568,
                "2024-11", "สถิติ", "Statistics",
                new ComplaintTable.Period("2024-10-01", "2024-11-30", "1 ตุลาคม 2567 – 30 พฤศจิกายน 2567",
                        "1 October 2567 BE – 30 November 2567 BE"),
                "2024-12-01T09:00:00+07:00", "1 ธันวาคม 2567", Labels.CHANNELS, Labels.PROGRESS, List.of(all), 1);
    }

    private static ComplaintTable.Row row(YearMonth month, long n) {
        Map<String, Long> received = new LinkedHashMap<>();
        Labels.CHANNELS.forEach(c -> received.put(c.code(), 0L));
        received.put(Labels.CHANNELS.get(0).code(), n);
        Map<String, Long> states = new LinkedHashMap<>();
        Labels.PROGRESS.forEach(p -> states.put(p.code(), 0L));
        states.put(Labels.PROGRESS.get(0).code(), n);
        return new ComplaintTable.Row(month.toString(), FiscalCalendar.monthLabelThai(month),
                FiscalCalendar.monthLabelEnglish(month), received, n, 0, states, 0, null,
                n == 0 ? Labels.EMPTY_REMARK_TH : "", n == 0 ? Labels.EMPTY_REMARK_EN : "", n == 0);
    }
}
