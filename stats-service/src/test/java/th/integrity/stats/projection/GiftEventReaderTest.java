package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import th.integrity.contracts.GoldenEvents;

/**
 * The reader against the golden events of {@code contracts/gifts.v1/}, the same files gifts-service's
 * {@code EventContractTest} proves it publishes, and against hostile variants of them: each is rejected.
 */
class GiftEventReaderTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final GiftEventReader reader = new GiftEventReader(JSON,
            Validation.buildDefaultValidatorFactory().getValidator());

    private static String golden(String type, Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) GoldenEvents.json(GoldenEvents.GIFTS_V1, type);
        change.accept(event);
        return JSON.writeValueAsString(event);
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private void assertInvalid(String value, String mentioning) {
        assertThatThrownBy(() -> reader.read(value)).as(value).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(mentioning);
    }

    @Test
    void theReaderKnowsExactlyTheTypesThatHaveAGoldenFile() {
        assertThat(GiftEventReader.TYPES).containsExactlyInAnyOrderElementsOf(GoldenEvents.types(GoldenEvents.GIFTS_V1));
    }

    @Test
    void readsEveryGoldenEvent() {
        GiftEvent declared = reader.read(GoldenEvents.text(GoldenEvents.GIFTS_V1, GiftEventReader.DECLARED));
        assertThat(declared.id()).isEqualTo("5d7f9a1c-3e2b-4c6d-8f0a-1b3d5f7a9c11");
        assertThat(declared.time()).isEqualTo(Instant.parse("2025-02-20T04:05:06.789Z"));
        assertThat(declared.traceparent()).isEqualTo("00-1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e-4f6a8c0e1b3d5f7a-01");
        assertThat(declared.nilReturn()).isNull();
        assertThat(declared.declaration()).isEqualTo(new GiftEvent.Declaration("wangthonglang",
                "a4c6e8f0-1b3d-4f5a-9c7e-2d4f6a8c0e13", null, 1, 2568, "H1", LocalDate.parse("2025-01-15"), "ITEM",
                "NOT_RELATIVE", "KEPT", "OVER_10000", "NEEDS_DECISION", true, LocalDate.parse("2025-02-14"), null,
                null));

        GiftEvent decided = reader.read(GoldenEvents.text(GoldenEvents.GIFTS_V1, GiftEventReader.DECIDED));
        assertThat(decided.type()).isEqualTo(GiftEventReader.DECIDED);
        assertThat(decided.declaration().version()).isEqualTo(2);
        assertThat(decided.declaration().decision()).isEqualTo("MUST_RETURN");
        assertThat(decided.declaration().decidedAt()).isEqualTo(Instant.parse("2025-02-24T07:30:00.125Z"));

        GiftEvent nilReturn = reader.read(GoldenEvents.text(GoldenEvents.GIFTS_V1, GiftEventReader.NIL_RETURN));
        assertThat(nilReturn.declaration()).isNull();
        assertThat(nilReturn.nilReturn()).isEqualTo(new GiftEvent.NilReturn("wangthonglang",
                "e7a9c1b3-5d2f-4e6a-8b0c-1d3f5a7c9e44", 2567, "FY", Instant.parse("2024-10-05T02:00:41.350Z")));
    }

    @Test
    void anEventFromAnySourceButTheProducersForItsAgencyIsRejected() {
        for (String type : GiftEventReader.TYPES) {
            for (String source : List.of("/agencies/wangthonglang/gifts-service", "/agencies/wangthonglang/complaints",
                    "/agencies/huaikhwang/gifts", "/agencies/wangthonglang/gifts/", "gifts",
                    "https://evil.example/agencies/wangthonglang/gifts")) {
                assertInvalid(golden(type, event -> event.put("source", source)), "source");
            }
            assertInvalid(golden(type, event -> event.remove("source")), "source");
            assertInvalid(golden(type, event -> data(event).put("agency", "huaikhwang")), "source");
        }
    }

    @Test
    void aGiftV1TypeOutsideTheContractIsRejectedAndOtherContractsAreNotOurs() {
        for (String type : List.of("gift.withdrawn.v1", "gift.declared.again.v1")) {
            assertInvalid(golden(GiftEventReader.DECLARED, event -> event.put("type", type)), "type");
        }
        assertInvalid(golden(GiftEventReader.DECLARED, event -> event.remove("type")), "type");
        for (String type : List.of("complaint.submitted.v1", "gift.declared.v2", "gift.nil-return.v2")) {
            assertThat(reader.read(golden(GiftEventReader.DECLARED, event -> event.put("type", type)))).as(type)
                    .isNull();
        }
        for (String specversion : List.of("0.3", "1", "2.0")) {
            assertInvalid(golden(GiftEventReader.DECLARED, event -> event.put("specversion", specversion)),
                    "specversion");
        }
    }

    @Test
    void anEventWithoutARequiredFactIsRejected() {
        for (String field : List.of("agency", "declarationId", "version", "fiscalYear", "half", "offeredOn")) {
            for (String type : List.of(GiftEventReader.DECLARED, GiftEventReader.DECIDED)) {
                assertInvalid(golden(type, event -> data(event).remove(field)), field);
                assertInvalid(golden(type, event -> data(event).putNull(field)), field);
            }
        }
        for (String field : List.of("agency", "nilReturnId", "fiscalYear", "round")) {
            assertInvalid(golden(GiftEventReader.NIL_RETURN, event -> data(event).remove(field)), field);
        }
        assertInvalid(golden(GiftEventReader.NIL_RETURN, event -> event.remove("data")), "data");
    }

    @Test
    void aFactOfTheWrongShapeIsRejected() {
        String declared = GiftEventReader.DECLARED;
        assertInvalid(golden(declared, event -> data(event).put("half", "H3")), "half");
        assertInvalid(golden(declared, event -> data(event).put("half", "FY")), "half");
        assertInvalid(golden(declared, event -> data(event).put("fiscalYear", 2025 - 1000)), "fiscalYear");
        assertInvalid(golden(declared, event -> data(event).put("fiscalYear", "2568")), "fiscalYear");
        assertInvalid(golden(declared, event -> data(event).put("version", 0)), "version");
        assertInvalid(golden(declared, event -> data(event).put("offeredOn", "15/01/2025")), "offeredOn");
        assertInvalid(golden(declared, event -> data(event).putArray("offeredOn").add(2025).add(1).add(15)),
                "offeredOn");
        assertInvalid(golden(declared, event -> data(event).put("decisionDueOn", 20250214)), "decisionDueOn");
        assertInvalid(golden(declared, event -> data(event).put("declaredLate", "yes")), "declaredLate");
        assertInvalid(golden(declared, event -> data(event).put("kind", 3)), "kind");
        assertInvalid(golden(GiftEventReader.DECIDED, event -> data(event).put("decidedAt", "tomorrow")), "decidedAt");
        assertInvalid(golden(GiftEventReader.NIL_RETURN, event -> data(event).put("round", "H2")), "round");
        assertInvalid(golden(GiftEventReader.NIL_RETURN, event -> data(event).put("filedAt", 1728093641)), "filedAt");
    }
}
