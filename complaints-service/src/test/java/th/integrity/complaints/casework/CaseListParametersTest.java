package th.integrity.complaints.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.attachments.AttachmentStore;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.testkit.TestIssuer;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.security.ResourceServerConfiguration;

/**
 * The web tier alone: how the case list reads its query parameters, with the service replaced. No MongoDB, no
 * Kafka; the security chain is the platform's real one (tokens of the test issuer, the service's public paths),
 * so the caller reaches the controller as the {@code CurrentUser} parameter exactly as in production. A bad value
 * is a 400 problem naming the parameter, in both languages, and never reaches the service.
 */
@WebMvcTest(controllers = CaseController.class)
// Boot 4's slice leaves Spring Security out (its slice imports live in a module this project does not use): the
// chain is brought in by hand, the platform's own included, as the service runs it.
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, ResourceServerConfiguration.class })
class CaseListParametersTest {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared()::issuerUri);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @MockitoBean
    CaseworkService casework;
    @MockitoBean
    AttachmentStore attachments;

    private static final String OFFICER = TestIssuer.shared().builder("officer-slice").agency("slice-agency")
            .roles("OFFICER").claim("name", "สมศรี").sign();

    @Test
    void everyFilterAndThePageReachTheServiceParsedWithTheCallerFromTheToken() throws Exception {
        when(casework.list(any(), any(), anyInt(), anyInt())).thenReturn(new CaseViews.Page(List.of(), 2, 50, 0));

        MvcResult result = list("status=FORWARDED&category=CORRUPTION&channel=LETTER&month=2025-03&overdue=true"
                + "&page=2&size=50");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        ArgumentCaptor<CurrentUser> user = ArgumentCaptor.forClass(CurrentUser.class);
        ArgumentCaptor<CaseStore.Filter> filter = ArgumentCaptor.forClass(CaseStore.Filter.class);
        verify(casework).list(user.capture(), filter.capture(), org.mockito.ArgumentMatchers.eq(2),
                org.mockito.ArgumentMatchers.eq(50));
        assertThat(user.getValue().subject()).isEqualTo("officer-slice");
        assertThat(user.getValue().agency()).isEqualTo("slice-agency");
        assertThat(filter.getValue()).isEqualTo(new CaseStore.Filter(ComplaintStatus.FORWARDED, Category.CORRUPTION,
                Channel.LETTER, YearMonth.of(2025, 3), true));
    }

    @Test
    void withoutParametersTheFirstPageOfTwentyUnfiltered() throws Exception {
        when(casework.list(any(), any(), anyInt(), anyInt())).thenReturn(new CaseViews.Page(List.of(), 0, 20, 0));

        assertThat(list("").getResponse().getStatus()).isEqualTo(200);

        verify(casework).list(any(), org.mockito.ArgumentMatchers.eq(new CaseStore.Filter(null, null, null, null, null)),
                org.mockito.ArgumentMatchers.eq(0), org.mockito.ArgumentMatchers.eq(20));
    }

    @Test
    void aMonthThatIsNotYyyyMmIsA400NamingMonth() throws Exception {
        for (String month : List.of("2025-13", "2025-3", "03-2025", "2568-03-01", "March", "", "2025-00")) {
            JsonNode problem = problem(list("month=" + month), 400);
            assertThat(problem.get("type").asString()).as(month).isEqualTo("urn:integrity:problem:validation");
            assertThat(problem.at("/errors/0/field").asString()).as(month).isEqualTo("month");
            assertThat(problem.at("/errors/0/message_en").asString()).contains("YYYY-MM");
            assertThat(problem.at("/errors/0/message_th").asString()).contains("YYYY-MM").isNotEqualTo(
                    problem.at("/errors/0/message_en").asString());
        }
        verifyNoInteractions(casework);
    }

    @Test
    void pagesOutsideTheLimitsAreA400NamingEachField() throws Exception {
        assertThat(fields(problem(list("page=-1&size=0"), 400))).containsExactly("page", "size");
        assertThat(fields(problem(list("size=101"), 400))).containsExactly("size");
        // page × size beyond what MongoDB can skip would wrap around to the first page
        assertThat(fields(problem(list("page=2147483647&size=100"), 400))).containsExactly("page");
        verifyNoInteractions(casework);
    }

    @Test
    void valuesOfTheWrongTypeAreA400AndReachNothing() throws Exception {
        for (String query : List.of("status=OPEN", "category=corruption", "channel=FAX", "overdue=maybe",
                "page=first", "size=1e3", "page=99999999999")) {
            JsonNode problem = problem(list(query), 400);
            assertThat(problem.get("type").asString()).as(query).startsWith("urn:integrity:problem:");
            assertThat(problem.has("title_th")).as(query).isTrue();
        }
        verifyNoInteractions(casework);
    }

    @Test
    void theListNeedsAnOfficersToken() throws Exception {
        assertThat(mvc.perform(get("/api/complaints/cases")).andReturn().getResponse().getStatus()).isEqualTo(401);
        String head = TestIssuer.shared().token("head-slice", "slice-agency", "HEAD");
        assertThat(mvc.perform(get("/api/complaints/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + head))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(casework);
    }

    private MvcResult list(String query) throws Exception {
        return mvc.perform(get("/api/complaints/cases" + (query.isEmpty() ? "" : "?" + query))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OFFICER)).andReturn();
    }

    private JsonNode problem(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getRequest().getQueryString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json.readTree(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}
