package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.testkit.BundleParity;
import th.integrity.platform.text.Texts;

/**
 * The service's user-visible texts live in messages.properties (English) and messages_th.properties (Thai): every
 * key is in both, and every label the service shows exists in both languages and reads differently in each
 * (a Thai bundle that merely copied the English would pass a key check).
 */
class MessageBundlesTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        BundleParity.assertSameKeys("messages");
    }

    @Test
    void everyLabelOfTheEventContractIsInBothLanguages() {
        List<String> thai = Stream.of(
                Stream.of(Category.values()).map(Category::labelTh),
                Stream.of(Channel.values()).filter(c -> c != Channel.TRAFFY_FONDUE).map(Channel::labelTh),
                Stream.of(ComplaintStatus.values()).map(ComplaintStatus::labelTh),
                Stream.of(ClosureReason.values()).map(ClosureReason::labelTh)).flatMap(s -> s).toList();

        assertThat(thai).hasSize(Category.values().length + Channel.values().length - 1
                + ComplaintStatus.values().length + ClosureReason.values().length);
        assertThat(thai).allSatisfy(label -> assertThat(label).matches(".*[\\u0E00-\\u0E7F].*"));
        assertThat(Stream.of(ComplaintStatus.values()).map(ComplaintStatus::labelEn)).doesNotHaveDuplicates()
                .allSatisfy(label -> assertThat(label).matches("[A-Z][A-Za-z :]+"));
    }

    @Test
    void everyComplaintsTextIsThaiInTheThaiBundle() {
        ResourceBundle thai = ResourceBundle.getBundle("messages", Texts.THAI,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ResourceBundle english = ResourceBundle.getBundle("messages", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (String key : english.keySet()) {
            // Names that are the same in both languages: a brand, a code.
            if (key.endsWith("TRAFFY_FONDUE")) {
                continue;
            }
            assertThat(thai.getString(key)).as(key).isNotEqualTo(english.getString(key));
        }
    }
}
