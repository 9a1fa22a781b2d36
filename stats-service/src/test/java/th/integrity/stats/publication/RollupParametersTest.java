package th.integrity.stats.publication;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Slice tier (@WebMvcTest, no MongoDB or Kafka): the roll-up controller turns a bad fiscal year, month or format
 * into 400 problem details naming the parameter in English and Thai, and never reaches the roll-up.
 * Security filters are left out: the path is public, and what is tested here is the parameter handling.
 */
// The resource server's filter chain needs Spring Security's web configuration, which this slice leaves out.
@WebMvcTest(controllers = RollupController.class, excludeAutoConfiguration = OAuth2ResourceServerAutoConfiguration.class)
@AutoConfigureMockMvc(addFilters = false)
class RollupParametersTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Rollup rollup;

    @MockitoBean
    PrintableHtml printable;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/stats/rollup/68                           | fiscalYear | fiscal year",
            "/api/stats/rollup/2568x                        | fiscalYear | fiscal year",
            "/api/stats/rollup/9999                         | fiscalYear | fiscal year",
            "/api/stats/rollup/%E0%B9%92%E0%B9%95%E0%B9%96%E0%B9%98 | fiscalYear | fiscal year",
            "/api/stats/rollup/2568?through=2025-13         | through    | month",
            "/api/stats/rollup/2568?through=2026-01         | through    | month",
            "/api/stats/rollup/2568?through=2568-01         | through    | month",
            "/api/stats/rollup/2568?through=2025-3          | through    | month",
            "/api/stats/rollup/2568?format=xlsx             | format     | format",
            "/api/stats/rollup/2568?format=HTML             | format     | format",
            "/api/stats/rollup/2568?format=svg              | format     | format" })
    void aBadParameterIsAProblemNamingIt(String path, String parameter, String words) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:integrity:problem:validation"))
                .andExpect(jsonPath("$.title_th").value(not(emptyOrNullString())))
                .andExpect(jsonPath("$.errors[0].field").value(parameter))
                // In words (the parameter's path stays in errors[].field for programs).
                .andExpect(jsonPath("$.errors[0].message_en").value(containsString(words)))
                .andExpect(jsonPath("$.errors[0].message_th").value(not(emptyOrNullString())))
                .andExpect(jsonPath("$.detail_th").value(not(emptyOrNullString())));
        verifyNoInteractions(rollup, printable);
    }
}
