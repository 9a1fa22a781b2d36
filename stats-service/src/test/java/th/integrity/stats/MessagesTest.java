package th.integrity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import th.integrity.testkit.BundleParity;
import th.integrity.platform.text.Texts;

/** Unit tier: every user-visible text of stats-service exists in English and Thai, and every key the code names. */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("\"((?:stats|problem)\\.[a-z0-9.-]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        BundleParity.assertSameKeys("messages");
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        Set<String> named = new TreeSet<>();
        for (String root : new String[] { "src/main/java", "src/main/jte" }) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = KEY.matcher(Files.readString(file));
                    while (m.find()) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertThat(named).isNotEmpty();
        Properties bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        // A name is a key, or the group of a label (Labels.label("stats.channel", code)) that has keys under it.
        assertThat(named.stream().filter(key -> !Texts.has(key) && bundle.stringPropertyNames().stream()
                .noneMatch(k -> k.startsWith(key.endsWith(".") ? key : key + "."))).toList())
                .as("keys without a text").isEmpty();
    }

    @Test
    void problemTitlesComeFromTheBundles() {
        assertThat(StatsProblems.ALREADY_PUBLISHED.title()).isEqualTo("Already published: publish a correction instead");
        assertThat(StatsProblems.REPLAY_RUNNING.titleTh()).isEqualTo("กำลังสร้างข้อมูลใหม่อยู่แล้ว");
    }
}
