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
        List<CleanFile> files) {

    @Override
    public String toString() {
        return "NewCase[agency=" + agency + ", channel=" + channel + ", category=" + category + "]";
    }
}
