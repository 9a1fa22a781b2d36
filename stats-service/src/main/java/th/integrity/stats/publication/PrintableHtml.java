package th.integrity.stats.publication;

import static th.integrity.stats.web.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.gifts.GiftTable;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;
import th.integrity.stats.web.Html;

/**
 * The printable Thai page of a publication (A4 landscape through the service's stylesheet): title, agency,
 * period, dates, revision and checksum, then the table as the seed lays it out (a block per category with its
 * label spanning its rows, a row per month, "ไม่มีเรื่องร้องเรียน" and dashes for an empty month) and a totals
 * row per block. Every value is escaped; the page has no script and no inline style.
 */
public final class PrintableHtml {

    private PrintableHtml() {
    }

    /** @param view the publication's metadata, or {@code null} for an unpublished table (the roll-up) */
    public static String complaints(ComplaintTable table, PublicationView view) {
        StringBuilder out = Html.page(table.titleTh(), "publication complaints");
        header(out, table.titleTh(), table.agencyNameTh(), table.period().labelTh(), table.generatedOnTh(), view);
        out.append("<table class=\"stats\">\n<thead>\n<tr><th rowspan=\"2\" scope=\"col\">ประเภทเรื่อง</th>")
                .append("<th rowspan=\"2\" scope=\"col\">เดือน</th>")
                .append("<th colspan=\"").append(table.channels().size())
                .append("\" scope=\"colgroup\">จำนวนเรื่องตามช่องทางการร้องเรียน</th>")
                .append("<th rowspan=\"2\" scope=\"col\">รวม</th><th rowspan=\"2\" scope=\"col\">เรื่องค้างยกมา</th>")
                .append("<th colspan=\"").append(table.progress().size())
                .append("\" scope=\"colgroup\">สถานะความก้าวหน้า (ณ วันที่ ").append(escape(table.generatedOnTh()))
                .append(")</th><th rowspan=\"2\" scope=\"col\">ยุติในเดือน</th>")
                .append("<th rowspan=\"2\" scope=\"col\">ระยะเวลาเฉลี่ยจนยุติ (วัน)</th>")
                .append("<th rowspan=\"2\" scope=\"col\">หมายเหตุ</th></tr>\n<tr>");
        table.channels().forEach(c -> out.append("<th scope=\"col\">").append(escape(c.labelTh())).append("</th>"));
        table.progress().forEach(p -> out.append("<th scope=\"col\">").append(escape(p.labelTh())).append("</th>"));
        out.append("</tr>\n</thead>\n");
        for (ComplaintTable.Block block : table.blocks()) {
            out.append("<tbody class=\"block\">\n");
            List<ComplaintTable.Row> rows = new ArrayList<>(block.rows());
            rows.add(block.totals());
            for (int i = 0; i < rows.size(); i++) {
                ComplaintTable.Row row = rows.get(i);
                boolean totals = i == rows.size() - 1;
                out.append(totals ? "<tr class=\"total\">" : row.empty() ? "<tr class=\"empty\">" : "<tr>");
                if (i == 0) {
                    out.append("<th rowspan=\"").append(rows.size()).append("\" scope=\"rowgroup\" class=\"category\">")
                            .append(escape(block.labelTh())).append("</th>");
                }
                out.append("<th scope=\"row\">").append(escape(row.labelTh())).append("</th>");
                for (String cell : Cells.numbers(table, row)) {
                    out.append("<td class=\"n\">").append(escape(cell)).append("</td>");
                }
                out.append("<td class=\"remark\">").append(escape(row.remarkTh())).append("</td></tr>\n");
            }
            out.append("</tbody>\n");
        }
        out.append("</table>\n");
        out.append("<p class=\"notes\">เรื่องค้างยกมา: เรื่องที่รับก่อนต้นเดือนและยังไม่ยุติ ณ ต้นเดือน (แถวรวม: ณ ต้นช่วง) · ")
                .append("สถานะความก้าวหน้า: สถานะปัจจุบันของเรื่องที่รับในเดือนนั้น ณ วันที่จัดทำ · ")
                .append("ระยะเวลาเฉลี่ย: จำนวนวันตั้งแต่รับเรื่องจนยุติ ของเรื่องที่ยุติในเดือนนั้น</p>\n");
        footer(out, view);
        return out.toString();
    }

    public static String gifts(GiftTable table, PublicationView view) {
        StringBuilder out = Html.page(table.titleTh(), "publication gifts");
        header(out, table.titleTh(), table.agencyNameTh(), table.period().labelTh(), table.generatedOnTh(), view);
        out.append("<table class=\"stats summary\">\n<tbody>\n");
        summary(out, "จำนวนรายการที่รายงาน", table.declarations());
        summary(out, "รายงานเกิน 30 วันนับแต่วันที่ได้รับ", table.declaredLate());
        summary(out, "รายงานว่าไม่มีการรับ (nil return)", table.nilReturns());
        summary(out, "รอผู้บังคับบัญชาวินิจฉัย", table.decisionsPending());
        summary(out, "รอวินิจฉัยเกินกำหนด", table.decisionsOverdue());
        out.append("</tbody>\n</table>\n");
        breakdown(out, "การดำเนินการกับของขวัญ", table.byDisposition(), GiftLabels.DISPOSITIONS);
        breakdown(out, "ผลตามหลักเกณฑ์การรับโดยธรรมจรรยา", table.byRuleOutcome(), GiftLabels.RULE_OUTCOMES);
        breakdown(out, "มูลค่าต่อชิ้น", table.byValueBand(), GiftLabels.VALUE_BANDS);
        breakdown(out, "ประเภทของขวัญ", table.byKind(), GiftLabels.KINDS);
        footer(out, view);
        return out.toString();
    }

    private static void header(StringBuilder out, String title, String agency, String period, String generatedOn,
            PublicationView view) {
        out.append("<header>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<p class=\"agency\">").append(escape(agency)).append("</p>\n")
                .append("<p class=\"period\">ระหว่างวันที่ ").append(escape(period)).append("</p>\n")
                .append("<p class=\"dates\">จัดทำเมื่อ ").append(escape(generatedOn));
        if (view != null) {
            out.append(" · เผยแพร่เมื่อ ").append(escape(view.publishedOnTh())).append(" · ฉบับที่ ")
                    .append(view.revision());
        } else {
            out.append(" · ไม่ใช่เอกสารเผยแพร่ (รวมจากฉบับเผยแพร่ปัจจุบันของแต่ละหน่วยงาน)");
        }
        out.append("</p>\n");
        if (view != null && view.correctionReason() != null) {
            out.append("<p class=\"correction\">ฉบับแก้ไขของฉบับที่ ").append(view.revision() - 1).append(" เหตุผล: ")
                    .append(escape(view.correctionReason())).append("</p>\n");
        }
        if (view != null && view.supersededBy() != null) {
            out.append("<p class=\"superseded\">ฉบับนี้ถูกแทนที่แล้วโดยฉบับที่ ").append(view.supersededBy().revision())
                    .append(" (รหัส ").append(escape(view.supersededBy().id())).append(") เหตุผล: ")
                    .append(escape(view.supersededBy().reason())).append("</p>\n");
        }
        out.append("</header>\n");
    }

    private static void footer(StringBuilder out, PublicationView view) {
        out.append("<footer>\n");
        if (view != null) {
            out.append("<p>รหัสเอกสาร ").append(escape(view.id())).append(" · SHA-256 ")
                    .append(escape(view.checksum().value())).append("</p>\n");
        }
        out.append("<p>เผยแพร่ภายใต้สัญญาอนุญาต ").append(escape(Dcat.LICENSE_NAME)).append("</p>\n</footer>\n")
                .append("</body>\n</html>\n");
    }

    private static void summary(StringBuilder out, String label, long value) {
        out.append("<tr><th scope=\"row\">").append(escape(label)).append("</th><td class=\"n\">").append(value)
                .append("</td></tr>\n");
    }

    private static void breakdown(StringBuilder out, String caption, Map<String, Long> counts, List<Labels.Label> labels) {
        out.append("<table class=\"stats breakdown\">\n<caption>").append(escape(caption))
                .append("</caption>\n<thead><tr><th scope=\"col\">รายการ</th><th scope=\"col\">จำนวน</th></tr></thead>\n<tbody>\n");
        counts.forEach((code, count) -> out.append("<tr><th scope=\"row\">")
                .append(escape(labels.stream().filter(l -> l.code().equals(code)).map(Labels.Label::labelTh)
                        .findFirst().orElse("ไม่ระบุ")))
                .append("</th><td class=\"n\">").append(count).append("</td></tr>\n"));
        out.append("</tbody>\n</table>\n");
    }
}
