package th.integrity.stats.publication;

import static th.integrity.stats.web.Words.th;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;

/**
 * A complaint table laid out as the agency's own report (the seed) lays it out: a block per category with its
 * label spanning its months, then เดือนปี | ฝ่าย/ผู้ถูกร้องเรียน | the channel columns | รวม | the
 * ผลการดำเนินการ columns | หมายเหตุ. A month that received nothing says ไม่มีเรื่องร้องเรียน in the ฝ่าย column and
 * "-" in every other cell. Which channels and outcomes each column adds up is {@link SeedLayoutProperties}; the
 * HTML ({@code publication/seed.jte}) and the CSV print this same model.
 */
@Component
public class SeedLayout {

    /** The header and rows of the seed layout; every cell is already the text to print. */
    public record Sheet(List<String> channels, List<String> outcomes, List<Block> blocks, Row totals) {

        /** Columns right of the category: month, division, channels, total, outcomes, remark. */
        public int width() {
            return 2 + channels.size() + 1 + outcomes.size() + 1;
        }
    }

    public record Block(String label, List<Row> rows) {
    }

    /**
     * @param division ไม่มีเรื่องร้องเรียน for an empty month; empty otherwise (the tables do not count by division)
     */
    public record Row(String month, String division, List<String> channels, String total, List<String> outcomes,
            String remark, boolean empty) {
    }

    private final SeedLayoutProperties columns;

    public SeedLayout(SeedLayoutProperties columns) {
        this.columns = columns;
    }

    public Sheet sheet(ComplaintTable table) {
        List<Block> blocks = new ArrayList<>();
        for (ComplaintTable.Block block : table.blocks()) {
            if (block == table.all()) {
                continue; // the seed prints the categories; the grand total closes the page
            }
            blocks.add(new Block(block.labelTh(), block.rows().stream().map(this::row).toList()));
        }
        Row totals = row(table.all().totals());
        return new Sheet(columns.channels().stream().map(SeedLayoutProperties.Column::labelTh).toList(),
                columns.outcomes().stream().map(SeedLayoutProperties.Column::labelTh).toList(), blocks,
                new Row(th("stats.seed.grand-total"), "", totals.channels(), totals.total(), totals.outcomes(), "",
                        false));
    }

    private Row row(ComplaintTable.Row row) {
        if (row.empty()) {
            return new Row(row.labelTh(), Labels.EMPTY_REMARK_TH, dashes(columns.channels().size()), "-",
                    dashes(columns.outcomes().size()), "-", true);
        }
        return new Row(row.labelTh(), "", fold(row.received(), columns.channels()), String.valueOf(row.total()),
                fold(outcomes(row), columns.outcomes()), "", false);
    }

    /**
     * The outcome counts of a row by outcome code: the progress states of the month's complaints. Counts that
     * refine a state (a referral's body, {@code FORWARDED:NACC}) join here under {@code STATE:DETAIL} keys.
     */
    static Map<String, Long> outcomes(ComplaintTable.Row row) {
        Map<String, Long> outcomes = new java.util.LinkedHashMap<>(row.progress());
        if (row.referredTo() != null) {
            row.referredTo().forEach((body, n) -> outcomes.put("FORWARDED:" + body, n));
        }
        return outcomes;
    }

    /**
     * Each column's sum of the counts it names; the {@code *} column also takes every plain code no column
     * names (a {@code STATE:DETAIL} code refines a state already counted, so the rest never counts it twice).
     */
    static List<String> fold(Map<String, Long> counts, List<SeedLayoutProperties.Column> columns) {
        Set<String> named = new HashSet<>();
        columns.forEach(c -> named.addAll(c.codes()));
        List<String> cells = new ArrayList<>();
        for (SeedLayoutProperties.Column column : columns) {
            long sum = 0;
            for (var count : counts.entrySet()) {
                String code = count.getKey();
                boolean rest = column.codes().contains(SeedLayoutProperties.REST) && !named.contains(code)
                        && code.indexOf(':') < 0;
                if (column.codes().contains(code) || rest) {
                    sum += count.getValue() == null ? 0 : count.getValue();
                }
            }
            cells.add(String.valueOf(sum));
        }
        return cells;
    }

    private static List<String> dashes(int n) {
        return java.util.Collections.nCopies(n, "-");
    }
}
