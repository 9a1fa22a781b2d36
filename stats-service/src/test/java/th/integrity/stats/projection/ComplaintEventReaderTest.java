package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ComplaintEventReaderTest {

    private final ComplaintEventReader reader = new ComplaintEventReader(JsonMapper.builder().build());

    private static String event(String type, String data) {
        return """
                {"specversion":"1.0","id":"e-1","source":"/agencies/bkk-50/complaints-service","type":"%s",
                 "subject":"C-1","time":"2025-01-02T03:04:05Z","datacontenttype":"application/json",
                 "traceparent":"00-extension-attributes-are-ignored","data":%s}""".formatted(type, data);
    }

    private static final String DATA = """
            {"agency":"bkk-50","caseId":"C-1","channel":"WEB","category":"CORRUPTION","division":null,
             "receivedAt":"2025-03-31T20:00:00Z","status":"RECEIVED","version":1,"addedLater":true}""";

    @Test
    void readsASubmittedEvent() {
        var read = reader.read(event("complaint.submitted.v1", DATA));

        assertThat(read.type()).isEqualTo("complaint.submitted.v1");
        var event = read.event();
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.time()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(event.data()).isEqualTo(new ComplaintEvent.Snapshot("bkk-50", "C-1", "WEB", "CORRUPTION", null,
                Instant.parse("2025-03-31T20:00:00Z"), "RECEIVED", 1));
    }

    @Test
    void anyComplaintV1TypeIsASnapshot() {
        assertThat(reader.read(event("complaint.status-changed.v1", DATA)).event()).isNotNull();
    }

    @Test
    void otherTypesAreRecognisedButNotParsed() {
        var read = reader.read(event("gift.declared.v1", "{}"));
        assertThat(read.type()).isEqualTo("gift.declared.v1");
        assertThat(read.event()).isNull();
        assertThat(reader.read(event("complaint.submitted.v2", "{}")).event()).isNull();
    }

    @Test
    void poisonRecordsAreInvalid() {
        assertThatThrownBy(() -> reader.read("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read("[]")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read("{\"specversion\":\"0.3\"}")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> reader.read(event("complaint.submitted.v1", "null")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> reader.read(event("complaint.submitted.v1", DATA.replace("\"version\":1", "\"version\":\"1\""))))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> reader.read(event("complaint.submitted.v1", DATA.replace("\"version\":1", "\"version\":0"))))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> reader.read(event("complaint.submitted.v1", DATA.replace("\"caseId\":\"C-1\",", ""))))
                .hasMessageContaining("caseId");
        assertThatThrownBy(() -> reader.read(event("complaint.submitted.v1", DATA.replace("2025-03-31T20:00:00Z", "yesterday"))))
                .hasMessageContaining("receivedAt");
        assertThatThrownBy(() -> reader.read(event("complaint.submitted.v1", DATA.replace("bkk-50", "bkk:50"))))
                .hasMessageContaining("agency");
    }
}
