package th.integrity.platform.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible texts of a service, read from its message bundles: {@code messages.properties} (English) and
 * {@code messages_th.properties} (Thai) of the service, then the platform's own {@code platform-messages} pair.
 * These are the same files Spring's {@code MessageSource} reads for constraint messages
 * ({@code spring.messages.basename: messages}), so every text a user sees lives in one place per service.
 *
 * <p>Static rather than a bean because problem types are constants ({@code ProblemType.NOT_FOUND}) whose titles
 * are needed where no application context is at hand (Tomcat's error valve, filters that run before Spring MVC).
 * A key missing from a bundle is a bug: it throws rather than showing the key to a citizen; each service's
 * {@code BundleParity} test proves both languages have the same keys.
 *
 * <p>Arguments are filled in as Spring's message source does: with {@link MessageFormat} when there are
 * arguments ({@code {0}}; a literal apostrophe is then written {@code ''}), the text as written when there are
 * none. Each argument is inserted as its {@code String.valueOf}, so numbers are never grouped or localised.
 */
public final class Texts {

    public static final Locale THAI = Locale.forLanguageTag("th");

    /** The service's bundle first, so a service may reword a platform text. */
    private static final List<String> BUNDLES = List.of("messages", "platform-messages");

    /** No fallback to the machine's default locale: English is the base bundle, Thai its {@code _th} variant. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
    }

    /** The text under {@code key} in English and Thai, with {@code args} filled in. */
    public static Text get(String key, Object... args) {
        return new Text(in(Locale.ENGLISH, key, args), in(THAI, key, args));
    }

    /** The text under {@code key} in one language ({@link Locale#ENGLISH} or {@link #THAI}). */
    public static String in(Locale locale, String key, Object... args) {
        String pattern = pattern(locale, key);
        if (args == null || args.length == 0) {
            return pattern;
        }
        // Plain strings, so a number reads the same in both languages and is never grouped ("1,000").
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, locale).format(plain);
    }

    /** Whether some bundle has {@code key}. */
    public static boolean has(String key) {
        for (String name : BUNDLES) {
            ResourceBundle bundle = bundle(name, Locale.ENGLISH);
            if (bundle != null && bundle.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static String pattern(Locale locale, String key) {
        Locale bundleLocale = THAI.getLanguage().equals(locale.getLanguage()) ? THAI : Locale.ROOT;
        for (String name : BUNDLES) {
            ResourceBundle bundle = bundle(name, bundleLocale);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        throw new MissingResourceException("No text for key " + key + " in " + BUNDLES + " (" + bundleLocale + ")",
                Texts.class.getName(), key);
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        try {
            return ResourceBundle.getBundle(name, locale, Texts.class.getClassLoader(), CONTROL);
        } catch (MissingResourceException absent) {
            return null;
        }
    }
}
