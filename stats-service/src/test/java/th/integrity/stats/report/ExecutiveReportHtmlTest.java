package th.integrity.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import th.integrity.stats.publication.TemplateEscapingTestSupport;
import th.integrity.stats.web.Templates;

/** Unit tier: an agency name, a case id or a status text reaches the executive report as text, never as markup. */
class ExecutiveReportHtmlTest {

    private final ExecutiveReportHtml html = new ExecutiveReportHtml(Templates.engine());

    @ParameterizedTest
    @ValueSource(strings = { "<script>alert('x')</script>", "\" onmouseover=\"alert(1)", "a & b", "\u0001bell" })
    void hostileTextAddsNoMarkup(String hostile) {
        String text = "เขต " + hostile;
        for (boolean overdue : new boolean[] { true, false }) {
            String page = html.render(SampleReports.report(text, overdue));
            assertThat(TemplateEscapingTestSupport.tags(page))
                    .isEqualTo(TemplateEscapingTestSupport.tags(html.render(SampleReports.report("เขต", overdue))));
            TemplateEscapingTestSupport.assertEscaped(page, hostile);
        }
        assertThat(html.render(SampleReports.report("<b>\"&'", true)))
                .contains("<td>&lt;b&gt;&quot;&amp;&#39; case</td>", "<td>&lt;b&gt;&quot;&amp;&#39; status</td>",
                        "<title>รายงานผู้บริหาร ประจำเดือน&lt;b&gt;&quot;&amp;&#39; month &lt;b&gt;&quot;&amp;&#39;</title>");
    }
}
