package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import th.integrity.contracts.GoldenEvents;

/**
 * The reader against the golden events of {@code contracts/complaints.v1/}, the same files complaints-service's
 * {@code EventContractTest} proves it publishes, and against hostile variants of them: each is rejected.
 */
class ComplaintEventReaderTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ComplaintEventReader reader = new ComplaintEventReader(JSON,
            Validation.buildDefaultValidatorFactory().getValidator());

    private static ObjectNode golden(String type) {
        return (ObjectNode) GoldenEvents.json(GoldenEvents.COMPLAINTS_V1, type);
    }

    /** The submitted golden event changed by {@code change}, as a record value. */
    private static String submitted(Consumer<ObjectNode> change) {
        ObjectNode event = golden(ComplaintEventReader.SUBMITTED);
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

    /** The contract's case events; the topic also carries identity-request events, which statistics do not count. */
    private static List<String> caseTypes() {
        return GoldenEvents.types(GoldenEvents.COMPLAINTS_V1).stream().filter(t -> t.startsWith("complaint.")).toList();
    }

    @Test
    void theReaderKnowsExactlyTheCaseEventTypesThatHaveAGoldenFile() {
        assertThat(ComplaintEventReader.TYPES).containsExactlyInAnyOrderElementsOf(caseTypes());
    }

    @Test
    void theTopicsOtherEventsAreReadAsNotOursNeitherProjectedNorRefused() {
        List<String> others = GoldenEvents.types(GoldenEvents.COMPLAINTS_V1).stream()
                .filter(t -> !t.startsWith("complaint.")).toList();
        assertThat(others).contains("identity-request.requested.v1", "identity-request.approved.v1");
        for (String type : others) {
            var read = reader.read(GoldenEvents.text(GoldenEvents.COMPLAINTS_V1, type));
            assertThat(read.type()).isEqualTo(type);
            assertThat(read.event()).as(type).isNull();
        }
    }

    @Test
    void readsEveryGoldenEventIntoTheSnapshotItCarries() {
        for (String type : caseTypes()) {
            JsonNode golden = golden(type);
            JsonNode data = golden.get("data");
            var read = reader.read(GoldenEvents.text(GoldenEvents.COMPLAINTS_V1, type));

            assertThat(read.type()).isEqualTo(type);
            assertThat(read.traceparent()).isEqualTo(golden.get("traceparent").asString());
            ComplaintEvent event = read.event();
            assertThat(event.id()).isEqualTo(golden.get("id").asString());
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.time()).isEqualTo(Instant.parse(golden.get("time").asString()));
            assertThat(event.data()).as(type).isEqualTo(new ComplaintEvent.Snapshot(
                    data.get("agency").asString(), data.get("caseId").asString(), data.get("channel").asString(),
                    data.get("category").asString(), text(data, "division"), instant(data, "receivedAt"),
                    data.get("status").asString(), data.get("version").asLong(), text(data, "subcategory"),
                    text(data, "reporterStanding"), instant(data, "statusChangedAt"), instant(data, "concludedAt"),
                    text(data, "closureReason"), instant(data, "dueAt"), text(data, "caseNumber"),
                    text(data, "referredTo"), instant(data, "referredAt")));
        }
        assertThat(reader.read(GoldenEvents.text(GoldenEvents.COMPLAINTS_V1, ComplaintEventReader.UPDATED))
                .event().data()).isEqualTo(new ComplaintEvent.Snapshot("wangthonglang",
                "3f8e2d1c-6b5a-4f9e-8d7c-2a1b0c9d8e7f", "WEB", "CORRUPTION", "WORKS",
                Instant.parse("2025-04-01T02:00:00Z"), "UNDER_REVIEW", 3, "FALSE_CLAIMS", "CITIZEN",
                Instant.parse("2025-04-02T03:00:00Z"), null, null, Instant.parse("2025-05-02T04:00:00Z"),
                "วท 0012/2568", null, null));
    }

    @Test
    void ignoresWhatItDoesNotKnowAndReadsWalkingSkeletonEvents() {
        var read = reader.read(submitted(event -> {
            event.put("extension", "ignored");
            data(event).put("addedLater", true);
            for (String later : List.of("subcategory", "reporterStanding", "statusChangedAt", "concludedAt",
                    "closureReason", "dueAt", "caseNumber")) {
                data(event).remove(later);
            }
        }));
        assertThat(read.event().data()).isEqualTo(new ComplaintEvent.Snapshot("wangthonglang",
                "3f8e2d1c-6b5a-4f9e-8d7c-2a1b0c9d8e7f", "WEB", "CORRUPTION", null,
                Instant.parse("2025-04-01T02:00:00Z"), "RECEIVED", 1));
    }

    @Test
    void anEventFromAnySourceButTheProducersForItsAgencyIsRejected() {
        for (String source : List.of("/agencies/bkk-50/complaints-service", "/agencies/wangthonglang/complaints-service",
                "/agencies/wangthonglang/gifts", "/agencies/huaikhwang/complaints", "/agencies/wangthonglang/complaints/",
                "https://evil.example/agencies/wangthonglang/complaints", "/AGENCIES/wangthonglang/complaints",
                "/agencies/wangthonglang/complaints?x=1", " /agencies/wangthonglang/complaints", "complaints")) {
            assertInvalid(submitted(event -> event.put("source", source)), "source");
        }
        assertInvalid(submitted(event -> event.remove("source")), "source");
        assertInvalid(submitted(event -> event.put("source", 7)), "source");
        // The agency in the source and in the data must be the same one.
        assertInvalid(submitted(event -> data(event).put("agency", "huaikhwang")), "source");
    }

    @Test
    void aComplaintV1TypeOutsideTheContractIsRejectedAndOtherContractsAreNotOurs() {
        for (String type : List.of("complaint.deleted.v1", "complaint.submitted.extra.v1", "complaint.SUBMITTED.v1")) {
            assertInvalid(submitted(event -> event.put("type", type)), "type");
        }
        assertInvalid(submitted(event -> event.remove("type")), "type");
        assertInvalid(submitted(event -> event.put("type", 1)), "type");
        // Another producer's type, or another version of this contract (published beside v1 during an upgrade,
        // docs/operations.md): recognised, not projected.
        for (String type : List.of("gift.declared.v1", "complaint.submitted.v2", "complaint.submitted.v10",
                "complaint.submitted")) {
            var read = reader.read(submitted(event -> event.put("type", type)));
            assertThat(read.type()).isEqualTo(type);
            assertThat(read.event()).as(type).isNull();
        }
    }

    @Test
    void anotherCloudEventsVersionIsRejected() {
        for (String specversion : List.of("0.3", "1", "1.0.0", "2.0", "")) {
            assertInvalid(submitted(event -> event.put("specversion", specversion)), "specversion");
        }
        assertInvalid(submitted(event -> event.put("specversion", 1.0)), "specversion");
        assertInvalid(submitted(event -> event.remove("specversion")), "specversion");
    }

    @Test
    void anEventWithoutARequiredFactIsRejected() {
        for (String field : List.of("agency", "caseId", "version", "channel", "category", "receivedAt", "status")) {
            assertInvalid(submitted(event -> data(event).remove(field)), field);
            assertInvalid(submitted(event -> data(event).putNull(field)), field);
        }
        for (String attribute : List.of("id", "data")) {
            assertInvalid(submitted(event -> event.remove(attribute)), attribute);
        }
        for (String field : List.of("caseId", "channel", "category", "status", "division", "subcategory")) {
            assertInvalid(submitted(event -> data(event).put(field, " ")), field);
        }
    }

    @Test
    void aFactOfTheWrongShapeIsRejected() {
        assertInvalid(submitted(event -> data(event).put("version", "1")), "version");
        assertInvalid(submitted(event -> data(event).put("version", 1.5)), "version");
        assertInvalid(submitted(event -> data(event).put("version", 0)), "version");
        assertInvalid(submitted(event -> data(event).put("version", -3)), "version");
        assertInvalid(submitted(event -> data(event).put("caseId", 42)), "caseId");
        assertInvalid(submitted(event -> data(event).put("channel", true)), "channel");
        assertInvalid(submitted(event -> data(event).putObject("status")), "status");
        assertInvalid(submitted(event -> data(event).put("receivedAt", "yesterday")), "receivedAt");
        assertInvalid(submitted(event -> data(event).put("receivedAt", 1743473730)), "receivedAt");
        assertInvalid(submitted(event -> data(event).put("dueAt", "2025-04-04")), "dueAt");
        assertInvalid(submitted(event -> data(event).put("agency", "bkk:50")), "agency");
        assertInvalid(submitted(event -> data(event).put("caseId", "x".repeat(129))), "caseId");
        assertInvalid(submitted(event -> event.put("time", "now")), "time");
        // The case number reaches the executive report's tables: only the producer's shape is accepted.
        for (String hostile : java.util.List.of("<script>alert(1)</script> 0001/2568", "วท 12/2568", "วท 0012/68",
                "วท 0012/2568\n", "", "วท  0012/2568", "x".repeat(41) + " 0001/2568")) {
            assertInvalid(submitted(event -> data(event).put("caseNumber", hostile)), "caseNumber");
        }
        assertInvalid(submitted(event -> data(event).put("caseNumber", 12)), "caseNumber");
        assertInvalid(submitted(event -> event.put("id", "x".repeat(257))), "id");
    }

    @Test
    void poisonRecordsAreInvalid() {
        assertThatThrownBy(() -> reader.read("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read("[]")).isInstanceOf(InvalidEventException.class);
        assertInvalid(submitted(event -> event.putNull("data")), "data");
        assertInvalid(submitted(event -> event.put("data", "{}")), "data");
    }

    @Test
    void traceContextNeverMakesAnEventInvalid() {
        var read = reader.read(submitted(event -> event.put("traceparent", 12).putObject("tracestate")));
        assertThat(read.event()).isNotNull();
        assertThat(read.traceparent()).isNull();
        assertThat(read.tracestate()).isNull();
    }

    private static String text(JsonNode data, String field) {
        return data.get(field).isNull() ? null : data.get(field).asString();
    }

    private static Instant instant(JsonNode data, String field) {
        return data.get(field).isNull() ? null : Instant.parse(data.get(field).asString());
    }
}
