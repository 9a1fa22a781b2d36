package th.integrity.complaints.complaint;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.platform.text.Texts;

/**
 * Progress of a complaint as it is published (สถานะความก้าวหน้า), and the moves casework may make between
 * them. The last three are final.
 */
public enum ComplaintStatus {

    RECEIVED,
    UNDER_REVIEW,
    FORWARDED,
    UNDER_INVESTIGATION,
    CONCLUDED_WITH_CAUSE,
    CONCLUDED_WITHOUT_CAUSE,
    CLOSED_WITHOUT_INQUIRY;

    /** The Thai label ({@code complaints.label.status.<NAME>} in the message bundles). */
    public String labelTh() {
        return Texts.in(Texts.THAI, "complaints.label.status." + name());
    }

    public String labelEn() {
        return Texts.in(Locale.ENGLISH, "complaints.label.status." + name());
    }

    /** The time a case may stay in this state under {@code deadlines}, or null for a final state. */
    public Duration deadlineIn(ComplaintsProperties.Deadlines deadlines) {
        return switch (this) {
            case RECEIVED -> deadlines.received();
            case UNDER_REVIEW -> deadlines.underReview();
            case FORWARDED -> deadlines.referralFollowUp();
            case UNDER_INVESTIGATION -> deadlines.underInvestigation();
            default -> null;
        };
    }

    public boolean isFinal() {
        return this == CONCLUDED_WITH_CAUSE || this == CONCLUDED_WITHOUT_CAUSE || this == CLOSED_WITHOUT_INQUIRY;
    }

    /**
     * Where a case in this state may go. A forwarded case may come back for the agency's own investigation;
     * a case under investigation may still be forwarded; any open case may be closed without inquiry
     * (e.g. withdrawn).
     */
    public Set<ComplaintStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(UNDER_REVIEW, CLOSED_WITHOUT_INQUIRY);
            case UNDER_REVIEW -> EnumSet.of(FORWARDED, UNDER_INVESTIGATION, CLOSED_WITHOUT_INQUIRY);
            case FORWARDED -> EnumSet.of(UNDER_INVESTIGATION, CONCLUDED_WITH_CAUSE, CONCLUDED_WITHOUT_CAUSE,
                    CLOSED_WITHOUT_INQUIRY);
            case UNDER_INVESTIGATION -> EnumSet.of(FORWARDED, CONCLUDED_WITH_CAUSE, CONCLUDED_WITHOUT_CAUSE,
                    CLOSED_WITHOUT_INQUIRY);
            default -> EnumSet.noneOf(ComplaintStatus.class);
        };
    }

    public boolean mayMoveTo(ComplaintStatus target) {
        return next().contains(target);
    }
}
