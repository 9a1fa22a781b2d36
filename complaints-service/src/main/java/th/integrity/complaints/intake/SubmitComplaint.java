package th.integrity.complaints.intake;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A complaint as the public web form sends it. Each field has one constraint that fails for every bad value
 * (a missing one aside), so each offending field is reported once. Messages are keys into
 * {@code messages.properties} / {@code messages_th.properties}.
 *
 * @param agency   code of the agency the complaint is for, e.g. {@code wang-thonglang}
 * @param category main category code: CORRUPTION, MISCONDUCT or OTHER
 * @param details  what happened; surrounding white space is removed before the length is checked
 */
public record SubmitComplaint(
        @NotNull(message = "{complaints.agency.required}")
        @Pattern(regexp = AGENCY_CODE, message = "{complaints.agency.pattern}")
        String agency,

        @NotNull(message = "{complaints.category.required}")
        @MainCategory
        String category,

        @NotNull(message = "{complaints.details.required}")
        @Size(min = DETAILS_MIN, max = DETAILS_MAX, message = "{complaints.details.size}")
        String details) {

    public static final String AGENCY_CODE = "^[a-z][a-z0-9-]{1,39}$";
    public static final int DETAILS_MIN = 20;
    public static final int DETAILS_MAX = 10_000;

    public SubmitComplaint {
        details = details == null ? null : details.strip();
    }

    /** The details can be long and are confidential: never print them. */
    @Override
    public String toString() {
        return "SubmitComplaint[agency=" + agency + ", category=" + category + ", details=("
                + (details == null ? 0 : details.length()) + " characters)]";
    }
}
