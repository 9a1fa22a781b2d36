package th.integrity.stats.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.gifts.GiftTable;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;
import th.integrity.platform.text.Texts;

/**
 * CSV of a table (RFC 4180: CRLF, every cell quoted), UTF-8 with a byte order mark so spreadsheet programs
 * show Thai, headers in Thai. Cells follow the printed table (a month with nothing received has "-").
 * A cell that a spreadsheet would run as a formula (starting with = + - @ or a control character) is prefixed
 * with an apostrophe, except a bare dash and plain numbers.
 */
public final class Csv {

    public static final String BOM = "\uFEFF";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Csv() {
    }

    public static String complaints(ComplaintTable table) {
        List<String> header = new ArrayList<>(List.of(Texts.in(Texts.THAI, "stats.csv.agency"), Texts.in(Texts.THAI, "stats.csv.fiscal-year"),
                Texts.in(Texts.THAI, "stats.csv.category"), Texts.in(Texts.THAI, "stats.csv.month"), Texts.in(Texts.THAI, "stats.csv.month-iso")));
        table.channels().forEach(c -> header.add(Texts.in(Texts.THAI, "stats.csv.channel", c.labelTh())));
        header.add(Texts.in(Texts.THAI, "stats.csv.total"));
        header.add(Texts.in(Texts.THAI, "stats.csv.carried-over"));
        table.progress().forEach(p -> header.add(Texts.in(Texts.THAI, "stats.csv.state", p.labelTh())));
        header.addAll(List.of(Texts.in(Texts.THAI, "stats.csv.concluded"), Texts.in(Texts.THAI, "stats.csv.average-days")));
        Cells.bodies(table).forEach(b -> header.add(Texts.in(Texts.THAI, "stats.csv.referred", b.labelTh())));
        header.add(Texts.in(Texts.THAI, "stats.csv.remark"));
        StringBuilder out = new StringBuilder(BOM);
        line(out, header);
        for (ComplaintTable.Block block : table.blocks()) {
            List<ComplaintTable.Row> rows = new ArrayList<>(block.rows());
            rows.add(block.totals());
            for (ComplaintTable.Row row : rows) {
                List<String> cells = new ArrayList<>(List.of(table.agencyNameTh(), String.valueOf(table.fiscalYear()),
                        block.labelTh(), row.labelTh(), row.month()));
                cells.addAll(Cells.numbers(table, row));
                cells.add(row.remarkTh());
                line(out, cells);
            }
        }
        return out.toString();
    }

    /**
     * The city-wide roll-up: its table, then (after an empty line) every agency with whether it is in the sum,
     * as the JSON's {@code included} and {@code missing} say.
     */
    static String rollup(Rollup.View rollup) {
        StringBuilder out = new StringBuilder(complaints(rollup.table()));
        out.append("\r\n");
        line(out, List.of(Texts.in(Texts.THAI, "stats.rollup.col.status"), Texts.in(Texts.THAI, "stats.rollup.col.code"),
                Texts.in(Texts.THAI, "stats.csv.agency"), Texts.in(Texts.THAI, "stats.rollup.col.publication"),
                Texts.in(Texts.THAI, "stats.rollup.col.revision")));
        for (Rollup.Included agency : rollup.included()) {
            line(out, List.of(Texts.in(Texts.THAI, "stats.rollup.included"), agency.agency(), agency.nameTh(),
                    agency.publicationId(), String.valueOf(agency.revision())));
        }
        for (Rollup.Missing agency : rollup.missing()) {
            line(out, List.of(Texts.in(Texts.THAI, "stats.rollup.missing"), agency.agency(), agency.nameTh(), "", ""));
        }
        return out.toString();
    }

    /** The seed layout ({@link SeedLayout}) as CSV: one header line, the category repeated on each of its rows. */
    public static String seed(SeedLayout.Sheet sheet) {
        List<String> header = new ArrayList<>(List.of(Texts.in(Texts.THAI, "stats.seed.col.category"),
                Texts.in(Texts.THAI, "stats.seed.col.month"), Texts.in(Texts.THAI, "stats.seed.col.division")));
        sheet.channels().forEach(c -> header.add(Texts.in(Texts.THAI, "stats.csv.channel", c)));
        header.add(Texts.in(Texts.THAI, "stats.seed.col.total"));
        sheet.outcomes().forEach(o -> header.add(Texts.in(Texts.THAI, "stats.seed.col.outcomes") + ": " + o));
        header.add(Texts.in(Texts.THAI, "stats.seed.col.remark"));
        StringBuilder out = new StringBuilder(BOM);
        line(out, header);
        for (SeedLayout.Block block : sheet.blocks()) {
            for (SeedLayout.Row row : block.rows()) {
                seedLine(out, block.label(), row.month(), row);
            }
        }
        seedLine(out, sheet.totals().month(), "", sheet.totals());
        return out.toString();
    }

    private static void seedLine(StringBuilder out, String block, String month, SeedLayout.Row row) {
        List<String> cells = new ArrayList<>(List.of(block, month, row.division()));
        cells.addAll(row.channels());
        cells.add(row.total());
        cells.addAll(row.outcomes());
        cells.add(row.remark());
        line(out, cells);
    }

    public static String gifts(GiftTable table) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, List.of(Texts.in(Texts.THAI, "stats.csv.agency"), Texts.in(Texts.THAI, "stats.csv.fiscal-year"), Texts.in(Texts.THAI, "stats.csv.round"), Texts.in(Texts.THAI, "stats.csv.topic"),
                Texts.in(Texts.THAI, "stats.csv.code"), Texts.in(Texts.THAI, "stats.csv.item"), Texts.in(Texts.THAI, "stats.csv.count")));
        String[] base = { table.agencyNameTh(), String.valueOf(table.fiscalYear()), table.roundTh() };
        gift(out, base, Texts.in(Texts.THAI, "stats.csv.disposition"), table.byDisposition(), GiftLabels.DISPOSITIONS);
        gift(out, base, Texts.in(Texts.THAI, "stats.csv.rule-outcome"), table.byRuleOutcome(), GiftLabels.RULE_OUTCOMES);
        gift(out, base, Texts.in(Texts.THAI, "stats.csv.value"), table.byValueBand(), GiftLabels.VALUE_BANDS);
        gift(out, base, Texts.in(Texts.THAI, "stats.csv.kind"), table.byKind(), GiftLabels.KINDS);
        summary(out, base, "DECLARATIONS", Texts.in(Texts.THAI, "stats.csv.declarations"), table.declarations());
        summary(out, base, "DECLARED_LATE", Texts.in(Texts.THAI, "stats.csv.declared-late"), table.declaredLate());
        summary(out, base, "NIL_RETURNS", Texts.in(Texts.THAI, "stats.csv.nil-returns"), table.nilReturns());
        summary(out, base, "DECISIONS_PENDING", Texts.in(Texts.THAI, "stats.csv.decisions-pending"), table.decisionsPending());
        summary(out, base, "DECISIONS_OVERDUE", Texts.in(Texts.THAI, "stats.csv.decisions-overdue"), table.decisionsOverdue());
        return out.toString();
    }

    private static void gift(StringBuilder out, String[] base, String topic, Map<String, Long> counts,
            List<Labels.Label> labels) {
        for (var entry : counts.entrySet()) {
            String label = labels.stream().filter(l -> l.code().equals(entry.getKey())).map(Labels.Label::labelTh)
                    .findFirst().orElse(Texts.in(Texts.THAI, "stats.table.unspecified"));
            line(out, List.of(base[0], base[1], base[2], topic, entry.getKey(), label, entry.getValue().toString()));
        }
    }

    private static void summary(StringBuilder out, String[] base, String code, String label, long value) {
        line(out, List.of(base[0], base[1], base[2], Texts.in(Texts.THAI, "stats.csv.summary"), code, label, String.valueOf(value)));
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(safe(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty() || cell.equals("-") || NUMBER.matcher(cell).matches()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\n' ? "'" + cell : cell;
    }
}
