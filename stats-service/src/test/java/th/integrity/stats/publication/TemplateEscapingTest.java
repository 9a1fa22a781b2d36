package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import th.integrity.stats.web.Templates;

/**
 * Unit tier (no Spring): text from events, configuration or an administrator (agency and category names, channel
 * and state labels, a correction's reason) reaches the printable page and the SVG as text, never as markup. Every
 * text field of the samples holds the hostile value; the page must have exactly the elements it has for plain text.
 */
class TemplateEscapingTest {

    private final PrintableHtml printable = new PrintableHtml(Templates.engine());
    private final Infographic infographic = new Infographic(Templates.engine());

    @ParameterizedTest
    @ValueSource(strings = { "<script>alert('x')</script>", "\" onmouseover=\"alert(1)", "' onfocus='x", "a & b &amp;",
            "</title><script>x</script>", "]]><![CDATA[", "<!-- c -->", "&lt;already&gt;", "\u0001bell\u0007" })
    void hostileTextAddsNoMarkupToThePrintablePages(String hostile) {
        String text = "เขต " + hostile;
        for (PublicationView view : new PublicationView[] { null, SampleTables.view(text, true, true) }) {
            PublicationView plainView = view == null ? null : SampleTables.view("เขต", true, true);
            String complaints = printable.complaints(SampleTables.complaints(text), view);
            assertThat(TemplateEscapingTestSupport.tags(complaints)).isEqualTo(TemplateEscapingTestSupport.tags(printable.complaints(SampleTables.complaints("เขต"), plainView)));
            TemplateEscapingTestSupport.assertEscaped(complaints, hostile);
            SeedLayout seed = new SeedLayout(SeedLayoutProperties.defaults());
            String seedPage = printable.seed(SampleTables.complaints(text), seed.sheet(SampleTables.complaints(text)),
                    view);
            assertThat(TemplateEscapingTestSupport.tags(seedPage)).isEqualTo(TemplateEscapingTestSupport.tags(
                    printable.seed(SampleTables.complaints("เขต"), seed.sheet(SampleTables.complaints("เขต")),
                            plainView)));
            TemplateEscapingTestSupport.assertEscaped(seedPage, hostile);
            String gifts = printable.gifts(SampleTables.gifts(text), view);
            assertThat(TemplateEscapingTestSupport.tags(gifts)).isEqualTo(TemplateEscapingTestSupport.tags(printable.gifts(SampleTables.gifts("เขต"), plainView)));
            TemplateEscapingTestSupport.assertEscaped(gifts, hostile);
        }
        String e = "&lt;script&gt;&quot;&amp;&#39;";
        assertThat(printable.complaints(SampleTables.complaints("<script>\"&'"),
                SampleTables.view("<script>\"&'", true, true)))
                .contains("<h1>" + e + " title</h1>", "class=\"category\">" + e + " CORRUPTION</th>",
                        "เหตุผล: " + e + " reason</p>", "(รหัส " + e + " next) เหตุผล: " + e + " why</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = { "<script>alert('x')</script>", "\" onload=\"alert(1)", "a & b", "</title><script/>",
            "]]>", "\u0001bell\u0007" })
    void hostileTextInTheSvgIsTextOfWellFormedXml(String hostile) throws Exception {
        String text = "เขต " + hostile;
        String svg = infographic.complaints(SampleTables.complaints(text));
        assertThat(TemplateEscapingTestSupport.tags(svg)).isEqualTo(TemplateEscapingTestSupport.tags(infographic.complaints(SampleTables.complaints("เขต"))));
        TemplateEscapingTestSupport.assertEscaped(svg, hostile);
        Document document = parse(svg);
        String title = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent();
        assertThat(title).as("the name reads back as the same text, control characters dropped")
                .isEqualTo("สถิติเรื่องร้องเรียน " + text.replaceAll("\\p{Cntrl}", "") + " " + text.replaceAll("\\p{Cntrl}", "")
                        + " period");
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "script").getLength()).isZero();

        String gifts = infographic.gifts(SampleTables.gifts(text));
        assertThat(TemplateEscapingTestSupport.tags(gifts)).isEqualTo(TemplateEscapingTestSupport.tags(infographic.gifts(SampleTables.gifts("เขต"))));
        parse(gifts);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
