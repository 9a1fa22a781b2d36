package th.integrity.stats.publication;

import java.util.ArrayList;
import java.util.List;

import th.integrity.stats.table.ComplaintTable;

/**
 * The number cells of a printed row, as the seed's table writes them: in a month with nothing received, the
 * counts of that month's complaints are "-"; carried-over and concluded counts are printed when not zero, since
 * they concern earlier months' complaints; an unknown average is "-".
 */
final class Cells {

    private Cells() {
    }

    static List<String> numbers(ComplaintTable table, ComplaintTable.Row row) {
        List<String> cells = new ArrayList<>();
        boolean empty = row.empty();
        table.channels().forEach(c -> cells.add(count(row.received().getOrDefault(c.code(), 0L), empty)));
        cells.add(count(row.total(), empty));
        cells.add(count(row.carriedOver(), row.carriedOver() == 0 && empty));
        table.progress().forEach(p -> cells.add(count(row.progress().getOrDefault(p.code(), 0L), empty)));
        cells.add(count(row.concluded(), row.concluded() == 0 && empty));
        cells.add(row.averageDaysToConclusion() == null ? "-" : String.valueOf(row.averageDaysToConclusion()));
        // After the existing columns, so a reader of the older layout finds every column where it was.
        bodies(table).forEach(body -> cells.add(count(row.referred(body.code()), empty)));
        return cells;
    }

    /** The referral columns: every body, also for a publication that predates them (its counts read 0). */
    static List<th.integrity.stats.table.Labels.Label> bodies(ComplaintTable table) {
        return table.referralBodies() == null ? th.integrity.stats.table.Labels.REFERRAL_BODIES : table.referralBodies();
    }

    private static String count(long value, boolean dash) {
        return dash ? "-" : String.valueOf(value);
    }
}
