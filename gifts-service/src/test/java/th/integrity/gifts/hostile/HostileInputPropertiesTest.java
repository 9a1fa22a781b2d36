package th.integrity.gifts.hostile;

import th.integrity.testkit.Hostile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import net.jqwik.api.Arbitrary;

import tools.jackson.databind.node.ObjectNode;

import th.integrity.gifts.IntegrationTestSupport;
import th.integrity.testkit.Hostile.Body;
import th.integrity.testkit.Hostile.Field;
import th.integrity.testkit.Hostile.Kind;

/**
 * Hostile bodies (jqwik generators, see {@link Hostile}) against gift declarations and nil returns, sent with a
 * valid STAFF token: each is answered 4xx as problem details, never 5xx, and nothing is stored — no document
 * in any collection, so no outbox event either (events live in the document they describe).
 */
class HostileInputPropertiesTest extends IntegrationTestSupport {

    private static final int TRIES = Integer.getInteger("hostile.tries", 300);

    private static final List<Field> DECLARATION_FIELDS = List.of(
            Field.of("offeredOn", Kind.DATE).required(), Field.of("giver", Kind.OBJECT).required(),
            Field.text("giver.name", 200).required(), Field.of("giver.type", Kind.CODE).required(),
            Field.of("giver.relation", Kind.CODE).required(), Field.of("giver.pendingBusiness", Kind.BOOLEAN).required(),
            Field.of("kind", Kind.CODE).required(), Field.text("description", 2000).required(),
            Field.of("value", Kind.NUMBER).required(), Field.text("valuation", 500).required(),
            // required here: the gift was kept
            Field.text("acceptanceReason", 1000).required(), Field.of("occasion", Kind.CODE).required(),
            Field.of("disposition", Kind.CODE).required());

    @Test
    void declarationsRefuseEveryHostileBody() {
        String staff = newStaff();
        ObjectNode valid = json.valueToTree(gift("3000.00", "KEPT", Map.of()));
        assertThat(declare(staff, gift("1.00", "KEPT", Map.of())).statusCode()).as("the valid body").isEqualTo(201);
        everyHostileBodyIsRefused(Hostile.bodies(json, valid, DECLARATION_FIELDS),
                body -> post("/api/gifts/declarations", body.json(), staff));
    }

    @Test
    void nilReturnsRefuseEveryHostileBody() {
        String staff = newStaff();
        ObjectNode valid = json.valueToTree(Map.of("fiscalYear", 2568, "round", "H1"));
        List<Field> fields = List.of(Field.of("fiscalYear", Kind.NUMBER).required(),
                Field.of("round", Kind.CODE).required());
        everyHostileBodyIsRefused(Hostile.bodies(json, valid, fields),
                body -> post("/api/gifts/nil-returns", body.json(), staff));
        // and the valid one still goes through
        assertThat(post("/api/gifts/nil-returns", json.writeValueAsString(valid), staff).statusCode()).isEqualTo(201);
    }

    @Test
    void correctionsRefuseEveryHostileBody() {
        String staff = token("u-" + UUID.randomUUID(), AGENCY, "STAFF");
        String id = body(declare(staff, gift("100.00", "KEPT", Map.of()))).path("id").asString();
        ObjectNode valid = json.valueToTree(gift("200.00", "KEPT", Map.of()));
        everyHostileBodyIsRefused(Hostile.bodies(json, valid, DECLARATION_FIELDS),
                body -> post("/api/gifts/declarations/" + id + "/corrections", body.json(), staff), TRIES / 3);
    }

    private void everyHostileBodyIsRefused(Arbitrary<Body> bodies,
            java.util.function.Function<Body, HttpResponse<String>> send) {
        everyHostileBodyIsRefused(bodies, send, TRIES);
    }

    private void everyHostileBodyIsRefused(Arbitrary<Body> bodies,
            java.util.function.Function<Body, HttpResponse<String>> send, int tries) {
        Map<String, Long> before = documentCounts();
        Hostile.assertAllRefused(json, Hostile.samples(bodies, tries), send);
        assertThat(documentCounts()).as("documents per collection").isEqualTo(before);
    }

    /** Documents in every collection of the service's database (declarations with their outbox, nil returns). */
    Map<String, Long> documentCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            counts.put(collection, mongo.count(new Query(), collection));
        }
        return counts;
    }
}
