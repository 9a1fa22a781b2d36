package th.integrity.gifts.register;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import th.integrity.gifts.gift.Labelled;
import th.integrity.platform.text.Texts;

/**
 * The register laid out as lines of cells, in Thai, the same for CSV and XLSX: title, round and report date,
 * the declarations, totals by disposition and by rule outcome, the nil returns, and the staff who have not
 * reported. Cells are strings or {@link BigDecimal} amounts.
 */
final class RegisterSheet {

    /** The declarations' columns, as keys of {@code gifts.register.col.*}. */
    static final List<String> DECLARATION_COLUMNS = List.of("no", "declarant", "position", "division", "offered-on",
            "giver", "giver-type", "relation", "pending-business", "kind", "description", "value", "valuation",
            "occasion", "disposition", "disposed-on", "outcome", "reason", "late", "decision", "decided-on",
            "declared-on", "id", "supersedes");

    private RegisterSheet() {
    }

    static List<List<Object>> lines(Register register) {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(List.of(register.titleTh()));
        lines.add(List.of(th("agency"), register.agencyNameTh()));
        lines.add(List.of(th("fiscal-year"), String.valueOf(register.fiscalYear())));
        lines.add(List.of(th("round"), register.roundTh()));
        lines.add(List.of(th("report-date"), register.reportDateTh()));
        lines.add(List.of());

        lines.add(List.of(th("declarations")));
        lines.add(new ArrayList<>(DECLARATION_COLUMNS.stream().map(c -> th("col." + c)).toList()));
        if (register.declarations().isEmpty()) {
            lines.add(List.of("-", th("no-declarations")));
        }
        for (Register.Row r : register.declarations()) {
            lines.add(Arrays.asList(String.valueOf(r.no()), r.declarantName(), text(r.position()), division(r.division()),
                    r.offeredOnTh(), r.giverName(), label(r.giverType()), label(r.relation()), yesNo(r.pendingBusiness()),
                    label(r.kind()), r.description(), r.value(), r.valuation(), r.occasion(), label(r.disposition()),
                    r.disposedOnTh(), label(r.ruleOutcome()), r.reasonTh(), yesNo(r.declaredLate()),
                    r.decision() == null ? "" : r.decision().labelTh()
                            + (r.decisionNote() == null ? "" : " (" + r.decisionNote() + ")"),
                    text(r.decidedOnTh()), r.declaredOnTh(), r.id(), text(r.supersedes())));
        }
        lines.add(List.of());

        lines.add(List.of(th("by-disposition")));
        lines.add(List.of(th("col.disposition"), th("col.count"), th("col.total")));
        for (Register.DispositionTotal t : register.totals().byDisposition()) {
            lines.add(List.of(t.labelTh(), String.valueOf(t.count()), t.value()));
        }
        lines.add(List.of(th("total"), String.valueOf(register.totals().declarations()), register.totals().value()));
        lines.add(List.of());
        lines.add(List.of(th("by-outcome")));
        lines.add(List.of(th("col.outcome"), th("col.count"), th("col.total")));
        for (Register.OutcomeTotal t : register.totals().byOutcome()) {
            lines.add(List.of(t.labelTh(), String.valueOf(t.count()), t.value()));
        }
        lines.add(List.of(th("late"), String.valueOf(register.totals().late())));
        lines.add(List.of(th("awaiting"), String.valueOf(register.totals().awaitingDecision())));
        lines.add(List.of());

        lines.add(List.of(th("nil-returns")));
        lines.add(List.of(th("col.no"), th("col.name"), th("col.position"), th("col.division"), th("col.declared-on")));
        if (register.nilReturns().isEmpty()) {
            lines.add(List.of("-", th("none")));
        }
        for (Register.NilRow n : register.nilReturns()) {
            lines.add(List.of(String.valueOf(n.no()), n.name(), text(n.position()), division(n.division()), n.filedOnTh()));
        }
        lines.add(List.of());

        lines.add(List.of(th("not-reported")));
        lines.add(List.of(th("col.no"), th("col.name"), th("col.position"), th("col.division")));
        if (register.notReported().isEmpty()) {
            lines.add(List.of("-", th("none")));
        }
        int no = 1;
        for (var s : register.notReported()) {
            lines.add(List.of(String.valueOf(no++), s.name(), text(s.position()), division(s.division())));
        }
        return lines;
    }

    /**
     * A cell that a spreadsheet program could take for a formula (one starting with {@code = + - @}, a tab, a
     * carriage return or a line feed) is prefixed with an apostrophe, so it is shown as the text it is and never
     * evaluated; except the one value known to be inert and written by the register itself: a lone dash (its
     * "none"). An allowlist of one: any other start with one of those characters is neutralised, a negative
     * number a person typed included (the register writes no negative number; amounts are numeric cells).
     */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        if (cell.equals("-")) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\n' ? "'" + cell : cell;
    }

    /** The division's name (ฝ่าย) for its code, from the bundles' {@code gifts.division.<code>}; else as given. */
    static String division(String code) {
        if (code == null) {
            return "";
        }
        String key = "gifts.division." + code;
        return Texts.has(key) ? Texts.in(Texts.THAI, key) : code;
    }

    /** The register's own text under {@code gifts.register.<key>}, in Thai. */
    private static String th(String key) {
        return Texts.in(Texts.THAI, "gifts.register." + key);
    }

    private static String label(Labelled value) {
        return value == null ? "" : value.labelTh();
    }

    private static String yesNo(boolean value) {
        return th(value ? "yes" : "no");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
