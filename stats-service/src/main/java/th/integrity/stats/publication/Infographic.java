package th.integrity.stats.publication;

import static th.integrity.stats.web.Words.th;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.calendar.MonthNames;
import th.integrity.platform.text.Texts;
import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.gifts.GiftTable;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;
import th.integrity.stats.web.Templates;

/**
 * The SVG infographic of a publication: one stacked bar per month (all categories) split by progress state,
 * Thai labels, an accessible {@code <title>} and {@code <desc>}. This class lays the chart out; the markup is
 * {@code src/main/jte/publication/infographic.jte}, whose output escapes every text (well-formed XML, no script).
 */
@Component
public class Infographic {

    private static final String[] COLOURS = { "#4e79a7", "#f28e2b", "#76b7b2", "#edc948", "#59a14f", "#9c755f",
            "#bab0ac" };
    private static final int WIDTH = 960;
    private static final int HEIGHT = 520;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 70;
    private static final int PLOT_HEIGHT = 300;

    /** @param right where the grid lines end */
    record Chart(int width, int height, int left, int right, String title, String desc, List<Tick> ticks,
            List<Column> columns, List<Key> keys, String lang) {
    }

    record Tick(String y, String textY, String value) {
    }

    /** A bar (or a stack of them) with its label below and its value above. */
    record Column(List<Bar> bars, String x, int labelY, String label, String valueY, String value) {
    }

    /** @param tooltip the segment's own title, or {@code null} */
    record Bar(String x, String y, String width, String height, String fill, String tooltip) {
    }

    record Key(int x, int y, String fill, String label) {
    }

    private final TemplateEngine templates;

    public Infographic(TemplateEngine templates) {
        this.templates = templates;
    }

    public String complaints(ComplaintTable table) {
        return complaints(table, Texts.THAI);
    }

    /** In {@code language} ({@link Texts#THAI} or {@link Locale#ENGLISH}): every word, month and name of the chart. */
    public String complaints(ComplaintTable table, Locale language) {
        boolean en = !isThai(language);
        List<ComplaintTable.Row> rows = table.all().rows();
        long max = Math.max(1, rows.stream().mapToLong(ComplaintTable.Row::total).max().orElse(0));
        String title = say(language, "stats.svg.complaints.title", en ? name(table.agencyNameEn(), table.agencyNameTh())
                : table.agencyNameTh(), en ? table.period().labelEn() : table.period().labelTh());
        StringBuilder desc = new StringBuilder(say(language, "stats.svg.complaints.desc",
                en ? generatedOnEn(table.generatedAt(), table.generatedOnTh()) : table.generatedOnTh(),
                table.totalReceived()));
        for (ComplaintTable.Row row : rows) {
            desc.append(' ').append(en ? row.labelEn() : row.labelTh()).append(' ')
                    .append(row.empty() ? (en ? Labels.EMPTY_REMARK_EN : Labels.EMPTY_REMARK_TH)
                            : count(language, row.total())).append(';');
        }
        double slot = (WIDTH - LEFT - RIGHT) / (double) rows.size();
        double barWidth = Math.min(48, slot * 0.6);
        List<Column> columns = new ArrayList<>();
        for (int m = 0; m < rows.size(); m++) {
            ComplaintTable.Row row = rows.get(m);
            double x = LEFT + slot * m + (slot - barWidth) / 2;
            double y = TOP + PLOT_HEIGHT;
            List<Bar> bars = new ArrayList<>();
            for (int p = 0; p < table.progress().size(); p++) {
                long count = row.progress().getOrDefault(table.progress().get(p).code(), 0L);
                if (count == 0) {
                    continue;
                }
                double h = PLOT_HEIGHT * count / (double) max;
                y -= h;
                Labels.Label state = table.progress().get(p);
                bars.add(new Bar(fmt(x), fmt(y), fmt(barWidth), fmt(h), COLOURS[p % COLOURS.length],
                        (en ? row.labelEn() : row.labelTh()) + ": " + (en ? state.labelEn() : state.labelTh()) + " "
                                + count(language, count)));
            }
            columns.add(new Column(bars, fmt(x + barWidth / 2), TOP + PLOT_HEIGHT + 18, monthShort(row.month(), language),
                    fmt(y - 6), row.empty() ? "-" : String.valueOf(row.total())));
        }
        List<Key> keys = new ArrayList<>();
        int perRow = 4;
        for (int p = 0; p < table.progress().size(); p++) {
            keys.add(new Key(LEFT + (p % perRow) * 220, TOP + PLOT_HEIGHT + 50 + (p / perRow) * 24,
                    COLOURS[p % COLOURS.length], en ? table.progress().get(p).labelEn() : table.progress().get(p).labelTh()));
        }
        return render(title, desc.toString(), max, columns, keys, language);
    }

    public String gifts(GiftTable table) {
        return gifts(table, Texts.THAI);
    }

    public String gifts(GiftTable table, Locale language) {
        boolean en = !isThai(language);
        String title = say(language, "stats.svg.gifts.title", en ? name(table.agencyNameEn(), table.agencyNameTh())
                : table.agencyNameTh(), en ? table.period().labelEn() : table.period().labelTh());
        StringBuilder desc = new StringBuilder(say(language, "stats.svg.gifts.desc", table.declarations()));
        List<Labels.Label> labels = GiftLabels.DISPOSITIONS;
        long max = 1;
        for (Labels.Label label : labels) {
            long count = table.byDisposition().getOrDefault(label.code(), 0L);
            max = Math.max(max, count);
            desc.append(' ').append(en ? label.labelEn() : label.labelTh()).append(' ').append(count).append(';');
        }
        double slot = (WIDTH - LEFT - RIGHT) / (double) labels.size();
        double barWidth = Math.min(80, slot * 0.6);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long count = table.byDisposition().getOrDefault(labels.get(i).code(), 0L);
            double h = PLOT_HEIGHT * count / (double) max;
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            Bar bar = new Bar(fmt(x), fmt(TOP + PLOT_HEIGHT - h), fmt(barWidth), fmt(h), COLOURS[i % COLOURS.length],
                    null);
            columns.add(new Column(List.of(bar), fmt(x + barWidth / 2), TOP + PLOT_HEIGHT + 18,
                    en ? labels.get(i).labelEn() : labels.get(i).labelTh(), fmt(TOP + PLOT_HEIGHT - h - 6),
                    String.valueOf(count)));
        }
        return render(title, desc.toString(), max, columns, List.of(), language);
    }

    private String render(String title, String desc, long max, List<Column> columns, List<Key> keys,
            Locale language) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 4.0;
            ticks.add(new Tick(fmt(y), fmt(y + 4), fmt(Math.round(max * i / 4.0 * 10) / 10.0)));
        }
        return Templates.render(templates, "publication/infographic.jte",
                new Chart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, title, desc, ticks, columns, keys,
                        isThai(language) ? "th" : "en"));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static boolean isThai(Locale language) {
        return Texts.THAI.getLanguage().equals(language.getLanguage());
    }

    private static String say(Locale language, String key, Object... args) {
        return isThai(language) ? th(key, args) : Texts.in(Locale.ENGLISH, key, args);
    }

    /** "1 complaint", "2 complaints" / "1 เรื่อง": the count's own plural form in English. */
    private static String count(Locale language, long n) {
        return say(language, n == 1 ? "stats.svg.complaints.count.one" : "stats.svg.complaints.count", n);
    }

    private static String name(String english, String thai) {
        return english == null || english.isBlank() ? thai : english;
    }

    /** The day the table was generated, in English with the Buddhist-Era year ({@code 2 April 2568 BE}). */
    private static String generatedOnEn(String generatedAt, String fallback) {
        try {
            return FiscalCalendar.dateLabelEnglish(java.time.OffsetDateTime.parse(generatedAt)
                    .atZoneSameInstant(FiscalCalendar.BANGKOK).toLocalDate());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static String monthShort(String month, Locale language) {
        try {
            java.time.YearMonth parsed = java.time.YearMonth.parse(month);
            return isThai(language) ? FiscalCalendar.monthLabelThaiShort(parsed)
                    : MonthNames.englishShort(parsed.getMonth()) + " "
                            + FiscalCalendar.buddhistYear(parsed);
        } catch (java.time.format.DateTimeParseException e) {
            return month;
        }
    }
}
