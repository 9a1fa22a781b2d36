package th.integrity.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.platform.web.FieldLabels;
import th.integrity.stats.IntegrationTestSupport;
import th.integrity.testkit.PlainWords;

/**
 * Errors in words an administrator understands: a month published already says to issue a correction (and names
 * the publication to correct, for the form), and no problem of the publication API shows a field path or a code.
 */
class PlainWordsTest extends IntegrationTestSupport {

    private static final Set<String> CODES = Set.of("COMPLAINTS", "GIFTS", "H1", "H2", "FY", "CURRENT",
            "SUPERSEDED");

    @Test
    void publishingAPublishedMonthSaysToIssueACorrectionAndNamesTheOneToCorrect() {
        String agency = newAgency();
        Map<String, Object> march = Map.of("agency", agency, "fiscalYear", 2568, "through", "2025-03");
        Response first = post("/api/stats/publications", march, token(agency, "ADMIN"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);

        Response again = post("/api/stats/publications", march, token(agency, "ADMIN"));

        assertThat(again.status()).isEqualTo(409);
        JsonNode problem = again.body();
        assertThat(problem.path("type").asString()).isEqualTo("urn:integrity:problem:already-published");
        YearMonth month = YearMonth.of(2025, 3);
        assertThat(problem.path("detail").asString())
                .startsWith(FiscalCalendar.monthLabelEnglish(month) + " is published already; issue a correction")
                .doesNotContain("supersedes").doesNotContain("reason");
        assertThat(problem.path("detail_th").asString())
                .startsWith(FiscalCalendar.monthLabelThai(month) + " เผยแพร่แล้ว")
                .contains("ให้ออกฉบับแก้ไข").doesNotContain("supersedes");
        assertThat(problem.path("current").path("id").asString()).isEqualTo(first.body().path("id").asString());
        assertThat(problem.path("current").path("revision").asInt()).isEqualTo(1);
        PlainWords.assertPlain(problem, CODES);
    }

    @Test
    void everyFieldProblemOfThePublicationFormIsInPlainWords() {
        String agency = newAgency();
        String admin = token(agency, "ADMIN");
        List<Response> answers = new ArrayList<>();
        answers.add(post("/api/stats/publications", Map.of(), admin));
        answers.add(post("/api/stats/publications", Map.of("kind", "PIGEONS", "agency", "!!", "fiscalYear", 1999,
                "reason", "x"), admin));
        answers.add(post("/api/stats/publications", Map.of("kind", "GIFTS", "agency", agency, "fiscalYear", 2568,
                "round", "H9"), admin));
        answers.add(post("/api/stats/publications", Map.of("kind", "COMPLAINTS", "agency", agency,
                "fiscalYear", 2568, "through", "2031-13"), admin));
        answers.add(post("/api/stats/publications", Map.of("agency", agency, "fiscalYear", "two thousand"), admin));
        answers.add(asOfficer("/api/stats/complaints/" + agency + "/2568/draft?through=2030-01"));
        answers.add(asOfficer("/api/stats/complaints/" + agency + "/99/draft"));
        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
            PlainWords.assertPlain(answer.body(), CODES);
            answer.body().path("errors").forEach(error -> assertThat(FieldLabels.has(error.path("field").asString()))
                    .as("a label for " + error.path("field").asString()).isTrue());
        }
    }
}
