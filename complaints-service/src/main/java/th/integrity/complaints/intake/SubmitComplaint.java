package th.integrity.complaints.intake;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import th.integrity.complaints.complaint.ReporterStanding;

/**
 * A complaint as the public web form sends it. Each field has one constraint that fails for every bad value
 * (a missing one aside), so each offending field is reported once. Messages are keys into
 * {@code messages.properties} / {@code messages_th.properties}.
 *
 * @param agency            code of the agency the complaint is for, e.g. {@code wangthonglang}
 * @param category          main category code: CORRUPTION, MISCONDUCT or OTHER
 * @param subcategory       optional sub-category code under {@code category} (reference data)
 * @param details           what happened; surrounding white space is removed before the length is checked
 * @param division          optional division (ฝ่าย) concerned (reference data)
 * @param incidentDate      optional date it happened (not in the future)
 * @param location          optional place, free text
 * @param reportedElsewhere whether it was already reported to another body
 * @param reporterStanding  CITIZEN (default) or STAFF reporting from inside
 * @param reporter          anonymous (default) or confidential with a name
 * @param noticeEmail       optional, anonymous or not: an address used only to say "there is news on your complaint"
 *                          (docs/complaints.md, "The reporter's notice address"); sealed at once, never shown
 */
@Classified.Known
public record SubmitComplaint(
        @NotNull(message = "{complaints.agency.required}")
        @Pattern(regexp = AGENCY_CODE, message = "{complaints.agency.pattern}")
        @KnownAgency
        String agency,

        @NotNull(message = "{complaints.category.required}")
        @MainCategory
        String category,

        String subcategory,

        @NotNull(message = "{complaints.details.required}")
        @Size(min = DETAILS_MIN, max = DETAILS_MAX, message = "{complaints.details.size}")
        String details,

        String division,

        @PastOrPresent(message = "{complaints.incident-date.future}")
        LocalDate incidentDate,

        @Size(max = LOCATION_MAX, message = "{complaints.location.size}")
        String location,

        Boolean reportedElsewhere,

        ReporterStanding reporterStanding,

        @Valid
        ReporterInput reporter,

        @Pattern(regexp = NOTICE_EMAIL, message = "{complaints.notice-email.pattern}")
        String noticeEmail) implements Classified {

    /**
     * An address as mail relays take it, and nothing else: ASCII letters, digits and the usual marks before one '@',
     * a domain of dot-separated labels after it, 254 characters at most. No spaces, quotes, brackets, commas or line
     * breaks, so nothing typed here can add a recipient or a header to the mail.
     */
    public static final String NOTICE_EMAIL = "^(?=.{6,254}$)[A-Za-z0-9_%+-]+(\\.[A-Za-z0-9_%+-]+)*"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
            + "\\.[A-Za-z]{2,63}$";

    public static final String AGENCY_CODE = th.integrity.complaints.ComplaintsProperties.AGENCY_CODE;
    public static final int DETAILS_MIN = 20;
    public static final int DETAILS_MAX = 10_000;
    public static final int LOCATION_MAX = 500;

    public SubmitComplaint {
        details = details == null ? null : details.strip();
        subcategory = subcategory == null || subcategory.isBlank() ? null : subcategory.strip();
        division = division == null || division.isBlank() ? null : division.strip();
        location = location == null || location.isBlank() ? null : location.strip();
        reporterStanding = reporterStanding == null ? ReporterStanding.CITIZEN : reporterStanding;
        reporter = reporter == null ? ReporterInput.ANONYMOUS : reporter;
        noticeEmail = noticeEmail == null || noticeEmail.isBlank() ? null : noticeEmail.strip();
    }

    /** A form with just the three required fields, as the walking skeleton took it. */
    public SubmitComplaint(String agency, String category, String details) {
        this(agency, category, null, details, null, null, null, null, null, null, null);
    }

    /** The details can be long and are confidential: never print them, nor the reporter. */
    @Override
    public String toString() {
        return "SubmitComplaint[agency=" + agency + ", category=" + category + ", subcategory=" + subcategory
                + ", details=(" + (details == null ? 0 : details.length()) + " characters), reporter="
                + (reporter == null ? null : reporter.mode()) + ", noticeEmail=" + (noticeEmail == null ? "none" : "****")
                + "]";
    }
}
