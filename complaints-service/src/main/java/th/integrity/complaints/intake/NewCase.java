package th.integrity.complaints.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import th.integrity.complaints.attachments.CleanFile;
import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ReporterStanding;

/**
 * A complaint about to be filed, whichever way it came: the web form (channel WEB, received now) or an
 * officer keying in another channel (received on the real date, {@code recordedBy} the officer).
 *
 * @param letterRef  a keyed-in letter's own reference (เลขที่หนังสือ); null otherwise
 * @param letterDate the date written on that letter; null otherwise
 * @param noticeEmail the reporter's notice-only e-mail address (web form only), sealed at once; null when none
 */
public record NewCase(
        String agency,
        Channel channel,
        Category category,
        String subcategory,
        String division,
        String details,
        LocalDate incidentDate,
        String location,
        Boolean reportedElsewhere,
        ReporterStanding reporterStanding,
        ReporterInput reporter,
        Instant receivedAt,
        String recordedBy,
        List<CleanFile> files,
        String letterRef,
        LocalDate letterDate,
        String noticeEmail) {

    /** A complaint without a notice address: every channel but the web form. */
    public NewCase(String agency, Channel channel, Category category, String subcategory, String division,
            String details, LocalDate incidentDate, String location, Boolean reportedElsewhere,
            ReporterStanding reporterStanding, ReporterInput reporter, Instant receivedAt, String recordedBy,
            List<CleanFile> files, String letterRef, LocalDate letterDate) {
        this(agency, channel, category, subcategory, division, details, incidentDate, location, reportedElsewhere,
                reporterStanding, reporter, receivedAt, recordedBy, files, letterRef, letterDate, null);
    }

    /** A complaint that did not come as a letter with its own reference. */
    public NewCase(String agency, Channel channel, Category category, String subcategory, String division,
            String details, LocalDate incidentDate, String location, Boolean reportedElsewhere,
            ReporterStanding reporterStanding, ReporterInput reporter, Instant receivedAt, String recordedBy,
            List<CleanFile> files) {
        this(agency, channel, category, subcategory, division, details, incidentDate, location, reportedElsewhere,
                reporterStanding, reporter, receivedAt, recordedBy, files, null, null);
    }

    @Override
    public String toString() {
        return "NewCase[agency=" + agency + ", channel=" + channel + ", category=" + category + "]";
    }
}
