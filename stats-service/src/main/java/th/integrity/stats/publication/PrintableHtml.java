package th.integrity.stats.publication;

import static th.integrity.stats.web.Words.th;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gg.jte.TemplateEngine;

import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.gifts.GiftTable;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;
import th.integrity.stats.web.Templates;

/**
 * The printable Thai page of a publication (A4 landscape through the service's stylesheet): title, agency,
 * period, dates, revision and checksum, then the table as the seed lays it out (a block per category with its
 * label spanning its rows, a row per month, "ไม่มีเรื่องร้องเรียน" and dashes for an empty month) and a totals
 * row per block. The markup is in {@code src/main/jte/publication} (every value escaped by the template output);
 * this class decides what the rows say. The page has no script and no inline style.
 */
@Component
public class PrintableHtml {

    /** @param coverage the agencies a roll-up sums and those it lacks, or {@code null} for a publication */
    record ComplaintsPage(ComplaintTable table, PublicationView view, List<Block> blocks, String license,
            Coverage coverage) {

        /** The columns of the group "referred to" (ส่งต่อหน่วยงานอื่น). */
        public List<Labels.Label> bodies() {
            return Cells.bodies(table);
        }
    }

    /** The agencies in a roll-up ({@code name (code)}) and the configured ones without a publication. */
    record Coverage(List<String> included, List<String> missing) {
    }

    record Block(String label, List<Row> rows) {
    }

    /** @param style {@code total}, {@code empty} or {@code null} (no class attribute) */
    record Row(boolean first, String style, String label, List<String> cells, String remark) {
    }

    /** The seed layout ({@link SeedLayout}) of a complaint table. */
    record SeedPage(ComplaintTable table, PublicationView view, SeedLayout.Sheet sheet, String license) {
    }

    record GiftsPage(GiftTable table, PublicationView view, List<Line> summary, List<Breakdown> breakdowns,
            String license) {
    }

    record Line(String label, long count) {
    }

    record Breakdown(String caption, List<Line> lines) {
    }

    private final TemplateEngine templates;

    public PrintableHtml(TemplateEngine templates) {
        this.templates = templates;
    }

    /** @param view the publication's metadata, or {@code null} for an unpublished table (the roll-up) */
    public String complaints(ComplaintTable table, PublicationView view) {
        return complaints(table, view, null);
    }

    /** The city-wide roll-up: its table, and which agencies it sums and which it lacks, as its JSON says. */
    String rollup(Rollup.View rollup) {
        return complaints(rollup.table(), null, new Coverage(
                rollup.included().stream().map(a -> a.nameTh() + " (" + a.agency() + ")").toList(),
                rollup.missing().stream().map(a -> a.nameTh() + " (" + a.agency() + ")").toList()));
    }

    private String complaints(ComplaintTable table, PublicationView view, Coverage coverage) {
        List<Block> blocks = new ArrayList<>();
        for (ComplaintTable.Block block : table.blocks()) {
            List<ComplaintTable.Row> rows = new ArrayList<>(block.rows());
            rows.add(block.totals());
            List<Row> printed = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                ComplaintTable.Row row = rows.get(i);
                boolean totals = i == rows.size() - 1;
                printed.add(new Row(i == 0, totals ? "total" : row.empty() ? "empty" : null, row.labelTh(),
                        Cells.numbers(table, row), row.remarkTh()));
            }
            blocks.add(new Block(block.labelTh(), printed));
        }
        return Templates.render(templates, "publication/complaints.jte",
                new ComplaintsPage(table, view, blocks, Dcat.LICENSE_NAME, coverage));
    }

    /**
     * The table as the agency's own report prints it, on one A4 landscape page: a block per category, a row per
     * month, the channel and outcome columns {@code sheet} folded, ไม่มีเรื่องร้องเรียน and dashes for an empty month.
     *
     * @param view the publication's metadata, or {@code null} for an unpublished table (the roll-up)
     */
    public String seed(ComplaintTable table, SeedLayout.Sheet sheet, PublicationView view) {
        return Templates.render(templates, "publication/seed.jte", new SeedPage(table, view, sheet, Dcat.LICENSE_NAME));
    }

    public String gifts(GiftTable table, PublicationView view) {
        List<Line> summary = List.of(
                new Line(th("stats.csv.declarations"), table.declarations()),
                new Line(th("stats.print.declared-late"), table.declaredLate()),
                new Line(th("stats.print.nil-returns"), table.nilReturns()),
                new Line(th("stats.csv.decisions-pending"), table.decisionsPending()),
                new Line(th("stats.csv.decisions-overdue"), table.decisionsOverdue()));
        List<Breakdown> breakdowns = List.of(
                breakdown(th("stats.csv.disposition"), table.byDisposition(), GiftLabels.DISPOSITIONS),
                breakdown(th("stats.print.rule-outcome"), table.byRuleOutcome(), GiftLabels.RULE_OUTCOMES),
                breakdown(th("stats.print.value"), table.byValueBand(), GiftLabels.VALUE_BANDS),
                breakdown(th("stats.csv.kind"), table.byKind(), GiftLabels.KINDS));
        return Templates.render(templates, "publication/gifts.jte",
                new GiftsPage(table, view, summary, breakdowns, Dcat.LICENSE_NAME));
    }

    private static Breakdown breakdown(String caption, Map<String, Long> counts, List<Labels.Label> labels) {
        List<Line> lines = new ArrayList<>();
        counts.forEach((code, count) -> lines.add(new Line(labels.stream().filter(l -> l.code().equals(code))
                .map(Labels.Label::labelTh).findFirst().orElse(th("stats.table.unspecified")), count)));
        return new Breakdown(caption, lines);
    }
}
