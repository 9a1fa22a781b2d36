package th.integrity.gifts.hostile;

import th.integrity.testkit.Hostile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import th.integrity.gifts.IntegrationTestSupport;
import th.integrity.gifts.declaration.Declaration;

/** Hostile bodies the property tests found accepted, kept as plain examples. */
class HostileInputRegressionTest extends IntegrationTestSupport {

    private HttpResponse<String> declareRaw(String from, String to) {
        String body = json.writeValueAsString(gift("1000.00", "KEPT", Map.of("offeredOn", "2025-01-02")));
        assertThat(body).contains(from);
        return post("/api/gifts/declarations", body.replace(from, to), newStaff());
    }

    private void refused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).path("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void anIntegerIsNotAYesOrNo() {
        long before = mongo.count(new Query(), Declaration.COLLECTION);
        refused(declareRaw("\"pendingBusiness\":false", "\"pendingBusiness\":9223372036854775808"),
                "giver.pendingBusiness");
        refused(declareRaw("\"pendingBusiness\":false", "\"pendingBusiness\":1"), "giver.pendingBusiness");
        assertThat(mongo.count(new Query(), Declaration.COLLECTION)).isEqualTo(before);
    }

    @Test
    void anArrayOrANumberIsNotADate() {
        long before = mongo.count(new Query(), Declaration.COLLECTION);
        refused(declareRaw("\"offeredOn\":\"2025-01-02\"", "\"offeredOn\":[2025,1,2]"), "offeredOn");
        refused(declareRaw("\"offeredOn\":\"2025-01-02\"", "\"offeredOn\":20000"), "offeredOn");
        assertThat(mongo.count(new Query(), Declaration.COLLECTION)).isEqualTo(before);
    }

    /** MongoDB would have stored it as "?": the register would not say what was declared. */
    @Test
    void aLoneSurrogateIsNotText() {
        long before = mongo.count(new Query(), Declaration.COLLECTION);
        for (String escape : Hostile.LONE_SURROGATE_ESCAPES) {
            refused(declareRaw("กระเช้าของขวัญปีใหม่", "กระเช้า " + escape), "description");
        }
        assertThat(mongo.count(new Query(), Declaration.COLLECTION)).isEqualTo(before);
        HttpResponse<String> emoji = declareRaw("กระเช้าของขวัญปีใหม่", "กระเช้า \\ud83c\\udf81");
        assertThat(emoji.statusCode()).isEqualTo(201);
        assertThat(body(emoji).path("description").asString()).isEqualTo("กระเช้า \uD83C\uDF81");
    }
}
