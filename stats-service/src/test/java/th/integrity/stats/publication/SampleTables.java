package th.integrity.stats.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import th.integrity.stats.gifts.GiftLabels;
import th.integrity.stats.gifts.GiftTable;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.Labels;

/** Tables and publication metadata whose every text is {@code text}: what the renderers must print, escaped. */
public final class SampleTables {

    private SampleTables() {
    }

    public static ComplaintTable complaints(String text) {
        List<Labels.Label> channels = relabel(Labels.CHANNELS, text);
        List<Labels.Label> progress = relabel(Labels.PROGRESS, text);
        List<ComplaintTable.Block> blocks = new ArrayList<>();
        for (String category : List.of("CORRUPTION", "ALL")) {
            List<ComplaintTable.Row> rows = new ArrayList<>();
            String[] months = { "2024-10", "2024-11", "2024-12" };
            for (int m = 0; m < months.length; m++) {
                boolean empty = m == 1;
                rows.add(row(months[m], text + " " + months[m], channels, progress, empty ? 0 : m + 2, empty, text));
            }
            blocks.add(new ComplaintTable.Block(category, text + " " + category, text, rows,
                    row("TOTAL", text, channels, progress, 6, false, text)));
        }
        return new ComplaintTable("agency", text, text, 2568, "2024-12", text + " title", text,
                new ComplaintTable.Period("2024-10-01", "2024-12-31", text + " period", text),
                "2025-01-05T10:00:00+07:00", text + " generated", channels, progress, blocks, 6);
    }

    private static ComplaintTable.Row row(String month, String label, List<Labels.Label> channels,
            List<Labels.Label> progress, long n, boolean empty, String text) {
        Map<String, Long> received = new LinkedHashMap<>();
        channels.forEach(c -> received.put(c.code(), 0L));
        received.put(channels.get(0).code(), n);
        Map<String, Long> states = new LinkedHashMap<>();
        progress.forEach(p -> states.put(p.code(), 0L));
        states.put(progress.get(0).code(), Math.max(0, n - 1));
        states.put(progress.get(4).code(), Math.min(1, n));
        return new ComplaintTable.Row(month, label, text, received, n, empty ? 0 : 1, states, Math.min(1, n),
                n == 0 ? null : 12.5, empty ? text + " remark" : "", "", empty);
    }

    private static List<Labels.Label> relabel(List<Labels.Label> labels, String text) {
        return labels.stream().map(l -> new Labels.Label(l.code(), text + " " + l.labelTh(), text)).toList();
    }

    public static GiftTable gifts(String text) {
        Map<String, Long> byDisposition = new LinkedHashMap<>();
        GiftLabels.DISPOSITIONS.forEach(l -> byDisposition.put(l.code(), 2L));
        byDisposition.put("UNKNOWN_CODE", 1L);
        return new GiftTable("agency", text, text, 2568, "H1", text, text + " title", text,
                new ComplaintTable.Period("2024-10-01", "2025-03-31", text + " period", text),
                "2025-04-05T10:00:00+07:00", text + " generated", 9, byDisposition, Map.of("WITHIN_RULES", 3L),
                Map.of("UP_TO_3000", 4L), Map.of(), 1, 2, 3, 4);
    }

    /** @param corrected a second revision with its reason; @param superseded replaced by a third, with a reason */
    public static PublicationView view(String text, boolean corrected, boolean superseded) {
        return new PublicationView(text + " id", "COMPLAINTS", "agency", text, 2568, "2024-12", null,
                corrected ? 2 : 1, superseded ? "SUPERSEDED" : "CURRENT", "2025-01-06T10:00:00+07:00",
                text + " published", null, new PublicationView.Checksum("SHA-256", text + " checksum"), null,
                corrected ? text + " reason" : null,
                superseded ? new PublicationView.Successor(text + " next", 3, text + " why", "x") : null, Map.of(),
                null);
    }
}
