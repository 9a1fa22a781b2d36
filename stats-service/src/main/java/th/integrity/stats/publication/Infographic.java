package th.integrity.stats.publication;

import static th.integrity.stats.web.Html.escape;

import java.util.List;
import java.util.Locale;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.gifts.GiftTable;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;

/**
 * The SVG infographic of a publication: one stacked bar per month (all categories) split by progress state,
 * Thai labels, an accessible {@code <title>} and {@code <desc>}. Well-formed XML; every text escaped; no script.
 */
public final class Infographic {

    private static final String[] COLOURS = { "#4e79a7", "#f28e2b", "#76b7b2", "#edc948", "#59a14f", "#9c755f",
            "#bab0ac" };
    private static final int WIDTH = 960;
    private static final int HEIGHT = 520;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 70;
    private static final int PLOT_HEIGHT = 300;

    private Infographic() {
    }

    public static String complaints(ComplaintTable table) {
        List<ComplaintTable.Row> rows = table.all().rows();
        long max = Math.max(1, rows.stream().mapToLong(ComplaintTable.Row::total).max().orElse(0));
        String title = "สถิติเรื่องร้องเรียน " + table.agencyNameTh() + " " + table.period().labelTh();
        StringBuilder desc = new StringBuilder("แผนภูมิแท่งจำนวนเรื่องร้องเรียนที่รับในแต่ละเดือน แยกตามสถานะความก้าวหน้า ณ วันที่ ")
                .append(table.generatedOnTh()).append(" รวม ").append(table.totalReceived()).append(" เรื่อง:");
        for (ComplaintTable.Row row : rows) {
            desc.append(' ').append(row.labelTh()).append(' ')
                    .append(row.empty() ? Labels.EMPTY_REMARK_TH : row.total() + " เรื่อง").append(';');
        }
        StringBuilder out = open(title, desc.toString());
        axis(out, max);
        double slot = (WIDTH - LEFT - RIGHT) / (double) rows.size();
        double barWidth = Math.min(48, slot * 0.6);
        for (int m = 0; m < rows.size(); m++) {
            ComplaintTable.Row row = rows.get(m);
            double x = LEFT + slot * m + (slot - barWidth) / 2;
            double y = TOP + PLOT_HEIGHT;
            for (int p = 0; p < table.progress().size(); p++) {
                long count = row.progress().getOrDefault(table.progress().get(p).code(), 0L);
                if (count == 0) {
                    continue;
                }
                double h = PLOT_HEIGHT * count / (double) max;
                y -= h;
                out.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                        .append(fmt(barWidth)).append("\" height=\"").append(fmt(h)).append("\" fill=\"")
                        .append(COLOURS[p % COLOURS.length]).append("\"><title>").append(escape(row.labelTh()))
                        .append(": ").append(escape(table.progress().get(p).labelTh())).append(' ').append(count)
                        .append(" เรื่อง</title></rect>\n");
            }
            YearMonthLabel label = YearMonthLabel.of(row.month());
            out.append("<text x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 18)
                    .append("\" text-anchor=\"middle\" class=\"month\">").append(escape(label.shortTh))
                    .append("</text>\n");
            out.append("<text x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"").append(fmt(y - 6))
                    .append("\" text-anchor=\"middle\" class=\"value\">")
                    .append(row.empty() ? "-" : String.valueOf(row.total())).append("</text>\n");
        }
        legend(out, table.progress());
        return close(out);
    }

    public static String gifts(GiftTable table) {
        String title = "สถิติการรายงานการรับของขวัญ " + table.agencyNameTh() + " " + table.period().labelTh();
        StringBuilder desc = new StringBuilder("แผนภูมิแท่งจำนวนรายการแยกตามการดำเนินการกับของขวัญ รวม ")
                .append(table.declarations()).append(" รายการ:");
        List<Labels.Label> labels = GiftLabels.DISPOSITIONS;
        long max = 1;
        for (Labels.Label label : labels) {
            long count = table.byDisposition().getOrDefault(label.code(), 0L);
            max = Math.max(max, count);
            desc.append(' ').append(label.labelTh()).append(' ').append(count).append(';');
        }
        StringBuilder out = open(title, desc.toString());
        axis(out, max);
        double slot = (WIDTH - LEFT - RIGHT) / (double) labels.size();
        double barWidth = Math.min(80, slot * 0.6);
        for (int i = 0; i < labels.size(); i++) {
            long count = table.byDisposition().getOrDefault(labels.get(i).code(), 0L);
            double h = PLOT_HEIGHT * count / (double) max;
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            out.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(TOP + PLOT_HEIGHT - h))
                    .append("\" width=\"").append(fmt(barWidth)).append("\" height=\"").append(fmt(h))
                    .append("\" fill=\"").append(COLOURS[i % COLOURS.length]).append("\"/>\n");
            out.append("<text x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 18)
                    .append("\" text-anchor=\"middle\" class=\"month\">").append(escape(labels.get(i).labelTh()))
                    .append("</text>\n<text x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"")
                    .append(fmt(TOP + PLOT_HEIGHT - h - 6)).append("\" text-anchor=\"middle\" class=\"value\">")
                    .append(count).append("</text>\n");
        }
        return close(out);
    }

    private static StringBuilder open(String title, String desc) {
        return new StringBuilder(8192).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"title desc\" xml:lang=\"th\">\n")
                .append("<title id=\"title\">").append(escape(title)).append("</title>\n")
                .append("<desc id=\"desc\">").append(escape(desc)).append("</desc>\n")
                .append("<style>text{font-family:Sarabun,'TH Sarabun New',Tahoma,sans-serif;font-size:13px;fill:#222}")
                .append(".heading{font-size:18px;font-weight:bold}.month{font-size:12px}.value{font-size:11px}")
                .append(".grid{stroke:#ddd;stroke-width:1}</style>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n")
                .append("<text x=\"").append(LEFT).append("\" y=\"32\" class=\"heading\">").append(escape(title))
                .append("</text>\n");
    }

    private static void axis(StringBuilder out, long max) {
        for (int i = 0; i <= 4; i++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 4.0;
            out.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" class=\"grid\"/>\n")
                    .append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" class=\"value\">")
                    .append(fmt(Math.round(max * i / 4.0 * 10) / 10.0)).append("</text>\n");
        }
    }

    private static void legend(StringBuilder out, List<Labels.Label> progress) {
        int perRow = 4;
        for (int p = 0; p < progress.size(); p++) {
            int x = LEFT + (p % perRow) * 220;
            int y = TOP + PLOT_HEIGHT + 50 + (p / perRow) * 24;
            out.append("<rect x=\"").append(x).append("\" y=\"").append(y - 11).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(COLOURS[p % COLOURS.length]).append("\"/>\n<text x=\"").append(x + 20).append("\" y=\"")
                    .append(y).append("\">").append(escape(progress.get(p).labelTh())).append("</text>\n");
        }
    }

    private static String close(StringBuilder out) {
        return out.append("</svg>\n").toString();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private record YearMonthLabel(String shortTh) {
        static YearMonthLabel of(String month) {
            try {
                return new YearMonthLabel(FiscalCalendar.monthLabelThaiShort(java.time.YearMonth.parse(month)));
            } catch (java.time.format.DateTimeParseException e) {
                return new YearMonthLabel(month);
            }
        }
    }
}
