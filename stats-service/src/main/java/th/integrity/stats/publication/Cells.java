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
        return cells;
    }

    private static String count(long value, boolean dash) {
        return dash ? "-" : String.valueOf(value);
    }
}
