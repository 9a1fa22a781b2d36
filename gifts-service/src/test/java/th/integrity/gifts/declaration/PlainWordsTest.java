package th.integrity.gifts.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.gifts.IntegrationTestSupport;
import th.integrity.gifts.gift.Disposition;
import th.integrity.gifts.gift.GiftKind;
import th.integrity.gifts.gift.GiverType;
import th.integrity.gifts.gift.HeadDecisionType;
import th.integrity.gifts.gift.Occasion;
import th.integrity.gifts.gift.Relation;
import th.integrity.gifts.gift.Round;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.platform.web.FieldLabels;
import th.integrity.testkit.PlainWords;
import th.integrity.testkit.TestIssuer;

/**
 * Errors in words a person understands: every field problem of the gift forms names fields by the form's labels
 * and choices by their names, and one answer names every field in error.
 */
class PlainWordsTest extends IntegrationTestSupport {

    private static final Set<String> CODES = codes();

    /** Before: valuation alone, then three more once it was filled in. */
    @Test
    void oneAnswerNamesEveryFieldInErrorTheSingleOnesAndTheRulesAcrossFields() {
        Map<String, Object> gift = gift("100.00", "RETURNED", new HashMap<>(Map.of(
                "offeredOn", today().plusDays(2).toString(), "occasion", "OTHER")));
        gift.remove("valuation");
        gift.remove("disposedOn");

        HttpResponse<String> response = declare(newStaff(), gift);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = body(response);
        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("valuation", "offeredOn", "disposedOn", "occasionDetail");
        assertThat(problem.path("detail").asString()).isEqualTo("Check these fields: Date refused, returned, handed "
                + "over or donated, Which occasion, Date offered, How the value was estimated.");
        assertThat(problem.path("detail_th").asString()).contains("วิธีประเมินมูลค่า", "วันที่ได้รับ", "ระบุโอกาส");
        assertPlain(problem);
    }

    @Test
    void everyFieldProblemOfTheGiftFormsIsInPlainWords() {
        String staff = newStaff();
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(post("/api/gifts/declarations", "{}", staff));
        answers.add(post("/api/gifts/declarations", "{\"giver\":{}}", staff));
        Map<String, Object> tooLong = gift("1234567890123.001", "KEPT", new HashMap<>(Map.of(
                "description", "x".repeat(2001), "valuation", "x".repeat(501), "acceptanceReason", "x".repeat(1001),
                "occasion", "OTHER", "occasionDetail", "x".repeat(201), "giver.name", "x".repeat(201))));
        answers.add(declare(staff, tooLong));
        answers.add(declare(staff, gift(-5, "KEPT", new HashMap<>(Map.of("acceptanceReason", " ")))));
        for (String field : List.of("kind", "occasion", "disposition", "giver.type", "giver.relation")) {
            answers.add(declare(staff, gift("100.00", "KEPT", new HashMap<>(Map.of(field, "NOT_A_CHOICE")))));
        }
        answers.add(declare(staff, gift("100.00", "KEPT", new HashMap<>(Map.of("giver.pendingBusiness", "perhaps")))));
        answers.add(declare(staff, gift("a lot", "KEPT", new HashMap<>(Map.of("offeredOn", "yesterday")))));
        answers.add(declare(staff, gift("100.00", "DONATED", new HashMap<>(Map.of(
                "disposedOn", today().minusDays(30).toString())))));
        String head = TestIssuer.shared().token("head-" + UUID.randomUUID(), AGENCY, "HEAD");
        String id = UUID.randomUUID().toString();
        answers.add(post("/api/gifts/declarations/" + id + "/decision", "{}", head));
        answers.add(post("/api/gifts/declarations/" + id + "/decision",
                "{\"decision\":\"KEEP_IT\",\"note\":\"x\"}", head));
        answers.add(post("/api/gifts/declarations/" + id + "/decision",
                json.writeValueAsString(Map.of("decision", "MAY_KEEP", "note", "x".repeat(1001))), head));
        answers.add(post("/api/gifts/nil-returns", "{}", staff));
        answers.add(post("/api/gifts/nil-returns", "{\"fiscalYear\":1999,\"round\":\"H9\"}", staff));
        answers.add(post("/api/gifts/nil-returns", "{\"fiscalYear\":3000,\"round\":\"FY\"}", staff));
        answers.add(get("/api/gifts/registers/2568/FY?format=pdf", head));
        Set<String> seen = new TreeSet<>();
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            seen.addAll(assertPlain(body(answer)));
        }
        assertThat(seen).contains("offeredOn", "giver", "giver.name", "giver.type", "giver.relation",
                "giver.pendingBusiness", "kind", "description", "value", "valuation", "acceptanceReason", "occasion",
                "occasionDetail", "disposition", "disposedOn", "decision", "note", "fiscalYear", "round", "format");
    }

    private static List<String> assertPlain(JsonNode problem) {
        PlainWords.assertPlain(problem, CODES);
        List<String> fields = problem.path("errors").findValuesAsString("field");
        for (String field : fields) {
            assertThat(FieldLabels.has(field)).as("a label for " + field).isTrue();
        }
        return fields;
    }

    private static Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        Stream.of(Disposition.values(), GiftKind.values(), GiverType.values(), HeadDecisionType.values(),
                Occasion.values(), Relation.values(), Round.values(), RuleOutcome.values())
                .flatMap(Stream::of).forEach(code -> codes.add(((Enum<?>) code).name()));
        return codes;
    }
}
