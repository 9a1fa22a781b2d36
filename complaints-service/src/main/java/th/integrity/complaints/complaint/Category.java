package th.integrity.complaints.complaint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import th.integrity.platform.text.Texts;

/**
 * Main category of a complaint (ประเภทปัญหาหลัก), after the ITA items. Sub-categories, and categories an
 * admin adds, will come as reference data; these three codes stay, as every statistic counts by them.
 */
public enum Category {

    CORRUPTION,
    MISCONDUCT,
    OTHER;

    /** The Thai label ({@code complaints.label.category.<NAME>} in the message bundles). */
    public String labelTh() {
        return Texts.in(Texts.THAI, "complaints.label.category." + name());
    }

    public String labelEn() {
        return Texts.in(Locale.ENGLISH, "complaints.label.category." + name());
    }

    /** The category with exactly this code, e.g. {@code CORRUPTION}. */
    public static Optional<Category> fromCode(String code) {
        return Arrays.stream(values()).filter(category -> category.name().equals(code)).findFirst();
    }
}
