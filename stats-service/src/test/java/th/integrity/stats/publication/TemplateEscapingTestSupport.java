package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the escaping tests assert of any rendered page or SVG. */
public final class TemplateEscapingTestSupport {

    private static final Pattern TAG = Pattern.compile("<(/?[A-Za-z!?][A-Za-z0-9:]*)");

    private TemplateEscapingTestSupport() {
    }

    /** The hostile value does not appear as written (when it holds a markup or control character), nor any script. */
    public static void assertEscaped(String output, String hostile) {
        if (hostile.matches(".*[<>&\"'\\p{Cntrl}].*")) {
            assertThat(output).doesNotContain(hostile);
        }
        assertThat(output).doesNotContainIgnoringCase("<script").doesNotContain("\u0001").doesNotContain("\u0007");
    }

    /** The sequence of element (and declaration) names: what a page is made of, whatever its text says. */
    public static List<String> tags(String markup) {
        Matcher m = TAG.matcher(markup);
        List<String> tags = new ArrayList<>();
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }
}
