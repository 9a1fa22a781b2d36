package th.integrity.complaints.complaint;

import java.util.Locale;

import th.integrity.platform.text.Texts;

/**
 * How a complaint reached the agency (ช่องทาง), as the published statistics count them. Only {@link #WEB}
 * comes through this service's public form; an officer keys in the others.
 */
public enum Channel {

    WEB,
    WALK_IN,
    LETTER,
    PHONE,
    HOTLINE_1555,
    TRAFFY_FONDUE,
    EMAIL,
    OTHER;

    /** The Thai label ({@code complaints.label.channel.<NAME>} in the message bundles). */
    public String labelTh() {
        return Texts.in(Texts.THAI, "complaints.label.channel." + name());
    }

    public String labelEn() {
        return Texts.in(Locale.ENGLISH, "complaints.label.channel." + name());
    }
}
