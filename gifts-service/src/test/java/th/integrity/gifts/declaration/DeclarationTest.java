package th.integrity.gifts.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

import th.integrity.testkit.TestIssuer;
import th.integrity.gifts.IntegrationTestSupport;

/** Declaring gifts through the API, stored in the embedded MongoDB with the rule's result. */
class DeclarationTest extends IntegrationTestSupport {

    @Test
    void exactly3000IsAllowedAnd3000point01NeedsADecision() {
        String staff = newStaff();
        HttpResponse<String> atLimit = declare(staff, gift(3000.00, "KEPT", Map.of("giver.name", "ร้าน ก")));
        HttpResponse<String> over = declare(staff, gift("3000.01", "KEPT", Map.of("giver.name", "ร้าน ข")));

        assertThat(atLimit.statusCode()).isEqualTo(201);
        assertThat(body(atLimit).at("/evaluation/outcome").asString()).isEqualTo("ALLOWED");
        assertThat(body(atLimit).path("status").asString()).isEqualTo("RECORDED");
        assertThat(body(atLimit).path("value").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(over.statusCode()).isEqualTo(201);
        assertThat(body(over).at("/evaluation/outcome").asString()).isEqualTo("NEEDS_DECISION");
        assertThat(body(over).path("status").asString()).isEqualTo("AWAITING_DECISION");
        assertThat(body(over).at("/evaluation/decisionDueOn").asString())
                .isEqualTo(today().minusDays(1).plusDays(30).toString());
        assertThat(body(over).at("/evaluation/reasonTh").asString()).contains("เกิน 3,000.00 บาท");
        assertThat(body(over).at("/evaluation/reasonEn").asString()).contains("more than 3,000.00 baht");
        assertThat(over.headers().firstValue("Location").orElse(""))
                .isEqualTo("/api/gifts/declarations/" + body(over).path("id").asString());
    }

    @Test
    void valuesAreStoredAsDecimal128ExactToTheSatang() {
        HttpResponse<String> response = declare(newStaff(), gift("1500.5", "KEPT", Map.of()));
        assertThat(response.statusCode()).isEqualTo(201);

        Document stored = mongo.findOne(new Query(Criteria.where("_id").is(body(response).path("id").asString())),
                Document.class, Declaration.COLLECTION);
        assertThat(stored.get("value")).isEqualTo(new Decimal128(new java.math.BigDecimal("1500.50")));
        assertThat(stored.get("declarant", Document.class).getString("name")).startsWith("ผู้ทดสอบ u-");
    }

    @Test
    void twoGiftsFromTheSameGiverOnTheSameOccasionAddUp() {
        String staff = newStaff();
        HttpResponse<String> first = declare(staff, gift("2000.00", "KEPT", Map.of("giver.name", "คุณสมชาย  รักดี")));
        // The same giver written with other spacing and case; another occasion does not add up.
        HttpResponse<String> otherOccasion = declare(staff, gift("2000.00", "KEPT",
                Map.of("giver.name", "คุณสมชาย รักดี", "occasion", "SONGKRAN")));
        HttpResponse<String> second = declare(staff, gift("1000.01", "KEPT", Map.of("giver.name", " คุณสมชาย รักดี ")));

        assertThat(body(first).at("/evaluation/outcome").asString()).isEqualTo("ALLOWED");
        assertThat(body(otherOccasion).at("/evaluation/outcome").asString()).isEqualTo("ALLOWED");
        assertThat(body(second).at("/evaluation/outcome").asString()).isEqualTo("NEEDS_DECISION");
        assertThat(body(second).at("/evaluation/giverOccasionTotal").decimalValue()).isEqualByComparingTo("3000.01");
    }

    @Test
    void anotherDeclarantsGiftsFromTheSameGiverDoNotAddUp() {
        Map<String, Object> changes = Map.of("giver.name", "ห้าง ค " + UUID.randomUUID());
        declare(newStaff(), gift("2000.00", "KEPT", changes));
        HttpResponse<String> other = declare(newStaff(), gift("2000.00", "KEPT", changes));
        assertThat(body(other).at("/evaluation/outcome").asString()).isEqualTo("ALLOWED");
    }

    @Test
    void fromARelativeAnyValueIsAllowedFromAnyoneElseItIsNot() {
        String staff = newStaff();
        HttpResponse<String> relative = declare(staff, gift("20000.00", "KEPT",
                Map.of("giver.relation", "RELATIVE", "giver.type", "PERSON", "giver.name", "นางแม่")));
        HttpResponse<String> stranger = declare(staff, gift("20000.00", "KEPT", Map.of("giver.name", "นายคนอื่น")));
        assertThat(body(relative).at("/evaluation/outcome").asString()).isEqualTo("ALLOWED");
        assertThat(body(stranger).at("/evaluation/outcome").asString()).isEqualTo("NEEDS_DECISION");
    }

    @Test
    void pendingBusinessNeedsADecisionWhateverTheValue() {
        HttpResponse<String> response = declare(newStaff(), gift("10.00", "KEPT", Map.of("giver.pendingBusiness", true)));
        assertThat(body(response).at("/evaluation/outcome").asString()).isEqualTo("NEEDS_DECISION");
        assertThat(body(response).at("/evaluation/reasonEn").asString()).contains("business pending");
    }

    @Test
    void moneyFromANonRelativeIsNotAllowed() {
        HttpResponse<String> response = declare(newStaff(), gift("500.00", "RETURNED", Map.of("kind", "MONEY")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body(response).at("/evaluation/outcome").asString()).isEqualTo("NOT_ALLOWED");
        assertThat(body(response).path("status").asString()).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void declaredOnDay30IsOnTimeOnDay31Late() {
        String staff = newStaff();
        HttpResponse<String> day30 = declare(staff, gift("5000.00", "KEPT",
                Map.of("offeredOn", today().minusDays(30).toString(), "giver.name", "ก")));
        HttpResponse<String> day31 = declare(staff, gift("5000.00", "KEPT",
                Map.of("offeredOn", today().minusDays(31).toString(), "giver.name", "ข")));
        assertThat(body(day30).at("/evaluation/declaredLate").asBoolean()).isFalse();
        assertThat(body(day31).at("/evaluation/declaredLate").asBoolean()).isTrue();
        assertThat(body(day31).at("/evaluation/decisionDueOn").asString()).isEqualTo(today().minusDays(1).toString());
    }

    @Test
    void theDeclarantComesFromTheStaffDirectoryNotTheForm() {
        String token = TestIssuer.shared().builder("staff2").agency(AGENCY).roles("STAFF")
                .claim("name", "ชื่อในโทเค็น").claim("position", "ตำแหน่งในโทเค็น").sign();
        Map<String, Object> body = gift("100.00", "KEPT", Map.of());
        body.put("declarant", Map.of("name", "ปลอม"));
        HttpResponse<String> response = declare(token, body);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode declarant = body(response).path("declarant");
        assertThat(declarant.path("name").asString()).isEqualTo("นายประเสริฐ มั่นคง");
        assertThat(declarant.path("position").asString()).isEqualTo("นายช่างโยธาชำนาญงาน");
        assertThat(declarant.path("division").asString()).isEqualTo("WORKS");
    }

    @Test
    void badInputIsA400ProblemInThaiAndEnglishAndNothingIsStored() {
        String subject = "u-" + UUID.randomUUID();
        String staff = TestIssuer.shared().token(subject, AGENCY, "STAFF");
        Map<String, Object> threeDecimals = gift("100.001", "KEPT", Map.of());
        Map<String, Object> negative = gift(-1, "KEPT", Map.of());
        Map<String, Object> missing = gift("100.00", "KEPT", new HashMap<>(Map.of()));
        missing.remove("description");
        missing.remove("occasion");
        Map<String, Object> future = gift("100.00", "RETURNED",
                Map.of("offeredOn", today().plusDays(1).toString(), "disposedOn", today().toString()));
        Map<String, Object> noReason = gift("100.00", "KEPT", new HashMap<>());
        noReason.remove("acceptanceReason");
        Map<String, Object> badEnum = gift("100.00", "LOST", Map.of());

        HttpResponse<String> digits = declare(staff, threeDecimals);
        assertThat(digits.statusCode()).isEqualTo(400);
        assertThat(digits.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = body(digits);
        assertThat(problem.path("type").asString()).isEqualTo("urn:integrity:problem:validation");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("value");
        assertThat(problem.at("/errors/0/message_en").asString()).contains("at most 2 decimal places");
        assertThat(problem.at("/errors/0/message_th").asString()).contains("ทศนิยมไม่เกิน 2 ตำแหน่ง");

        assertThat(body(declare(staff, negative)).at("/errors/0/message_th").asString()).contains("ไม่น้อยกว่า 0");
        JsonNode missingProblem = body(declare(staff, missing));
        assertThat(missingProblem.path("errors").findValuesAsString("field")).contains("description", "occasion");
        assertThat(body(declare(staff, future)).path("errors").findValuesAsString("field")).contains("offeredOn");
        assertThat(body(declare(staff, noReason)).at("/errors/0/message_th").asString()).contains("เหตุผลที่รับไว้");
        HttpResponse<String> enumProblem = declare(staff, badEnum);
        assertThat(enumProblem.statusCode()).isEqualTo(400);
        assertThat(body(enumProblem).at("/errors/0/field").asString()).isEqualTo("disposition");
        assertThat(post("/api/gifts/declarations", "{not json", staff).statusCode()).isEqualTo(400);

        assertThat(mongo.count(new Query(Criteria.where("declarant.subject").is(subject)), Declaration.COLLECTION))
                .isZero();
    }

    @Test
    void mineListsOnlyOnesOwnWithStatus() {
        String subject = "u-" + UUID.randomUUID();
        String staff = TestIssuer.shared().token(subject, AGENCY, "STAFF");
        declare(staff, gift("100.00", "KEPT", Map.of()));
        declare(staff, gift("9000.00", "KEPT", Map.of("giver.name", "อื่น")));
        declare(newStaff(), gift("100.00", "KEPT", Map.of()));

        JsonNode mine = body(get("/api/gifts/declarations/mine", staff));
        assertThat(mine.size()).isEqualTo(2);
        assertThat(mine.findValuesAsString("status")).containsExactly("AWAITING_DECISION", "RECORDED");
        assertThat(mine.findValues("declarant").stream().map(d -> d.path("subject").asString()))
                .containsOnly(subject);
    }

    @Test
    void withoutATokenOrWithAnotherRoleNothingIsDeclared() {
        assertThat(declare(null, gift("100.00", "KEPT", Map.of())).statusCode()).isEqualTo(401);
        String admin = TestIssuer.shared().token("admin-" + UUID.randomUUID(), AGENCY, "ADMIN");
        HttpResponse<String> forbidden = declare(admin, gift("100.00", "KEPT", Map.of()));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aCorrectionIsANewVersionAndBothStayReadable() {
        String subject = "u-" + UUID.randomUUID();
        String staff = TestIssuer.shared().token(subject, AGENCY, "STAFF");
        String original = body(declare(staff, gift("100.00", "KEPT", Map.of()))).path("id").asString();

        HttpResponse<String> correction = post("/api/gifts/declarations/" + original + "/corrections",
                json.writeValueAsString(gift("3500.00", "KEPT", Map.of())), staff);
        assertThat(correction.statusCode()).isEqualTo(201);
        String corrected = body(correction).path("id").asString();
        assertThat(body(correction).path("supersedes").asString()).isEqualTo(original);
        assertThat(body(correction).at("/evaluation/outcome").asString()).isEqualTo("NEEDS_DECISION");
        // The corrected version does not add up with the one it replaces: 3,500 alone, not 3,600.
        assertThat(body(correction).at("/evaluation/giverOccasionTotal").decimalValue()).isEqualByComparingTo("3500.00");

        JsonNode old = body(get("/api/gifts/declarations/" + original, staff));
        assertThat(old.path("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.path("supersededBy").asString()).isEqualTo(corrected);
        assertThat(old.path("value").decimalValue()).isEqualByComparingTo("100.00");

        // Correcting the superseded version again, or someone else correcting, is refused.
        assertThat(post("/api/gifts/declarations/" + original + "/corrections",
                json.writeValueAsString(gift("200.00", "KEPT", Map.of())), staff).statusCode()).isEqualTo(409);
        HttpResponse<String> other = post("/api/gifts/declarations/" + corrected + "/corrections",
                json.writeValueAsString(gift("200.00", "KEPT", Map.of())), newStaff());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(body(other).path("type").asString()).isEqualTo("urn:integrity:problem:gift-not-declarant");
    }

    @Test
    void anotherAgencysDeclarationIsNotFound() {
        String id = body(declare(newStaff(), gift("100.00", "KEPT", Map.of()))).path("id").asString();
        String officer = TestIssuer.shared().token("o-" + UUID.randomUUID(), "huaikhwang", "OFFICER");
        HttpResponse<String> response = get("/api/gifts/declarations/" + id, officer);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("กระเช้า");
        // Another member of staff of the same agency does not read it either.
        assertThat(get("/api/gifts/declarations/" + id, newStaff()).statusCode()).isEqualTo(404);
    }
}
