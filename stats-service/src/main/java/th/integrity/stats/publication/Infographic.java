package th.integrity.stats.publication;

import java.util.ArrayList;
import java.util.List;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
 * labels in Thai or English, an accessible {@code <title>} and {@code <desc>}. This class lays the chart out; the
 * markup is {@code src/main/jte/publication/infographic.jte}, whose output escapes every text (well-formed XML,
 * no script).
 *
 * <p>Readable on a phone: the viewBox is {@value #WIDTH} wide and no text is smaller than {@value #MIN_FONT}
 * units, so at 360 CSS px wide (the narrowest phone the UI is tested at) the smallest label is
 * 20 × 360 / 640 = 11.25 CSS px; a month's label is two lines (month, Buddhist-Era year) so that it fits its
 * column at that size. The value axis counts complaints, so its ticks are whole numbers
 * (steps of 1, 2 or 5 × 10ⁿ).
 */
@Component
public class Infographic {

    private static final String[] COLOURS = { "#4e79a7", "#f28e2b", "#76b7b2", "#edc948", "#59a14f", "#9c755f",
            "#bab0ac" };
    static final int WIDTH = 640;
    /** The smallest font size of any text, in viewBox units (see the class comment). */
    static final int MIN_FONT = 20;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 124;
    private static final int PLOT_HEIGHT = 300;
    private static final int KEY_ROW = 30;
    private static final int KEY_COLUMN = 300;

    /**
     * @param right    where the grid lines end
     * @param lang     {@code th} or {@code en}
     * @param lines    the visible heading: title, agency, period
     */
    record Chart(int width, int height, int left, int right, String lang, String title, List<String> lines,
            String desc, List<Tick> ticks, List<Column> columns, List<Key> keys) {
    }

    record Tick(String y, String textY, String value) {
    }

    /** A bar (or a stack of them) with its label (and the year) below, its value above. */
    record Column(List<Bar> bars, String x, int labelY, String label, int yearY, String year, String valueY,
            String value) {
    }

    /** @param tooltip the segment's own title, or {@code null} */
    record Bar(String x, String y, String width, String height, String fill, String tooltip) {
    }

    record Key(int x, int y, String fill, String label) {
    }

    /** The value axis: whole-number ticks {@code 0, step, 2·step … top}, {@code top >= max}. */
    record Axis(long step, long top) {

        static Axis of(long max) {
            long most = Math.max(1, max);
            double raw = most / 4.0; // about four intervals
            long magnitude = 1;
            while (magnitude * 10 <= raw) {
                magnitude *= 10;
            }
            long step = magnitude;
            for (long factor : new long[] { 1, 2, 5, 10 }) {
                if (factor * magnitude >= raw) {
                    step = factor * magnitude;
                    break;
                }
            }
            return new Axis(step, (most + step - 1) / step * step);
        }
    }

    private final TemplateEngine templates;

    public Infographic(TemplateEngine templates) {
        this.templates = templates;
    }

    public String complaints(ComplaintTable table) {
        return complaints(table, Texts.THAI);
    }

    /** @param language Thai or English ({@link Locale#ENGLISH}); any other is Thai */
    public String complaints(ComplaintTable table, Locale language) {
        boolean en = english(language);
        Locale locale = en ? Locale.ENGLISH : Texts.THAI;
        List<ComplaintTable.Row> rows = table.all().rows();
        Axis axis = Axis.of(rows.stream().mapToLong(ComplaintTable.Row::total).max().orElse(0));
        String agency = en ? table.agencyNameEn() : table.agencyNameTh();
        String period = en ? table.period().labelEn() : table.period().labelTh();
        String title = Texts.in(locale, "stats.svg.complaints.title", agency, period);
        String generated = en ? englishDate(table.generatedAt()) : table.generatedOnTh();
        StringBuilder desc = new StringBuilder(
                Texts.in(locale, "stats.svg.complaints.desc", generated, table.totalReceived()));
        for (ComplaintTable.Row row : rows) {
            desc.append(' ').append(en ? row.labelEn() : row.labelTh()).append(' ')
                    .append(row.empty() ? (en ? Labels.EMPTY_REMARK_EN : Labels.EMPTY_REMARK_TH)
                            : count(locale, row.total()))
                    .append(';');
        }
        double slot = (WIDTH - LEFT - RIGHT) / (double) rows.size();
        double barWidth = Math.min(40, slot * 0.6);
        List<Column> columns = new ArrayList<>();
        for (int m = 0; m < rows.size(); m++) {
            ComplaintTable.Row row = rows.get(m);
            double x = LEFT + slot * m + (slot - barWidth) / 2;
            double y = TOP + PLOT_HEIGHT;
            List<Bar> bars = new ArrayList<>();
            for (int p = 0; p < table.progress().size(); p++) {
                Labels.Label state = table.progress().get(p);
                long count = row.progress().getOrDefault(state.code(), 0L);
                if (count == 0) {
                    continue;
                }
                double h = PLOT_HEIGHT * count / (double) axis.top();
                y -= h;
                bars.add(new Bar(fmt(x), fmt(y), fmt(barWidth), fmt(h), COLOURS[p % COLOURS.length],
                        (en ? row.labelEn() : row.labelTh()) + ": " + (en ? state.labelEn() : state.labelTh()) + " "
                                + count(locale, count)));
            }
            String year = year(row.month());
            columns.add(new Column(bars, fmt(x + barWidth / 2), TOP + PLOT_HEIGHT + 26, month(row.month(), en),
                    TOP + PLOT_HEIGHT + 50, year, fmt(y - 6), row.empty() ? "-" : String.valueOf(row.total())));
        }
        List<String> names = table.progress().stream().map(l -> en ? l.labelEn() : l.labelTh()).toList();
        List<Key> keys = new ArrayList<>();
        int perRow = keysPerRow(names);
        for (int p = 0; p < names.size(); p++) {
            keys.add(new Key(LEFT + (p % perRow) * KEY_COLUMN, TOP + PLOT_HEIGHT + 90 + (p / perRow) * KEY_ROW,
                    COLOURS[p % COLOURS.length], names.get(p)));
        }
        return render(locale, title, Texts.in(locale, "stats.svg.complaints.heading"), agency, period, desc.toString(),
                axis, columns, keys);
    }

    public String gifts(GiftTable table) {
        return gifts(table, Texts.THAI);
    }

    /** The declarations by disposition: a bar each, its name in the key below (long names fit no column). */
    public String gifts(GiftTable table, Locale language) {
        boolean en = english(language);
        Locale locale = en ? Locale.ENGLISH : Texts.THAI;
        String agency = en ? table.agencyNameEn() : table.agencyNameTh();
        String period = en ? table.period().labelEn() : table.period().labelTh();
        String title = Texts.in(locale, "stats.svg.gifts.title", agency, period);
        StringBuilder desc = new StringBuilder(Texts.in(locale, "stats.svg.gifts.desc", table.declarations()));
        List<Labels.Label> labels = GiftLabels.DISPOSITIONS;
        long max = 0;
        for (Labels.Label label : labels) {
            long count = table.byDisposition().getOrDefault(label.code(), 0L);
            max = Math.max(max, count);
            desc.append(' ').append(en ? label.labelEn() : label.labelTh()).append(' ').append(count).append(';');
        }
        Axis axis = Axis.of(max);
        double slot = (WIDTH - LEFT - RIGHT) / (double) labels.size();
        double barWidth = Math.min(80, slot * 0.6);
        List<Column> columns = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        int perRow = keysPerRow(labels.stream().map(l -> (en ? l.labelEn() : l.labelTh()) + " 0").toList());
        for (int i = 0; i < labels.size(); i++) {
            long count = table.byDisposition().getOrDefault(labels.get(i).code(), 0L);
            double h = PLOT_HEIGHT * count / (double) axis.top();
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            String name = en ? labels.get(i).labelEn() : labels.get(i).labelTh();
            Bar bar = new Bar(fmt(x), fmt(TOP + PLOT_HEIGHT - h), fmt(barWidth), fmt(h), COLOURS[i % COLOURS.length],
                    name + " " + count);
            columns.add(new Column(List.of(bar), fmt(x + barWidth / 2), TOP + PLOT_HEIGHT + 26, String.valueOf(i + 1),
                    0, null, fmt(TOP + PLOT_HEIGHT - h - 6), String.valueOf(count)));
            keys.add(new Key(LEFT + (i % perRow) * KEY_COLUMN, TOP + PLOT_HEIGHT + 90 + (i / perRow) * KEY_ROW,
                    COLOURS[i % COLOURS.length], (i + 1) + " " + name));
        }
        return render(locale, title, Texts.in(locale, "stats.svg.gifts.heading"), agency, period, desc.toString(),
                axis, columns, keys);
    }

    private String render(Locale locale, String title, String heading, String agency, String period, String desc,
            Axis axis, List<Column> columns, List<Key> keys) {
        List<Tick> ticks = new ArrayList<>();
        for (long value = 0; value <= axis.top(); value += axis.step()) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / (double) axis.top();
            ticks.add(new Tick(fmt(y), fmt(y + 7), String.valueOf(value)));
        }
        int keyRows = keys.isEmpty() ? 0 : (keys.get(keys.size() - 1).y() - (TOP + PLOT_HEIGHT + 90)) / KEY_ROW + 1;
        int height = TOP + PLOT_HEIGHT + 90 + keyRows * KEY_ROW;
        return Templates.render(templates, "publication/infographic.jte",
                new Chart(WIDTH, height, LEFT, WIDTH - RIGHT, locale.getLanguage(), title,
                        List.of(heading, agency, period), desc, ticks, columns, keys));
    }

    /**
     * Two keys a row when every name fits half the width at {@value #MIN_FONT} units (about 11 units a Latin
     * letter; Thai vowel and tone marks take no width of their own), else one.
     */
    private static int keysPerRow(List<String> names) {
        int widest = names.stream().mapToInt(n -> n.replaceAll("[\\u0E31\\u0E34-\\u0E3A\\u0E47-\\u0E4E]", "")
                .length()).max().orElse(0);
        return 26 + widest * 11 <= KEY_COLUMN - 8 ? 2 : 1;
    }

    /** "1 complaint", "2 complaints" / "1 เรื่อง": the count's own plural form in English. */
    private static String count(Locale locale, long n) {
        return Texts.in(locale, n == 1 ? "stats.svg.complaints.count.one" : "stats.svg.complaints.count", n);
    }

    static boolean english(Locale language) {
        return language != null && language.getLanguage().equals(Locale.ENGLISH.getLanguage());
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String month(String month, boolean en) {
        try {
            YearMonth parsed = YearMonth.parse(month);
            return en ? MonthNames.englishShort(parsed.getMonth()) : MonthNames.thaiShort(parsed.getMonth());
        } catch (DateTimeParseException e) {
            return month;
        }
    }

    /**
     * The Buddhist-Era year under each month ("ต.ค." over "2567"): one line of "ต.ค. 2567" would be wider than a
     * month's column at a readable size. The heading's period says BE in English.
     */
    private static String year(String month) {
        try {
            return String.valueOf(FiscalCalendar.buddhistYear(YearMonth.parse(month)));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 1 October 2567 BE} from an ISO date-time's date; as given when it is not one. */
    private static String englishDate(String isoDateTime) {
        try {
            return FiscalCalendar.dateLabelEnglish(java.time.LocalDate.parse(isoDateTime.substring(0,
                    Math.min(10, isoDateTime.length()))));
        } catch (java.time.format.DateTimeParseException e) {
            return isoDateTime;
        }
    }
}
