package th.integrity.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden CloudEvents of the event contracts (docs/events.md, "Contract tests"): one file per event type and
 * version, {@code contracts/{contract}/{type}.json}, e.g. {@code contracts/complaints.v1/complaint.submitted.v1.json}.
 * Producers' tests compare what they emit with {@link #differences}; the consumer's tests feed the same files (and
 * hostile variants of them) to its readers.
 */
public final class GoldenEvents {

    public static final String COMPLAINTS_V1 = "complaints.v1";
    public static final String GIFTS_V1 = "gifts.v1";

    /** Shapes of the values that differ on every run (ids, timestamps, trace context). */
    public static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** An ISO-8601 instant in UTC as Jackson writes {@link java.time.Instant}: seconds, optional fraction, {@code Z}. */
    public static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    /** W3C trace context {@code traceparent}, version 00. */
    public static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoldenEvents() {
    }

    /** The golden file of {@code type} in {@code contract}, as text. */
    public static String text(String contract, String type) {
        String path = "contracts/" + contract + "/" + type + ".json";
        try (InputStream in = GoldenEvents.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden event " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden file of {@code type} in {@code contract}, parsed. */
    public static JsonNode json(String contract, String type) {
        return JSON.readTree(text(contract, type));
    }

    /** The event types that have a golden file in {@code contract}. */
    public static Set<String> types(String contract) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(GoldenEvents.class.getClassLoader())
                    .getResources("classpath*:contracts/" + contract + "/*.json");
            Set<String> types = new TreeSet<>();
            for (Resource file : files) {
                types.add(file.getFilename().substring(0, file.getFilename().length() - ".json".length()));
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a producer test asserts: the events it drove are of every type of the contract, and each equals its
     * golden file but for the values {@code perRun} names by path and shape.
     *
     * @throws AssertionError naming the first event that differs, and how
     */
    public static void assertMatchContract(String contract, List<JsonNode> events, Map<String, Pattern> perRun) {
        Set<String> emitted = new TreeSet<>();
        for (JsonNode event : events) {
            String type = event.path("type").asString();
            emitted.add(type);
            List<String> differences = differences(json(contract, type), event, perRun);
            if (!differences.isEmpty()) {
                throw new AssertionError(type + " differs from contracts/" + contract + "/" + type + ".json: "
                        + differences + " in " + event);
            }
        }
        // Every golden file of the contract is emitted: a new type needs its golden file and its producer test.
        if (!emitted.equals(types(contract))) {
            throw new AssertionError("emitted " + emitted + ", the contract " + contract + " has " + types(contract));
        }
    }

    /**
     * How {@code emitted} differs from {@code golden}: a field missing, added or renamed at any depth, a value of
     * another JSON type, or another value. The values at the JSON Pointers of {@code perRun} (e.g. {@code /id},
     * {@code /data/caseId}) are compared by shape instead: the emitted value is {@code null} where the golden's is,
     * and otherwise a string of that shape.
     *
     * @return one line per difference, empty when the event matches the contract
     */
    public static List<String> differences(JsonNode golden, JsonNode emitted, Map<String, Pattern> perRun) {
        List<String> differences = new ArrayList<>();
        compare("", golden, emitted, perRun, differences);
        return differences;
    }

    private static void compare(String pointer, JsonNode golden, JsonNode emitted, Map<String, Pattern> perRun,
            List<String> differences) {
        String at = pointer.isEmpty() ? "/" : pointer;
        Pattern shape = perRun.get(pointer);
        if (shape != null) {
            if (golden.isNull()) {
                if (!emitted.isNull()) {
                    differences.add(at + ": expected null, was " + emitted);
                }
            } else if (!emitted.isString() || !shape.matcher(emitted.asString()).matches()) {
                differences.add(at + ": expected a string like " + golden + " (" + shape + "), was " + emitted);
            }
            return;
        }
        if (golden.isObject() && emitted.isObject()) {
            Set<String> names = new TreeSet<>(golden.propertyNames());
            names.addAll(emitted.propertyNames());
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!emitted.has(name)) {
                    differences.add(child + ": missing (the contract has it)");
                } else if (!golden.has(name)) {
                    differences.add(child + ": not in the contract (added or renamed?), was " + emitted.get(name));
                } else {
                    compare(child, golden.get(name), emitted.get(name), perRun, differences);
                }
            }
        } else if (golden.getNodeType() != emitted.getNodeType() || !golden.equals(emitted)) {
            differences.add(at + ": expected " + golden + ", was " + emitted);
        }
    }
}
