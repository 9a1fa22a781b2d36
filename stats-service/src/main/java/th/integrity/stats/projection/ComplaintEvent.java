package th.integrity.stats.projection;

import java.time.Instant;

/**
 * A complaint event as the projection needs it: the CloudEvents attributes that identify it and the case's
 * state after the change. Every {@code complaint.*.v1} event carries the full snapshot, so the projection
 * never has to know what each type changed.
 *
 * @param id   CloudEvents id (unique per event)
 * @param type e.g. {@code complaint.submitted.v1}
 * @param time when the change happened
 * @param data the case after the change
 */
public record ComplaintEvent(String id, String type, Instant time, Snapshot data) {

    /**
     * @param agency     agency code; every statistic is per agency
     * @param caseId     the case within the agency
     * @param channel    how the complaint came in (เว็บไซต์, โทรศัพท์, …), a reference-data code
     * @param category   main category code
     * @param division   division concerned; {@code null} when nobody has assigned one yet
     * @param receivedAt when the agency received the complaint; decides the month and fiscal year it counts in
     * @param status     progress code
     * @param version    per-case version, +1 for every change; the projection keeps the highest
     */
    public record Snapshot(
            String agency,
            String caseId,
            String channel,
            String category,
            String division,
            Instant receivedAt,
            String status,
            long version) {
    }
}
