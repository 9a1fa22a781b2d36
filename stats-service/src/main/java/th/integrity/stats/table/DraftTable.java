package th.integrity.stats.table;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The monthly complaint statistics of one agency and fiscal year, as they stand now (not yet published).
 * Every month from ตุลาคม through the requested month is a row, zero or not, as the published table requires.
 *
 * @param agency        agency code
 * @param fiscalYear    Buddhist-Era fiscal year
 * @param period        the days the table covers
 * @param generatedAt   when it was computed, in Bangkok time
 * @param months        one row per month, in order
 * @param totalReceived sum of the rows
 */
public record DraftTable(
        String agency,
        int fiscalYear,
        Period period,
        OffsetDateTime generatedAt,
        List<MonthRow> months,
        long totalReceived) {

    /**
     * @param from first day (ISO date)
     * @param to   last day (ISO date)
     */
    public record Period(
            String from,
            String to,
            @JsonProperty("label_th") String labelTh,
            @JsonProperty("label_en") String labelEn) {
    }

    /**
     * @param month    {@code YYYY-MM} (common era, ISO)
     * @param labelTh  {@code ตุลาคม 2567}
     * @param labelEn  {@code October 2024}
     * @param received complaints received that month
     * @param empty    no complaint that month: the published table prints ไม่มีเรื่องร้องเรียน and dashes
     */
    public record MonthRow(
            String month,
            @JsonProperty("label_th") String labelTh,
            @JsonProperty("label_en") String labelEn,
            long received,
            boolean empty) {
    }
}
