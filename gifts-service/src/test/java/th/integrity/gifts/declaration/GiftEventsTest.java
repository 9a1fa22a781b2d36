package th.integrity.gifts.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.testkit.TestIssuer;
import th.integrity.gifts.IntegrationTestSupport;

/** The events on gifts.v1 carry exactly the fields of docs/events.md: no names, no descriptions, no amounts. */
class GiftEventsTest extends IntegrationTestSupport {

    static final Set<String> DECLARATION_FIELDS = Set.of("agency", "declarationId", "supersedes", "version",
            "fiscalYear", "half", "offeredOn", "kind", "relation", "disposition", "valueBand", "ruleOutcome",
            "declaredLate", "decisionDueOn", "decision", "decidedAt");
    static final Set<String> NIL_RETURN_FIELDS = Set.of("agency", "nilReturnId", "fiscalYear", "round", "filedAt");

    private List<JsonNode> eventsAbout(String subject, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> readAll(TOPIC).stream()
                .filter(r -> json.readTree(r.value()).path("subject").asString().equals(subject)).count() >= atLeast);
        return readAll(TOPIC).stream().filter(r -> json.readTree(r.value()).path("subject").asString().equals(subject))
                .map(ConsumerRecord::value).map(json::readTree).toList();
    }

    @Test
    void declaredAndDecidedEventsCarryTheContractsFieldsAndNothingPersonal() {
        String giver = "นายผู้ให้ลับ " + UUID.randomUUID();
        String description = "นาฬิกาข้อมือลับ " + UUID.randomUUID();
        String declarant = "u-" + UUID.randomUUID();
        String staff = token(declarant, AGENCY, "STAFF");
        HttpResponse<String> declared = declare(staff, gift("12000.00", "KEPT", Map.of("giver.name", giver,
                "description", description, "offeredOn", "2025-01-15")));
        String id = body(declared).path("id").asString();
        String head = TestIssuer.shared().token("head-" + UUID.randomUUID(), AGENCY, "HEAD");
        assertThat(post("/api/gifts/declarations/" + id + "/decision", "{\"decision\":\"MUST_RETURN\"}", head)
                .statusCode()).isEqualTo(200);

        List<JsonNode> events = eventsAbout(id, 2);
        JsonNode first = events.stream().filter(e -> e.path("type").asString().equals("gift.declared.v1")).findFirst()
                .orElseThrow();
        JsonNode second = events.stream().filter(e -> e.path("type").asString().equals("gift.decided.v1")).findFirst()
                .orElseThrow();

        assertThat(first.path("specversion").asString()).isEqualTo("1.0");
        assertThat(first.path("source").asString()).isEqualTo("/agencies/wangthonglang/gifts");
        assertThat(first.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(first.path("data").propertyNames()).containsExactlyInAnyOrderElementsOf(DECLARATION_FIELDS);
        assertThat(second.path("data").propertyNames()).containsExactlyInAnyOrderElementsOf(DECLARATION_FIELDS);

        JsonNode data = first.path("data");
        assertThat(data.path("agency").asString()).isEqualTo(AGENCY);
        assertThat(data.path("declarationId").asString()).isEqualTo(id);
        assertThat(data.path("supersedes").isNull()).isTrue();
        assertThat(data.path("version").asInt()).isEqualTo(1);
        assertThat(data.path("fiscalYear").asInt()).isEqualTo(2568);
        assertThat(data.path("half").asString()).isEqualTo("H1");
        assertThat(data.path("offeredOn").asString()).isEqualTo("2025-01-15");
        assertThat(data.path("valueBand").asString()).isEqualTo("OVER_10000");
        assertThat(data.path("ruleOutcome").asString()).isEqualTo("NEEDS_DECISION");
        assertThat(data.path("declaredLate").asBoolean()).isTrue();
        assertThat(data.path("decisionDueOn").asString()).isEqualTo("2025-02-14");
        assertThat(data.path("decision").isNull()).isTrue();

        JsonNode decided = second.path("data");
        assertThat(decided.path("version").asInt()).isEqualTo(2);
        assertThat(decided.path("decision").asString()).isEqualTo("MUST_RETURN");
        assertThat(decided.path("decidedAt").asString()).isNotBlank();

        List<ConsumerRecord<String, String>> records = readAll(TOPIC).stream()
                .filter(r -> r.key().equals(AGENCY + ":" + id)).toList();
        assertThat(records).hasSize(2);
        assertThat(records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet())).hasSize(1);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.value()).doesNotContain(giver, description, declarant, "ผู้ทดสอบ", "12000");
        }
        // Published and then removed from the document's outbox.
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Declaration.class).outbox().isEmpty());
    }

    @Test
    void aCorrectionsEventNamesTheVersionItSupersedes() {
        String staff = newStaff();
        String original = body(declare(staff, gift("100.00", "KEPT", Map.of()))).path("id").asString();
        String corrected = body(post("/api/gifts/declarations/" + original + "/corrections",
                json.writeValueAsString(gift("200.00", "KEPT", Map.of())), staff)).path("id").asString();

        JsonNode event = eventsAbout(corrected, 1).get(0);
        assertThat(event.path("type").asString()).isEqualTo("gift.declared.v1");
        assertThat(event.at("/data/supersedes").asString()).isEqualTo(original);
        assertThat(event.at("/data/version").asInt()).isEqualTo(1);
    }

    @Test
    void aNilReturnEventCarriesNoIdentity() {
        String subject = "u-" + UUID.randomUUID();
        HttpResponse<String> filed = post("/api/gifts/nil-returns", "{\"fiscalYear\":2567,\"round\":\"FY\"}",
                token(subject, AGENCY, "STAFF"));
        String id = body(filed).path("id").asString();

        JsonNode event = eventsAbout(id, 1).get(0);
        assertThat(event.path("type").asString()).isEqualTo("gift.nil-return.v1");
        assertThat(event.path("data").propertyNames()).containsExactlyInAnyOrderElementsOf(NIL_RETURN_FIELDS);
        assertThat(event.at("/data/round").asString()).isEqualTo("FY");
        assertThat(event.at("/data/fiscalYear").asInt()).isEqualTo(2567);
        assertThat(event.toString()).doesNotContain(subject, "ผู้ทดสอบ");
    }
}
