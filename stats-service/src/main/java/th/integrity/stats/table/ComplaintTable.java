package th.integrity.stats.table;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The monthly complaint statistics table of one agency (or the whole city) for a fiscal year, from ตุลาคม
 * through a chosen month: one block per main category and one for all, one row per month (every month, zero or
 * not), and a totals row per block. Draft and publication have this same shape; a publication freezes it.
 *
 * @param agency         agency code ({@code ALL} for the city-wide roll-up)
 * @param agencyNameTh   the agency's Thai display name (the code when it has none)
 * @param agencyNameEn   English display name
 * @param fiscalYear     Buddhist-Era fiscal year
 * @param through        last month included, {@code YYYY-MM}
 * @param titleTh        the title printed above the table
 * @param titleEn        its English version
 * @param period         the days covered, 1 ตุลาคม through the last day of {@code through}
 * @param generatedAt    when it was computed, ISO-8601 with the Bangkok offset
 * @param generatedOnTh  that day in Thai with the Buddhist-Era year, e.g. {@code 5 เมษายน 2568}
 * @param channels       the channel columns, in order
 * @param progress       the progress columns, in order
 * @param blocks         CORRUPTION, MISCONDUCT, OTHER, then ALL
 * @param totalReceived  complaints received in the period, all categories
 * @param referralBodies the columns of the group "referred to" (ส่งต่อหน่วยงานอื่น), one per body, in order
 */
public record ComplaintTable(
        String agency,
        @JsonProperty("agencyName_th") String agencyNameTh,
        @JsonProperty("agencyName_en") String agencyNameEn,
        int fiscalYear,
        String through,
        @JsonProperty("title_th") String titleTh,
        @JsonProperty("title_en") String titleEn,
        Period period,
        String generatedAt,
        @JsonProperty("generatedOn_th") String generatedOnTh,
        List<Labels.Label> channels,
        List<Labels.Label> progress,
        List<Block> blocks,
        long totalReceived,
        List<Labels.Label> referralBodies) {

    /** A table without the referral columns (publications from before they were counted read as this). */
    public ComplaintTable(String agency, String agencyNameTh, String agencyNameEn, int fiscalYear, String through,
            String titleTh, String titleEn, Period period, String generatedAt, String generatedOnTh,
            List<Labels.Label> channels, List<Labels.Label> progress, List<Block> blocks, long totalReceived) {
        this(agency, agencyNameTh, agencyNameEn, fiscalYear, through, titleTh, titleEn, period, generatedAt,
                generatedOnTh, channels, progress, blocks, totalReceived, Labels.REFERRAL_BODIES);
    }

    /** The block of all categories. */
    public Block all() {
        return blocks.get(blocks.size() - 1);
    }

    /**
     * @param from    first day (ISO date)
     * @param to      last day (ISO date)
     * @param labelTh {@code 1 ตุลาคม 2567 – 31 มีนาคม 2568}
     * @param labelEn {@code 1 October 2024 – 31 March 2025}
     */
    public record Period(
            String from,
            String to,
            @JsonProperty("label_th") String labelTh,
            @JsonProperty("label_en") String labelEn) {
    }

    /**
     * @param category {@code CORRUPTION}, {@code MISCONDUCT}, {@code OTHER} or {@code ALL}
     * @param rows     one per month, in order
     * @param totals   the block's totals row
     */
    public record Block(
            String category,
            @JsonProperty("label_th") String labelTh,
            @JsonProperty("label_en") String labelEn,
            List<Row> rows,
            Row totals) {
    }

    /**
     * One month of a block (or its totals, month {@code TOTAL}). A month that received nothing is
     * {@code empty}: its counts of received complaints are zeros and the printed table shows ไม่มีเรื่องร้องเรียน
     * and dashes. {@code carriedOver} and {@code concluded} concern earlier months' complaints and keep their
     * values.
     *
     * @param month                   {@code YYYY-MM}, or {@code TOTAL}
     * @param received                received that month per channel code, every channel present
     * @param total                   received that month, all channels
     * @param carriedOver             open at the month's start: received earlier, not concluded before it (in
     *                                the totals row: at the start of the period)
     * @param progress                of the complaints received that month, how many are in each progress
     *                                state now (as of {@code generatedAt})
     * @param concluded               complaints (of any month) concluded during the month
     * @param averageDaysToConclusion mean days from receipt to conclusion of those, one decimal; {@code null} when none
     * @param remarkTh                {@code ไม่มีเรื่องร้องเรียน} when empty, else empty
     * @param empty                   nothing received that month
     * @param referredTo              of the complaints received that month, how many stand referred to each body
     *                                now (every body present; absent in publications made before it was counted)
     */
    public record Row(
            String month,
            @JsonProperty("label_th") String labelTh,
            @JsonProperty("label_en") String labelEn,
            Map<String, Long> received,
            long total,
            long carriedOver,
            Map<String, Long> progress,
            long concluded,
            Double averageDaysToConclusion,
            @JsonProperty("remark_th") String remarkTh,
            @JsonProperty("remark_en") String remarkEn,
            boolean empty,
            Map<String, Long> referredTo) {

        /** A row without referral counts. */
        public Row(String month, String labelTh, String labelEn, Map<String, Long> received, long total,
                long carriedOver, Map<String, Long> progress, long concluded, Double averageDaysToConclusion,
                String remarkTh, String remarkEn, boolean empty) {
            this(month, labelTh, labelEn, received, total, carriedOver, progress, concluded, averageDaysToConclusion,
                    remarkTh, remarkEn, empty, null);
        }

        /** How many stand referred to {@code body}: 0 when none, or when the row predates referral counts. */
        public long referred(String body) {
            return referredTo == null ? 0 : referredTo.getOrDefault(body, 0L);
        }
    }
}
