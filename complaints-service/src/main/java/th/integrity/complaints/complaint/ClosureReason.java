package th.integrity.complaints.complaint;

import java.util.Locale;

import th.integrity.platform.text.Texts;

/** Why a case was closed without inquiry (ยุติเรื่อง). */
public enum ClosureReason {

    DUPLICATE,
    OUTSIDE_JURISDICTION,
    TOO_LITTLE_DETAIL,
    WITHDRAWN;

    /** The Thai label ({@code complaints.label.closure-reason.<NAME>} in the message bundles). */
    public String labelTh() {
        return Texts.in(Texts.THAI, "complaints.label.closure-reason." + name());
    }

    public String labelEn() {
        return Texts.in(Locale.ENGLISH, "complaints.label.closure-reason." + name());
    }
}
