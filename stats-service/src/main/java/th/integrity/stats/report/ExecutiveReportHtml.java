package th.integrity.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;

import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.table.Labels;
import th.integrity.stats.web.Templates;

/** The printable Thai executive report: this class words the sections, {@code src/main/jte/report} lays them out. */
@Component
class ExecutiveReportHtml {

    record Page(String title, String generatedOn, List<Section> before, String overdueCaption, List<Overdue> overdue,
            List<Section> after) {
    }

    record Section(String caption, List<Line> lines) {
    }

    record Line(String label, long count) {
    }

    record Overdue(String caseId, String category, String status, String dueAt, long daysOverdue) {
    }

    private final TemplateEngine templates;

    ExecutiveReportHtml(TemplateEngine templates) {
        this.templates = templates;
    }

    String render(ExecutiveReport r) {
        String title = "รายงานผู้บริหาร ประจำเดือน" + r.monthTh() + " " + r.agencyNameTh();
        List<Section> before = List.of(
                section("เรื่องร้องเรียนที่รับในเดือน (รวม " + r.received().total() + " เรื่อง) แยกตามประเภท",
                        r.received().byCategory(), Labels.CATEGORIES),
                section("แยกตามช่องทาง", r.received().byChannel(), Labels.CHANNELS),
                section("เรื่องที่ยุติในเดือน (รวม " + r.concluded().total() + " เรื่อง, เฉลี่ย "
                        + (r.concluded().averageDaysToConclusion() == null ? "-"
                                : r.concluded().averageDaysToConclusion())
                        + " วัน)", r.concluded().byOutcome(), Labels.PROGRESS),
                section("เหตุผลการยุติเรื่อง", r.concluded().byClosureReason(), Labels.CLOSURE_REASONS),
                section("เรื่องที่ยังไม่ยุติ ณ วันที่จัดทำ แยกตามสถานะ", r.openByStatus(), Labels.PROGRESS));
        List<Overdue> overdue = r.overdue().cases().stream().map(c -> new Overdue(c.caseId(),
                label(Labels.CATEGORIES, c.category()), c.statusTh(), c.dueAt(), c.daysOverdue()))
                .toList();
        List<Section> after = List.of(section("ของขวัญที่รายงานในเดือน (รวม " + r.gifts().declared()
                + " รายการ) · รอวินิจฉัย " + r.gifts().decisionsPending() + " รายการ · เกินกำหนด "
                + r.gifts().decisionsOverdue() + " รายการ", r.gifts().byDisposition(), GiftLabels.DISPOSITIONS));
        return Templates.render(templates, "report/executive.jte", new Page(title, r.generatedOnTh(), before,
                "เรื่องที่เกินกำหนด (รวม " + r.overdue().total() + " เรื่อง)", overdue, after));
    }

    private static Section section(String caption, Map<String, Long> counts, List<Labels.Label> labels) {
        List<Line> lines = new ArrayList<>();
        counts.forEach((code, count) -> lines.add(new Line(label(labels, code), count)));
        return new Section(caption, lines);
    }

    private static String label(List<Labels.Label> labels, String code) {
        return labels.stream().filter(l -> l.code().equals(code)).map(Labels.Label::labelTh).findFirst()
                .orElse(code == null ? "ไม่ระบุ" : code);
    }
}
