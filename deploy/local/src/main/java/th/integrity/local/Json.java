package th.integrity.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the launcher reads from the services: their health answers and their structured log lines. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CAUSED_BY = Pattern.compile("(?m)^Caused by: (.+)$");
    private static final int LONGEST = 600;

    private Json() {
    }

    /** The top-level {@code status} of an actuator health answer, or null when there is none. */
    static String healthStatus(String body) {
        JsonNode status = read(body).path("status");
        return status.isTextual() ? status.asText() : null;
    }

    /**
     * A log line as a developer wants to read it at the console. The services log ECS JSON, one event per line,
     * with the whole stack trace inside: that becomes {@code time level logger: message}, plus the root cause
     * (the last "Caused by" of the stack trace), which is what usually explains a failed start. Anything else
     * is shown as it is, cut short if very long.
     */
    static String readableLogLine(String line) {
        if (!line.startsWith("{")) {
            return shorten(line);
        }
        JsonNode event = read(line);
        if (!event.has("message") && !event.has("@timestamp")) {
            return shorten(line);
        }
        String time = event.path("@timestamp").asText("");
        int t = time.indexOf('T');
        if (t >= 0 && time.length() >= t + 13) {
            time = time.substring(t + 1, t + 13);
        }
        String logger = event.path("log").path("logger").asText("");
        StringBuilder text = new StringBuilder()
                .append(time).append(' ')
                .append(String.format("%-5s", event.path("log").path("level").asText(""))).append(' ')
                .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
                .append(shorten(event.path("message").asText("").strip()));
        JsonNode error = event.path("error");
        if (!error.isMissingNode()) {
            String cause = error.path("type").asText("") + ": " + error.path("message").asText("");
            Matcher causedBy = CAUSED_BY.matcher(error.path("stack_trace").asText(""));
            while (causedBy.find()) {
                cause = causedBy.group(1);
            }
            text.append("\n      root cause: ").append(shorten(cause));
        }
        return text.toString();
    }

    private static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text == null ? "" : text);
        } catch (JacksonException e) {
            return MAPPER.missingNode();
        }
    }

    private static String shorten(String text) {
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST) + " … (" + text.length() + " characters)";
    }
}
