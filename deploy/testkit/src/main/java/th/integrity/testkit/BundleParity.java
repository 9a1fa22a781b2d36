package th.integrity.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * For each service's test: its English and Thai message bundles have the same keys, and no text is blank, so no
 * user ever sees one language fall back to the other or a key instead of words.
 */
public final class BundleParity {

    private BundleParity() {
    }

    /** @throws AssertionError naming each key missing from one language, or blank in one */
    public static void assertSameKeys(String basename) {
        Properties english = load(basename + ".properties");
        Properties thai = load(basename + "_th.properties");
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(thai.stringPropertyNames());
        Set<String> onlyThai = new TreeSet<>(thai.stringPropertyNames());
        onlyThai.removeAll(english.stringPropertyNames());
        Set<String> blank = new TreeSet<>();
        english.forEach((key, text) -> { if (text.toString().isBlank()) blank.add(key + " (en)"); });
        thai.forEach((key, text) -> { if (text.toString().isBlank()) blank.add(key + " (th)"); });
        if (!onlyEnglish.isEmpty() || !onlyThai.isEmpty() || !blank.isEmpty()) {
            throw new AssertionError(basename + ": only in English " + onlyEnglish + ", only in Thai " + onlyThai
                    + ", blank " + blank);
        }
        if (english.isEmpty()) {
            throw new AssertionError(basename + ".properties has no texts");
        }
    }

    private static Properties load(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("No " + resource + " on the class path");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + resource, e);
        }
    }
}
