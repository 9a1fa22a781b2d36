package th.integrity.complaints.complaint;

import java.util.Locale;

import th.integrity.platform.text.Texts;

/**
 * What the body a case was referred to answered, and what that does to the case (docs/complaints.md): a finding
 * concludes it, an interim answer keeps it waiting with a new follow-up date, a return brings it back to the
 * agency's own investigation.
 */
public enum ReferralOutcome {

    /** The body found cause (พบมูล): the case is concluded with cause. */
    FOUND_CAUSE(ComplaintStatus.CONCLUDED_WITH_CAUSE),
    /** The body found no cause (ไม่พบมูล): the case is concluded without cause. */
    NO_CAUSE(ComplaintStatus.CONCLUDED_WITHOUT_CAUSE),
    /** An interim answer (อยู่ระหว่างดำเนินการ): still with the body, a new follow-up date. */
    STILL_INVESTIGATING(ComplaintStatus.FORWARDED),
    /** The body returned the matter (ส่งเรื่องคืน): the agency investigates it itself. */
    RETURNED(ComplaintStatus.UNDER_INVESTIGATION);

    private final ComplaintStatus leadsTo;

    ReferralOutcome(ComplaintStatus leadsTo) {
        this.leadsTo = leadsTo;
    }

    /** The status the case is in after this answer. */
    public ComplaintStatus leadsTo() {
        return leadsTo;
    }

    public String labelTh() {
        return Texts.in(Texts.THAI, "complaints.label.referral-outcome." + name());
    }

    public String labelEn() {
        return Texts.in(Locale.ENGLISH, "complaints.label.referral-outcome." + name());
    }
}
