package th.integrity.gifts.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import th.integrity.contracts.GoldenEvents;
import th.integrity.testkit.TestIssuer;
import th.integrity.gifts.IntegrationTestSupport;
import th.integrity.gifts.nilreturn.NilReturn;

/**
 * What gifts-service publishes on {@code gifts.v1} is, event type by event type, the golden CloudEvent of
 * {@code contracts/gifts.v1/} that stats-service's reader tests read too: same attributes, same source and type,
 * same data fields and nesting, same values. A field renamed, added or dropped fails here.
 *
 * <p>Compared by shape only, because they differ on every run: the event {@code id} (UUID), {@code time} (ISO
 * instant) and {@code traceparent} (W3C); the declaration or nil-return id ({@code subject},
 * {@code data.declarationId}, {@code data.nilReturnId}: UUID); and the instants {@code data.decidedAt} and
 * {@code data.filedAt} (ISO instant, or {@code null} where the golden has {@code null}). Everything else, dates
 * included, must be equal.
 */
class EventContractTest extends IntegrationTestSupport {

    static final Map<String, Pattern> PER_RUN = Map.of(
            "/id", GoldenEvents.UUID,
            "/time", GoldenEvents.INSTANT,
            "/traceparent", GoldenEvents.TRACEPARENT,
            "/subject", GoldenEvents.UUID,
            "/data/declarationId", GoldenEvents.UUID,
            "/data/nilReturnId", GoldenEvents.UUID,
            "/data/decidedAt", GoldenEvents.INSTANT,
            "/data/filedAt", GoldenEvents.INSTANT);

    private List<JsonNode> eventsAbout(String subject, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> readAll(TOPIC).stream()
                .map(r -> json.readTree(r.value()))
                .filter(e -> e.path("subject").asString().equals(subject)).toList(), events -> events.size() >= count);
    }

    @Test
    void everyEventTypeIsPublishedExactlyAsItsGoldenFile() {
        // A declaration over 10,000 baht (declared), decided by the head (decided), and a nil return.
        String id = body(declare(newStaff(), gift("12000.00", "KEPT", Map.of("offeredOn", "2025-01-15"))))
                .path("id").asString();
        String head = TestIssuer.shared().token("head-" + UUID.randomUUID(), AGENCY, "HEAD");
        assertThat(post("/api/gifts/declarations/" + id + "/decision", "{\"decision\":\"MUST_RETURN\"}", head)
                .statusCode()).isEqualTo(200);
        String nilReturn = body(post("/api/gifts/nil-returns", "{\"fiscalYear\":2567,\"round\":\"FY\"}", newStaff()))
                .path("id").asString();

        List<JsonNode> events = new java.util.ArrayList<>(eventsAbout(id, 2));
        events.addAll(eventsAbout(nilReturn, 1));

        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly(GiftEventData.DECLARED, GiftEventData.DECIDED, NilReturn.TYPE);
        GoldenEvents.assertMatchContract(GoldenEvents.GIFTS_V1, events, PER_RUN);
        assertThat(events.get(0).at("/data/declarationId").asString()).isEqualTo(id);
        assertThat(events.get(2).at("/data/nilReturnId").asString()).isEqualTo(nilReturn);
    }
}
