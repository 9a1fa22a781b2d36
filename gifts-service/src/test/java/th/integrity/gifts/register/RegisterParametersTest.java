package th.integrity.gifts.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.gifts.gift.Round;
import th.integrity.platform.security.CurrentUser;

/**
 * The register endpoint's parameters (fiscal year, round, format, Accept) as the web layer alone reads them: a
 * {@code @WebMvcTest} slice with the platform's problem details and caller resolution, the application service
 * a mock, no database or broker. Every bad parameter is a 4xx problem in both languages that never reaches the
 * service. (Tokens and roles are the full-context tests' business: AccessMatrixTest.)
 */
// Tokens are the full-context tests' business: here the caller is put in the security context directly.
@WebMvcTest(controllers = RegisterController.class, excludeAutoConfiguration = OAuth2ResourceServerAutoConfiguration.class)
@AutoConfigureMockMvc(addFilters = false)
class RegisterParametersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @MockitoBean
    RegisterService registers;

    @BeforeEach
    void signedInOfficer() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("officer-1").claim("agency", "wangthonglang")
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_OFFICER"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    /** A problem in both languages, of a type of this project, whose texts do not repeat {@code sent}. */
    private JsonNode problem(MvcResult result, int status, String sent) throws Exception {
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI() + "\n" + body)
                .isEqualTo(status);
        assertThat(result.getResponse().getContentType()).as(body).startsWith("application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.path("type").asString()).startsWith("urn:integrity:problem:");
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("title_th").asString()).isNotBlank();
        if (!sent.isBlank()) {
            // The texts never repeat the value (instance, the request's own path, is RFC 9457's to carry).
            ((tools.jackson.databind.node.ObjectNode) problem).remove("instance");
            assertThat(problem.toString()).doesNotContain(sent);
        }
        return problem;
    }

    /**
     * Only four ASCII digits from 2500 to 2700 name a fiscal year: out of range, and what a number converter would
     * read anyway (hexadecimal, Thai digits, a sign) or answer by repeating it, are one validation problem.
     */
    @Test
    void aFiscalYearIsFourDigitsFrom2500To2700AnythingElseIsAValidationProblemNamingIt() throws Exception {
        for (String year : List.of("2499", "2701", "0", "-2568", "1", "2025", "02568", "+2568", "0x0A08", "#A08",
                "๒๕๖๘", "2568.0", "x2568MARKq1", "25e2", "99999999999", "2568 ", "%202568")) {
            JsonNode problem = problem(send(get("/api/gifts/registers/{year}/H1", year)), 400, "MARKq1");
            assertThat(problem.path("type").asString()).as(year).isEqualTo("urn:integrity:problem:validation");
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo("fiscalYear");
            assertThat(problem.at("/errors/0/message_en").asString()).contains("2500", "2700");
            assertThat(problem.at("/errors/0/message_th").asString()).contains("2500", "2700");
        }
        verifyNoInteractions(registers);
    }

    @Test
    void aRoundOtherThanH1OrFyIsA400() throws Exception {
        for (String round : List.of("H2", "h1", "fy", "ALL", "0", "H1FY")) {
            problem(send(get("/api/gifts/registers/2568/{round}", round)), 400, "");
        }
        verifyNoInteractions(registers);
    }

    @Test
    void aFormatOtherThanJsonCsvOrXlsxIsAValidationProblemNamingIt() throws Exception {
        for (String format : List.of("pdf", "", "xls", "csv;", "jsonx", " csv", "ｃｓｖ", "html", "csvMARKq1")) {
            JsonNode problem = problem(send(get("/api/gifts/registers/2568/FY").param("format", format)), 400,
                    "MARKq1");
            assertThat(problem.at("/errors/0/field").asString()).as(format).isEqualTo("format");
            assertThat(problem.at("/errors/0/message_th").asString()).isNotBlank();
        }
        verifyNoInteractions(registers);
    }

    @Test
    void anAcceptHeaderNoFormatCanMeetIsA406() throws Exception {
        for (String accept : List.of("application/pdf", "text/html", "text/csv;q=0", "image/*")) {
            problem(send(get("/api/gifts/registers/2568/FY").header("Accept", accept)), 406, "");
        }
        verifyNoInteractions(registers);
    }

    @Test
    void goodParametersReachTheServiceWithTheCaller() throws Exception {
        assertThat(send(get("/api/gifts/registers/2568/H1").param("format", "JSON")).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(send(get("/api/gifts/registers/2567/FY").header("Accept", "application/pdf, application/json;q=0.1"))
                .getResponse().getStatus()).isEqualTo(200);
        verify(registers).compile(any(CurrentUser.class), eq(2568), eq(Round.H1));
        verify(registers).compile(any(CurrentUser.class), eq(2567), eq(Round.FY));
    }
}
