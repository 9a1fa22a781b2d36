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
 * For each service's test: its English and Thai message bundles have the same keys, no text is blank and no key is
 * written twice (the later silently wins, so a merge that kept both lines hides one text), so no user ever sees one
 * language fall back to the other, a key instead of words, or the text nobody meant.
 */
public final class BundleParity {

    private BundleParity() {
    }

    /** @throws AssertionError naming each key missing from one language, blank in one, or written twice in a file */
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
            Set<Object> twice = new TreeSet<>();
            Properties properties = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (containsKey(key)) {
                        twice.add(key);
                    }
                    return super.put(key, value);
                }
            };
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            if (!twice.isEmpty()) {
                throw new AssertionError(resource + " writes these keys more than once: " + twice);
            }
            return properties;
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + resource, e);
        }
    }
}
