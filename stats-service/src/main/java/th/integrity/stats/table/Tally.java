package th.integrity.stats.table;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.projection.CaseShapes;

/**
 * Counts of one table as plain arrays: [block][month][column]. Filled shape by shape ({@link CaseShapes}), so
 * an agency-year of 100,000 cases costs a pass over a few thousand shapes; the blocks are CORRUPTION,
 * MISCONDUCT, OTHER, ALL.
 */
final class Tally {

    static final int BLOCKS = Labels.CATEGORIES.size() + 1;
    private static final int ALL = BLOCKS - 1;
    private static final int OTHER_CATEGORY = Labels.indexOf(Labels.CATEGORIES, "OTHER", 2);
    private static final int OTHER_BODY = Labels.indexOf(Labels.REFERRAL_BODIES, "OTHER_AGENCY",
            Labels.REFERRAL_BODIES.size() - 1);
    private static final int OTHER_CHANNEL = Labels.indexOf(Labels.CHANNELS, "OTHER", Labels.CHANNELS.size() - 1);

    final List<YearMonth> months;
    private final Map<String, Integer> monthIndex = new HashMap<>();
    private final String first;
    private final String last;
    final long[][][] received;
    final long[][][] progress;
    /** Of the complaints received in a month, how many stand referred to each body now. */
    final long[][][] referred;
    final long[][] carried;
    final long[][] concluded;
    final long[][] concludedWithDays;
    final long[][] daysSum;

    Tally(List<YearMonth> months) {
        this.months = months;
        for (int i = 0; i < months.size(); i++) {
            monthIndex.put(months.get(i).toString(), i);
        }
        first = months.get(0).toString();
        last = months.get(months.size() - 1).toString();
        int n = months.size();
        received = new long[BLOCKS][n][Labels.CHANNELS.size()];
        progress = new long[BLOCKS][n][Labels.PROGRESS.size()];
        referred = new long[BLOCKS][n][Labels.REFERRAL_BODIES.size()];
        carried = new long[BLOCKS][n];
        concluded = new long[BLOCKS][n];
        concludedWithDays = new long[BLOCKS][n];
        daysSum = new long[BLOCKS][n];
    }

    /**
     * The table of {@code months} of {@code fiscalYear} over an agency's cases by shape: the cases received in
     * the fiscal year, plus the cases of earlier years that were still open when it began or were concluded in
     * it (carried over, days to conclusion).
     */
    static Tally of(List<CaseShapes.ShapeCount> shapes, FiscalYear fiscalYear, List<YearMonth> months) {
        Tally tally = new Tally(months);
        int year = fiscalYear.buddhistYear();
        String first = fiscalYear.firstMonth().toString();
        for (CaseShapes.ShapeCount count : shapes) {
            CaseShapes.Shape s = count.shape();
            boolean stillRelevant = s.fiscalYear() < year
                    && (!s.finalStatus() || (s.concludedMonth() != null && s.concludedMonth().compareTo(first) >= 0));
            if (s.fiscalYear() == year || stillRelevant) {
                tally.add(s.receivedMonth(), s.channel(), s.category(), s.status(), s.concludedMonth(), count.cases(),
                        count.withDays(), count.daysSum());
                tally.referred(s.receivedMonth(), s.category(), s.referredTo(), count.cases());
            }
        }
        return tally;
    }

    /**
     * Counts {@code cases} cases received in {@code receivedMonth} that stand referred to {@code body} (none when
     * it is null), under the body's column, as the progress columns count them: by month of receipt, as of now.
     */
    void referred(String receivedMonth, String category, String body, long cases) {
        Integer r = receivedMonth == null ? null : monthIndex.get(receivedMonth);
        if (body == null || r == null) {
            return;
        }
        int column = Labels.indexOf(Labels.REFERRAL_BODIES, body, OTHER_BODY);
        for (int b : new int[] { Labels.indexOf(Labels.CATEGORIES, category, OTHER_CATEGORY), ALL }) {
            referred[b][r][column] += cases;
        }
    }

    /**
     * Adds {@code cases} cases of one shape.
     *
     * @param receivedMonth  {@code YYYY-MM} they count in
     * @param concludedMonth {@code YYYY-MM} they were concluded in, {@code null} while open
     * @param withDays       how many of them have days to conclusion
     * @param days           the sum of those days
     */
    void add(String receivedMonth, String channel, String category, String status, String concludedMonth,
            long cases, long withDays, long days) {
        if (receivedMonth == null || receivedMonth.compareTo(last) > 0) {
            return; // received after the table's last month: nothing of it shows yet
        }
        int n = months.size();
        int block = Labels.indexOf(Labels.CATEGORIES, category, OTHER_CATEGORY);
        Integer r = monthIndex.get(receivedMonth); // null: before the fiscal year
        int receivedIndex = r == null ? -1 : r;
        int concludedIndex;
        if (concludedMonth == null || concludedMonth.compareTo(last) > 0) {
            concludedIndex = n; // still open at the end of the table
        } else if (concludedMonth.compareTo(first) < 0) {
            concludedIndex = -1; // concluded before the fiscal year
        } else {
            concludedIndex = monthIndex.get(concludedMonth);
        }
        for (int b : new int[] { block, ALL }) {
            if (receivedIndex >= 0) {
                received[b][receivedIndex][Labels.indexOf(Labels.CHANNELS, channel, OTHER_CHANNEL)] += cases;
                int p = Labels.indexOf(Labels.PROGRESS, status, -1);
                if (p >= 0) {
                    progress[b][receivedIndex][p] += cases;
                }
            }
            // Open at the start of month i: received before it and not concluded before it.
            for (int i = receivedIndex + 1; i < Math.min(concludedIndex + 1, n); i++) {
                carried[b][i] += cases;
            }
            if (concludedIndex >= 0 && concludedIndex < n) {
                concluded[b][concludedIndex] += cases;
                concludedWithDays[b][concludedIndex] += withDays;
                daysSum[b][concludedIndex] += days;
            }
        }
    }
}
