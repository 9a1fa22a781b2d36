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
     * The case after the change (docs/events.md). The fields after {@code version} came with the full contract;
     * the walking-skeleton events lack them, so they are {@code null} when absent.
     *
     * @param agency           agency code; every statistic is per agency
     * @param caseId           the case within the agency
     * @param channel          how the complaint came in (เว็บไซต์, โทรศัพท์, …)
     * @param category         main category code
     * @param division         division concerned; {@code null} when nobody has assigned one yet
     * @param receivedAt       when the agency received the complaint; decides the month and fiscal year it counts in
     * @param status           progress code
     * @param version          per-case version, +1 for every change; the projection keeps the highest
     * @param subcategory      sub-category code or {@code null}
     * @param reporterStanding {@code CITIZEN} or {@code STAFF}, or {@code null}
     * @param statusChangedAt  when the case entered its current status, or {@code null}
     * @param concludedAt      when it reached a final status, or {@code null}
     * @param closureReason    why it was closed without inquiry, or {@code null}
     * @param dueAt            deadline of the current status, or {@code null}
     * @param caseNumber       the case number officers know it by (เลขรับ, e.g. {@code วท 0012/2570}), or {@code null}
     *                         for events from before case numbers
     * @param referredTo       the body the case stands referred to (forwarding-body code), or {@code null}
     * @param referredAt       when that referral was made, or {@code null}
     */
    public record Snapshot(
            String agency,
            String caseId,
            String channel,
            String category,
            String division,
            Instant receivedAt,
            String status,
            long version,
            String subcategory,
            String reporterStanding,
            Instant statusChangedAt,
            Instant concludedAt,
            String closureReason,
            Instant dueAt,
            String caseNumber,
            String referredTo,
            Instant referredAt) {

        /** A snapshot from before case numbers and referrals were told. */
        public Snapshot(String agency, String caseId, String channel, String category, String division,
                Instant receivedAt, String status, long version, String subcategory, String reporterStanding,
                Instant statusChangedAt, Instant concludedAt, String closureReason, Instant dueAt) {
            this(agency, caseId, channel, category, division, receivedAt, status, version, subcategory,
                    reporterStanding, statusChangedAt, concludedAt, closureReason, dueAt, null, null, null);
        }

        /** A skeleton-era snapshot: only the first eight facts. */
        public Snapshot(String agency, String caseId, String channel, String category, String division,
                Instant receivedAt, String status, long version) {
            this(agency, caseId, channel, category, division, receivedAt, status, version, null, null, null, null,
                    null, null, null, null, null);
        }
    }
}
