package th.integrity.complaints.casework;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.complaints.complaint.ReferralOutcome;
import th.integrity.complaints.complaint.ReporterStanding;
import th.integrity.complaints.intake.Classified;
import th.integrity.complaints.intake.MainCategory;
import th.integrity.complaints.intake.ReporterInput;
import th.integrity.complaints.intake.SubmitComplaint;

/** Commands of casework, as officers send them. */
final class CaseRequests {

    static final int NOTE_MAX = 5000;
    static final int MESSAGE_MAX = 2000;
    static final int REASON_MIN = 5;
    static final int REASON_MAX = 1000;
    static final int LETTER_REF_MAX = 100;

    private CaseRequests() {
    }

    /**
     * A complaint that came by another channel, keyed in by an officer of the agency it is for.
     *
     * @param channel    how it came: anything but WEB
     * @param receivedOn the day it actually arrived (Asia/Bangkok), not in the future; statistics count it then
     * @param letterRef  optional: the letter's own reference (เลขที่หนังสือ) as written on it, e.g. {@code กท 5201/123}
     * @param letterDate optional: the date written on the letter, not after it arrived
     */
    @Classified.Known
    record KeyIn(
            @NotNull(message = "{complaints.channel.required}")
            @Pattern(regexp = "WALK_IN|LETTER|PHONE|HOTLINE_1555|TRAFFY_FONDUE|EMAIL|OTHER",
                    message = "{complaints.channel.keyed}") String channel,
            @NotNull(message = "{complaints.received-on.required}") LocalDate receivedOn,
            @NotNull(message = "{complaints.category.required}") @MainCategory String category,
            String subcategory,
            String division,
            @NotNull(message = "{complaints.details.required}")
            @Size(min = SubmitComplaint.DETAILS_MIN, max = SubmitComplaint.DETAILS_MAX,
                    message = "{complaints.details.size}") String details,
            @PastOrPresent(message = "{complaints.incident-date.future}") LocalDate incidentDate,
            @Size(max = SubmitComplaint.LOCATION_MAX, message = "{complaints.location.size}") String location,
            Boolean reportedElsewhere,
            ReporterStanding reporterStanding,
            @Valid ReporterInput reporter,
            // Letters, marks (Thai vowels and tones), digits and the punctuation references use; nothing else.
            @Size(max = LETTER_REF_MAX, message = "{complaints.letter-ref.size}")
            @Pattern(regexp = "[\\p{L}\\p{M}\\p{Nd} ./()\\-_:,]*", message = "{complaints.letter-ref.pattern}")
            String letterRef,
            @PastOrPresent(message = "{complaints.letter-date.future}") LocalDate letterDate) implements Classified {

        KeyIn {
            letterRef = letterRef == null || letterRef.isBlank() ? null : letterRef.strip().replaceAll(" {2,}", " ");
            details = details == null ? null : details.strip();
            subcategory = subcategory == null || subcategory.isBlank() ? null : subcategory.strip();
            division = division == null || division.isBlank() ? null : division.strip();
            location = location == null || location.isBlank() ? null : location.strip();
            reporterStanding = reporterStanding == null ? ReporterStanding.CITIZEN : reporterStanding;
            reporter = reporter == null ? ReporterInput.ANONYMOUS : reporter;
        }

        @Override
        public String toString() {
            return "KeyIn[channel=" + channel + ", receivedOn=" + receivedOn + ", category=" + category + "]";
        }
    }

    /**
     * @param to              the state to move to
     * @param reason          why, for the file (never shown to the reporter)
     * @param closureReason   required when closing without inquiry, refused otherwise
     * @param forwardedTo     the body (reference data) when forwarding, refused otherwise; the older spelling of
     *                        {@code referral.body}
     * @param expectedVersion optional: the version the officer saw; another gets 409
     * @param referral        when forwarding: the body and the referral letter, refused otherwise
     */
    record Transition(
            @NotNull(message = "{complaints.transition.to.required}") ComplaintStatus to,
            @NotBlank(message = "{complaints.reason.required}")
            @Size(min = REASON_MIN, max = REASON_MAX, message = "{complaints.reason.size}") String reason,
            ClosureReason closureReason,
            String forwardedTo,
            Long expectedVersion,
            @Valid Referral referral) {

        Transition {
            reason = reason == null ? null : reason.strip();
            forwardedTo = forwardedTo == null || forwardedTo.isBlank() ? null : forwardedTo.strip();
        }

        /** The body forwarded to, by either spelling; null when neither names one. */
        String body() {
            return referral != null && referral.body() != null ? referral.body() : forwardedTo;
        }
    }

    /**
     * A referral to another body (ส่งต่อหน่วยงานอื่น).
     *
     * @param body      forwarding-body code (reference data)
     * @param letterRef the referral letter's reference (เลขที่หนังสือ), optional
     * @param sentOn    the referral letter's date (Asia/Bangkok), optional, not in the future
     */
    record Referral(
            String body,
            @Size(max = LETTER_REF_MAX, message = "{complaints.letter-ref.size}") String letterRef,
            LocalDate sentOn) {

        Referral {
            body = body == null || body.isBlank() ? null : body.strip();
            letterRef = letterRef == null || letterRef.isBlank() ? null : letterRef.strip();
        }
    }

    /**
     * The answer of the body a case was referred to.
     *
     * @param receivedOn the day it arrived (Asia/Bangkok): not in the future, not before the referral
     * @param summary    what it says, for the file
     * @param outcome    what it found, which decides what happens to the case
     */
    record ReferralAnswer(
            @NotNull(message = "{complaints.referral-answer.received-on.required}") LocalDate receivedOn,
            @NotBlank(message = "{complaints.referral-answer.summary.required}")
            @Size(max = MESSAGE_MAX, message = "{complaints.referral-answer.summary.size}") String summary,
            @NotNull(message = "{complaints.referral-answer.outcome.required}") ReferralOutcome outcome) {

        ReferralAnswer {
            summary = summary == null ? null : summary.strip();
        }

        @Override
        public String toString() {
            return "ReferralAnswer[receivedOn=" + receivedOn + ", outcome=" + outcome + "]";
        }
    }

    record Text(
            @NotBlank(message = "{complaints.text.required}")
            @Size(max = NOTE_MAX, message = "{complaints.text.size}") String text) {

        Text {
            text = text == null ? null : text.strip();
        }

        @Override
        public String toString() {
            return "Text[(" + (text == null ? 0 : text.length()) + " characters)]";
        }
    }

    record Division(@NotBlank(message = "{complaints.division.required}") String division) {
    }
}
