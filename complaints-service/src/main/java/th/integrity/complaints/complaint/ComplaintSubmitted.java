package th.integrity.complaints.complaint;

import java.time.Instant;

/**
 * Data of the {@code complaint.submitted.v1} event: what statistics and casework need to count and route
 * the case, nothing more. No details text, no tracking code, nothing about the reporter.
 *
 * @param division the division (ฝ่าย) concerned; not known at intake, so {@code null}
 * @param version  the case's version after this change (1)
 */
public record ComplaintSubmitted(
        String agency,
        String caseId,
        Channel channel,
        Category category,
        String division,
        Instant receivedAt,
        ComplaintStatus status,
        long version) {

    public static final String TYPE = "complaint.submitted.v1";
}
