package th.integrity.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventTimesTest {

    private final EventTimes hour = new EventTimes(Duration.ofHours(1));
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void roundsEveryInstantDownAndDeadlinesUpAtAnyDepth() {
        JsonNode data = json.readTree("""
                {"receivedAt":"2025-04-01T02:15:30.482Z","dueAt":"2025-05-01T02:15:30.482Z","version":3,
                 "nested":{"expiresAt":"2025-04-02T05:00:00.001Z","at":"2025-04-02T05:59:59Z"},
                 "list":[{"referredAt":"2025-04-03T10:30:00Z"}],"text":"2025-04-01T02:15:30.482Z is in a sentence",
                 "day":"2025-04-01","end":"2025-04-01T03:00:00Z"}""");

        String rounded = hour.round(data).toString();

        assertThat(rounded).contains("\"receivedAt\":\"2025-04-01T02:00:00Z\"", "\"dueAt\":\"2025-05-01T03:00:00Z\"",
                "\"expiresAt\":\"2025-04-02T06:00:00Z\"", "\"at\":\"2025-04-02T05:00:00Z\"",
                "\"referredAt\":\"2025-04-03T10:00:00Z\"", "\"end\":\"2025-04-01T03:00:00Z\"", "\"version\":3",
                "\"day\":\"2025-04-01\"", "is in a sentence");
    }

    @Test
    void keepsTheDateInBangkokForEveryPrecisionItAccepts() {
        ZoneId bangkok = ZoneId.of("Asia/Bangkok");
        Instant lastMillisecondOfADay = Instant.parse("2025-04-01T16:59:59.999Z"); // 23:59:59.999 in Bangkok
        for (Duration precision : new Duration[] { Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMinutes(1) }) {
            EventTimes times = new EventTimes(precision);
            assertThat(times.floor(lastMillisecondOfADay).atZone(bangkok).toLocalDate())
                    .isEqualTo(lastMillisecondOfADay.atZone(bangkok).toLocalDate());
        }
        assertThatThrownBy(() -> new EventTimes(Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTimes(Duration.ofMinutes(7))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTimes(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
