package th.integrity.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Times in events at the precision their consumers need, not the millisecond at which someone pressed "send": a
 * watcher of the topic must not be able to match an event to a reporter's visit by its time. Instants are rounded
 * down to whole multiples of the precision, except deadlines (fields named {@code dueAt} or {@code expiresAt}, or
 * ending in {@code DueAt}), which round up so nothing looks overdue or expired early. The precision divides an hour,
 * so an instant keeps its date in Asia/Bangkok (UTC+7), which is what statistics count by.
 */
public final class EventTimes {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private final long millis;

    /** @throws IllegalArgumentException unless {@code precision} is positive and divides one hour */
    public EventTimes(Duration precision) {
        this.millis = precision.toMillis();
        if (millis <= 0 || Duration.ofHours(1).toMillis() % millis != 0) {
            throw new IllegalArgumentException("An event time precision must divide one hour (1h, 30m, 15m, 1m, 1s…), "
                    + "so that times keep their date in Asia/Bangkok: " + precision);
        }
    }

    public Instant floor(Instant time) {
        return time == null ? null : Instant.ofEpochMilli(floorMillis(time.toEpochMilli()));
    }

    public Instant ceil(Instant time) {
        return time == null ? null : Instant.ofEpochMilli(-Math.floorDiv(-time.toEpochMilli(), millis) * millis);
    }

    public long floorMillis(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    /** {@code data} with every instant it holds, at any depth, rounded (in place; returned for chaining). */
    public JsonNode round(JsonNode data) {
        if (data instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isString() && INSTANT.matcher(value.asString()).matches()) {
                    object.put(field.getKey(), rounded(field.getKey(), value.asString()));
                } else if (value.isContainer()) {
                    round(value);
                }
            }
        } else if (data != null && data.isArray()) {
            data.forEach(this::round);
        }
        return data;
    }

    private String rounded(String name, String value) {
        Instant time;
        try {
            time = Instant.parse(value);
        } catch (DateTimeParseException e) {
            return value;
        }
        boolean deadline = name.equals("dueAt") || name.equals("expiresAt") || name.endsWith("DueAt");
        return (deadline ? ceil(time) : floor(time)).toString();
    }
}
