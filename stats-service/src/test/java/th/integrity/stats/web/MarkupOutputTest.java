package th.integrity.stats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Unit tier: the output every template writes to escapes each value, and refuses values where escaping is not
 * enough (inside script or style, event handlers, URLs, style attributes), whatever a future template tries.
 */
class MarkupOutputTest {

    @Test
    void valuesInTextAndListedAttributesAreEscaped() {
        MarkupOutput out = new MarkupOutput();
        out.writeContent("<td class=\"");
        out.setContext("td", "class");
        out.writeUserContent("a\" onclick=\"x");
        out.setContext("td", null);
        out.writeContent("\">");
        out.writeUserContent("<script>'&\u0000");
        out.writeContent("</td>");
        assertThat(out.toString())
                .isEqualTo("<td class=\"a&quot; onclick=&quot;x\">&lt;script&gt;&#39;&amp;</td>");
    }

    @Test
    void valuesWhereEscapingIsNotEnoughAreRefused() {
        for (String[] context : new String[][] { { "script", null }, { "style", null }, { "a", "href" },
                { "img", "src" }, { "td", "onclick" }, { "rect", "onload" }, { "p", "style" }, { "use", "xlink:href" } }) {
            MarkupOutput out = new MarkupOutput();
            out.setContext(context[0], context[1]);
            assertThatThrownBy(() -> out.writeUserContent("harmless")).as(String.join(" ", context))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
