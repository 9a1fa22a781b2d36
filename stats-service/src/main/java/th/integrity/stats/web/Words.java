package th.integrity.stats.web;

import th.integrity.platform.text.Texts;

/** The Thai wording of the printable pages and the SVG, from the bundles; templates call {@link #th}. */
public final class Words {

    private Words() {
    }

    /** The Thai text under {@code key}; the template output escapes it like any other value. */
    public static String th(String key, Object... args) {
        return Texts.in(Texts.THAI, key, args);
    }
}
