package th.integrity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statistics call each code what the service that owns it calls it: a gift's disposition as gifts-service
 * labels it (KEPT is "เก็บไว้", not "kept with permission"), a complaint's channel, status and closure reason as
 * complaints-service does (WITHDRAWN is one term, "ผู้ร้องถอนเรื่อง"). Reads the owners' bundles from the source
 * tree, so a relabelling on one side without the other fails here.
 */
class SameTermsTest {

    /** stats prefix → the owner's bundle file and prefix. */
    private static final Map<String, String[]> OWNERS = Map.of(
            "stats.gift.disposition.", new String[] { "gifts-service", "gifts.Disposition." },
            "stats.channel.", new String[] { "complaints-service", "complaints.label.channel." },
            "stats.closure.", new String[] { "complaints-service", "complaints.label.closure-reason." },
            "stats.category.", new String[] { "complaints-service", "complaints.label.category." },
            "stats.progress.", new String[] { "complaints-service", "complaints.label.status." });

    @ParameterizedTest
    @ValueSource(strings = { "messages.properties", "messages_th.properties" })
    void eachCodeHasTheLabelItsOwnerGivesIt(String bundle) throws IOException {
        Properties stats = load(Path.of("src/main/resources", bundle));
        Map<String, String> differ = new TreeMap<>();
        int compared = 0;
        for (Map.Entry<String, String[]> owner : OWNERS.entrySet()) {
            Properties theirs = load(Path.of("..", owner.getValue()[0], "src/main/resources", bundle));
            for (String key : theirs.stringPropertyNames()) {
                if (!key.startsWith(owner.getValue()[1])) {
                    continue;
                }
                String code = key.substring(owner.getValue()[1].length());
                String ours = stats.getProperty(owner.getKey() + code);
                if (ours != null) {
                    compared++;
                    if (!ours.equals(theirs.getProperty(key))) {
                        differ.put(owner.getKey() + code, ours + " ≠ " + theirs.getProperty(key));
                    }
                }
            }
        }
        assertThat(compared).as("codes compared").isGreaterThanOrEqualTo(15);
        assertThat(differ).as("labels that differ from their owner's").isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
