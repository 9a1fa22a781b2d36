package th.integrity.stats.report;

import static th.integrity.stats.web.Words.th;

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

    /** @param caseNumber เลขรับ; a case from before case numbers shows its id instead */
    record Overdue(String caseId, String category, String status, String dueAt, long daysOverdue, String caseNumber) {
    }

    private final TemplateEngine templates;

    ExecutiveReportHtml(TemplateEngine templates) {
        this.templates = templates;
    }

    String render(ExecutiveReport r) {
        String title = th("stats.report.title", r.monthTh(), r.agencyNameTh());
        List<Section> before = List.of(
                section(th("stats.report.received", r.received().total()),
                        r.received().byCategory(), Labels.CATEGORIES),
                section(th("stats.report.by-channel"), r.received().byChannel(), Labels.CHANNELS),
                section(th("stats.report.concluded", r.concluded().total(),
                        r.concluded().averageDaysToConclusion() == null ? "-"
                                : r.concluded().averageDaysToConclusion()), r.concluded().byOutcome(), Labels.PROGRESS),
                section(th("stats.report.closure-reasons"), r.concluded().byClosureReason(), Labels.CLOSURE_REASONS),
                section(th("stats.report.referred", r.referred().total()), r.referred().byBody(),
                        Labels.REFERRAL_BODIES),
                section(th("stats.report.open"), r.openByStatus(), Labels.PROGRESS));
        List<Overdue> overdue = r.overdue().cases().stream().map(c -> new Overdue(c.caseId(),
                label(Labels.CATEGORIES, c.category()), c.statusTh(), c.dueOnTh(), c.daysOverdue(),
                c.caseNumber() != null ? c.caseNumber() : c.caseId()))
                .toList();
        List<Section> after = List.of(section(th("stats.report.gifts", r.gifts().declared(),
                r.gifts().decisionsPending(), r.gifts().decisionsOverdue()), r.gifts().byDisposition(), GiftLabels.DISPOSITIONS));
        return Templates.render(templates, "report/executive.jte", new Page(title, r.generatedOnTh(), before,
                th("stats.report.overdue", r.overdue().total()), overdue, after));
    }

    private static Section section(String caption, Map<String, Long> counts, List<Labels.Label> labels) {
        List<Line> lines = new ArrayList<>();
        counts.forEach((code, count) -> lines.add(new Line(label(labels, code), count)));
        return new Section(caption, lines);
    }

    private static String label(List<Labels.Label> labels, String code) {
        return labels.stream().filter(l -> l.code().equals(code)).map(Labels.Label::labelTh).findFirst()
                .orElse(code == null ? th("stats.table.unspecified") : code);
    }
}
