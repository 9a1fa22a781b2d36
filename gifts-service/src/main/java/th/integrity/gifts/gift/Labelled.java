package th.integrity.gifts.gift;

import java.util.Locale;

import th.integrity.platform.text.Texts;

/**
 * A code with its label in Thai and English, as forms and registers show it. The labels live in the message
 * bundles under {@code gifts.<type>.<code>}, e.g. {@code gifts.Disposition.KEPT}; only enums implement this.
 */
public interface Labelled {

    String name();

    default String labelTh() {
        return Texts.in(Texts.THAI, labelKey());
    }

    default String labelEn() {
        return Texts.in(Locale.ENGLISH, labelKey());
    }

    private String labelKey() {
        return "gifts." + ((Enum<?>) this).getDeclaringClass().getSimpleName() + "." + name();
    }
}
