package th.integrity.gifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import th.integrity.testkit.BundleParity;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.GiverType;
import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.HeadDecisionType;
import th.integrity.gifts.gift.Labelled;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.Round;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.gifts.gift.ValueBand;
import th.integrity.platform.text.Texts;

/**
 * Every text a user of gifts-service reads lives in its message bundles, in Thai and in English: both bundles
 * have the same keys, every key the code names exists, every code has both labels, and no Thai is left in a
 * Java string (where it would have no English twin). Without Spring.
 */
class GiftsTextsTest {

    private static final Path MAIN = Path.of("src/main/java/th/integrity/gifts");
    /** A string literal naming a key of this service's bundles (not its topic, gifts.v1). */
    private static final Pattern KEY = Pattern.compile("\"((?:gifts|problem)\\.(?!v[0-9]+\")[A-Za-z0-9_.-]+[A-Za-z0-9_-])\"");
    private static final Pattern THAI_IN_STRING = Pattern.compile("\"[^\"\\n]*[\\u0E00-\\u0E7F][^\"\\n]*\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        BundleParity.assertSameKeys("messages");
    }

    @Test
    void everyKeyTheCodeNamesHasATextInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (Path file : sources()) {
            Matcher key = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        assertThat(keys).hasSizeGreaterThan(20);
        assertThat(keys).allSatisfy(key -> {
            assertThat(Texts.has(key)).as(key).isTrue();
            assertThat(Texts.in(Texts.THAI, key)).as(key).isNotBlank();
        });
        // The problem types are constants: their titles are read when the class loads.
        assertThat(GiftsProblems.ALREADY_DECIDED.titleTh()).isNotBlank();
    }

    @Test
    void everyCodeHasALabelInEachLanguage() {
        for (Labelled[] values : List.<Labelled[]>of(Disposition.values(), GiftKind.values(), GiverType.values(),
                Half.values(), HeadDecisionType.values(), Occasion.values(), Relation.values(), Round.values(),
                RuleOutcome.values(), ValueBand.values())) {
            for (Labelled value : values) {
                assertThat(value.labelEn()).as(value.name()).isNotBlank();
                assertThat(value.labelTh()).as(value.name()).isNotBlank().isNotEqualTo(value.labelEn());
            }
        }
        assertThat(Disposition.HANDED_TO_AGENCY.labelTh()).isEqualTo("ส่งมอบให้หน่วยงาน");
        assertThat(RuleOutcome.NEEDS_DECISION.labelEn()).isEqualTo("Needs the head's decision");
        assertThat(Texts.in(Locale.ENGLISH, "gifts.problem.no-decision-needed", "ALLOWED"))
                .isEqualTo("The rule's outcome for this declaration is ALLOWED: it is not for the head to decide.");
    }

    /**
     * No Thai in a Java string: it would be a text without its English twin. The Thai calendar (month names, moving
     * to the platform) and the API description for developers are the exceptions.
     */
    @Test
    void noThaiTextIsLeftInJava() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            if (file.toString().contains("/calendar/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean apiDocs = line.contains("description =") || file.endsWith("GiftsConfiguration.java");
                if (!apiDocs && !line.strip().startsWith("*") && !line.strip().startsWith("//")
                        && THAI_IN_STRING.matcher(line).find()) {
                    found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
