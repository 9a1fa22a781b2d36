package th.integrity.testkit;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile request bodies built with jqwik's generators from one valid body: truncated JSON, a field of the
 * wrong type, a field far past its limit, a huge array, deep nesting, Unicode edge cases in fields that take
 * codes, and numbers at the limits of what a parser can hold. Every one must be refused; none is a body the
 * API could reasonably accept. Drawn with {@code sampleStream()} from plain Jupiter tests, because the
 * properties need the shared Spring context (jqwik has no Spring extension for Spring 7 here).
 */
public final class Hostile {

    /** What a field holds, which decides what is wrong for it. */
    public enum Kind { TEXT, CODE, DATE, NUMBER, BOOLEAN, OBJECT }

    /** A field of the valid body: dotted path, kind, and the longest accepted text (TEXT only). */
    public record Field(String path, Kind kind, int max, boolean mandatory) {
        public static Field text(String path, int max) {
            return new Field(path, Kind.TEXT, max, false);
        }

        public static Field of(String path, Kind kind) {
            return new Field(path, kind, 0, false);
        }

        /** Leaving it out or null is refused. */
        public Field required() {
            return new Field(path, kind, max, true);
        }
    }

    /** One hostile body and how it was made (for the failure message). */
    public record Body(String label, String json) {
        @Override
        public String toString() {
            return label + ": " + (json.length() > 300 ? json.substring(0, 300) + "…(" + json.length() + " chars)" : json);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Unicode that must never pass for a code: combining marks, zero-width and bidi controls, NUL, surrogates. */
    public static final List<String> ODD_UNICODE = List.of("\u0E31", "\u0E34\u0E35\u0E36\u0E37", "\u0E48\u0E49\u0E4A",
            "\u200D", "\u200C", "\u200B", "\u202E", "\u2066", "\u2069", "\u0000", "\uFEFF", "\uD83D\uDE00",
            "\uD83D\uDC69\u200D\uD83D\uDCBB", "\uFFFD", "\u00A0");

    /** Lone surrogates, written as JSON escapes so the body itself stays valid UTF-8. */
    public static final List<String> LONE_SURROGATE_ESCAPES = List.of("\\ud800", "\\udfff", "\\udbff\\u0041");

    /** Numbers at a parser's limits, written as JSON number literals. */
    public static final List<String> EXTREME_NUMBERS = List.of("1e309", "-1e309", "1E-400", "3000.005",
            "123456789012345678901234567890123456789012345678901234567890", "0.0000000000000000000000000001",
            "9223372036854775808", "-9223372036854775809", "1e2147483648", "-0.001", "99999999999999.99");

    private Hostile() {
    }

    /**
     * {@code count} samples from a random seed, or the one in system property {@code hostile.seed}; the seed is
     * in every sample's label, so a failure can be replayed with {@code -Dhostile.seed=...}.
     */
    public static Stream<Body> samples(Arbitrary<Body> bodies, int count) {
        String seed = System.getProperty("hostile.seed", SourceOfRandomness.createRandomSeed());
        // jqwik's sampling draws from the thread's source of randomness: seeding it makes the run repeatable.
        SourceOfRandomness.create(seed);
        return bodies.sampleStream().limit(count)
                .map(body -> new Body("[seed " + seed + "] " + body.label(), body.json()));
    }

    /** Every kind of hostile body for this valid one, mixed. */
    public static Arbitrary<Body> bodies(JsonMapper json, ObjectNode valid, List<Field> fields) {
        return Arbitraries.oneOf(List.of(truncated(json, valid), wrongType(json, valid, fields),
                pastTheLimit(json, valid, fields), hugeArray(json, valid, fields), deeplyNested(json, valid, fields),
                oddCodes(json, valid, fields), extremeNumbers(json, valid, fields), missingRequired(json, valid, fields),
                notAnObject()));
    }

    /** The valid body cut at a random point: never well-formed. */
    public static Arbitrary<Body> truncated(JsonMapper json, ObjectNode valid) {
        String text = json.writeValueAsString(valid);
        return Arbitraries.integers().between(0, text.length() - 1)
                .map(cut -> new Body("truncated at " + cut, text.substring(0, cut)));
    }

    /** One field replaced by a value of another type that no coercion turns into a valid one. */
    public static Arbitrary<Body> wrongType(JsonMapper json, ObjectNode valid, List<Field> fields) {
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.integers().between(0, 7)).as((field, pick) -> {
            JsonNode value = switch (pick) {
                case 0 -> NODES.arrayNode().add("a").add("b");
                case 1 -> NODES.objectNode().put("$gt", "");
                case 2 -> NODES.objectNode().put("$where", "sleep(1000)");
                case 3 -> NODES.arrayNode();
                case 4 -> NODES.objectNode();
                case 5 -> switch (field.kind()) {
                    case TEXT, CODE -> NODES.arrayNode().add(NODES.objectNode());
                    case DATE -> NODES.stringNode("2024-02-30");
                    case NUMBER -> NODES.stringNode("NaN");
                    case BOOLEAN -> NODES.stringNode("บางที");
                    case OBJECT -> NODES.stringNode("{}");
                };
                case 6 -> switch (field.kind()) {
                    case TEXT, CODE -> NODES.arrayNode().add(1).add(2).add(3);
                    case DATE -> NODES.stringNode("31/12/2567");
                    case NUMBER -> NODES.stringNode("Infinity");
                    case BOOLEAN -> NODES.arrayNode().add(true);
                    case OBJECT -> NODES.numberNode(42);
                };
                default -> switch (field.kind()) {
                    case TEXT, CODE -> NODES.objectNode().put("value", "x");
                    case DATE -> NODES.stringNode("yesterday");
                    case NUMBER -> NODES.stringNode("3,000 บาท");
                    case BOOLEAN -> NODES.stringNode("ใช่");
                    case OBJECT -> NODES.arrayNode().add("x");
                };
            };
            return with(json, valid, field, value, "wrong type " + value + " for " + field.path());
        });
    }

    /** A text field just past its limit or far past it, in Thai and Latin, or a code of a megabyte. */
    public static Arbitrary<Body> pastTheLimit(JsonMapper json, ObjectNode valid, List<Field> fields) {
        List<Field> long_ = fields.stream().filter(f -> f.kind() == Kind.TEXT && f.max() > 0 || f.kind() == Kind.CODE)
                .toList();
        return Combinators.combine(Arbitraries.of(long_), Arbitraries.integers().between(1, 5_000),
                Arbitraries.of("ก", "a", "\u0E01\u0E34", "😀", "<script>")).as((field, extra, unit) -> {
            int limit = field.kind() == Kind.CODE ? 1_000_000 : field.max();
            int length = extra > 4_000 ? limit * 4 + extra : limit + extra;
            String value = unit.repeat(length / unit.length() + 1);
            return with(json, valid, field, NODES.stringNode(value), field.path() + " of " + value.length() + " chars");
        });
    }

    /** A field that should be a scalar or a small object holding tens of thousands of entries. */
    public static Arbitrary<Body> hugeArray(JsonMapper json, ObjectNode valid, List<Field> fields) {
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.integers().between(10_000, 100_000))
                .as((field, size) -> {
                    ArrayNode array = NODES.arrayNode();
                    for (int i = 0; i < size; i++) {
                        array.add(i);
                    }
                    return with(json, valid, field, array, field.path() + " as an array of " + size);
                });
    }

    /** 1,000 to 10,000 levels of [ or {, as the whole body or as one field's value; closed or not. */
    public static Arbitrary<Body> deeplyNested(JsonMapper json, ObjectNode valid, List<Field> fields) {
        String text = json.writeValueAsString(valid);
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.integers().between(1_000, 10_000),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((field, depth, arrays, whole, closed) -> {
                    String open = arrays ? "[" : "{\"a\":";
                    String close = arrays ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
                    String label = depth + " levels of " + (arrays ? "[" : "{") + (closed ? "" : " (unclosed)");
                    if (whole) {
                        return new Body(label + " as the body", nested);
                    }
                    String placeholder = "\"__HOSTILE__\"";
                    String body = with(json, valid, field, NODES.stringNode("__HOSTILE__"), "").json();
                    return new Body(label + " in " + field.path(), body.replace(placeholder, nested));
                });
    }

    /** A code field (agency, category, enumeration) with odd Unicode added or alone, or as a lone surrogate. */
    public static Arbitrary<Body> oddCodes(JsonMapper json, ObjectNode valid, List<Field> fields) {
        List<Field> codes = fields.stream().filter(f -> f.kind() == Kind.CODE).toList();
        return Combinators.combine(Arbitraries.of(codes), Arbitraries.of(ODD_UNICODE),
                Arbitraries.integers().between(0, 3)).as((field, odd, where) -> {
                    String code = textAt(valid, field.path());
                    if (where == 3) {
                        // a lone surrogate escaped in the JSON text
                        String escape = LONE_SURROGATE_ESCAPES.get(code.length() % LONE_SURROGATE_ESCAPES.size());
                        String body = with(json, valid, field, NODES.stringNode("__HOSTILE__"), "").json();
                        return new Body("lone surrogate in " + field.path(),
                                body.replace("__HOSTILE__", code + escape));
                    }
                    // Control characters at either end of an enumeration code are trimmed by Jackson's lookup
                    // (the clean code is what gets stored): put them inside the code instead.
                    boolean trimmed = odd.charAt(0) <= ' ';
                    int half = code.length() / 2;
                    String value = switch (where) {
                        case 0 -> trimmed ? code.substring(0, half) + odd + code.substring(half) : odd + code;
                        case 1 -> trimmed ? code.substring(0, half) + odd + code.substring(half) : code + odd;
                        default -> odd.repeat(3);
                    };
                    return with(json, valid, field, NODES.stringNode(value),
                            field.path() + " = " + escapeForLabel(value));
                });
    }

    /** A number at a parser's limits in place of any field (the body stays well-formed JSON). */
    public static Arbitrary<Body> extremeNumbers(JsonMapper json, ObjectNode valid, List<Field> fields) {
        List<Field> numeric = fields.stream().filter(f -> f.kind() != Kind.TEXT).toList();
        return Combinators.combine(Arbitraries.of(numeric), Arbitraries.of(EXTREME_NUMBERS)).as((field, number) -> {
            String body = with(json, valid, field, NODES.stringNode("__HOSTILE__"), "").json();
            return new Body(field.path() + " = " + number, body.replace("\"__HOSTILE__\"", number));
        });
    }

    /** A required field removed or set to null. */
    public static Arbitrary<Body> missingRequired(JsonMapper json, ObjectNode valid, List<Field> fields) {
        return Combinators.combine(Arbitraries.of(fields.stream().filter(Field::mandatory).toList()), Arbitraries.of(true, false)).as((field, remove) -> {
            ObjectNode copy = valid.deepCopy();
            ObjectNode parent = parentOf(copy, field.path());
            String name = field.path().substring(field.path().lastIndexOf('.') + 1);
            if (remove) {
                parent.remove(name);
            } else {
                parent.putNull(name);
            }
            return new Body(field.path() + (remove ? " missing" : " null"), json.writeValueAsString(copy));
        });
    }

    /** Bodies that are not a JSON object at all. */
    public static Arbitrary<Body> notAnObject() {
        return Arbitraries.of("", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "}", "{}}", "\u0000",
                "{\"a\":1,}", "{'agency':'x'}", "{\"a\" 1}", "\uFEFF{}", "NaN", "[" + "1,".repeat(50_000) + "1]")
                .map(text -> new Body("not an object", text));
    }

    /** Odd but possibly valid free text: Thai with combining marks alone or stacked, zero-width, bidi, emoji. */
    public static Arbitrary<String> oddText(int minLength, int maxLength) {
        Arbitrary<String> piece = Arbitraries.oneOf(List.of(
                Arbitraries.of("ก", "ข", "ค", "น", "ม", "ร้อง", "เรียน", "ทุจริต", "a", "Z", "1", " ", "<script>", "&amp;",
                        "'", "\"", "\\", "=", "+"),
                Arbitraries.of("\u0E31", "\u0E34", "\u0E35", "\u0E47", "\u0E48", "\u0E49", "\u0E4A", "\u0E4B", "\u0E4C",
                        "\u0E34\u0E48\u0E48\u0E48", "\u0E38\u0E39"),
                Arbitraries.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"),
                Arbitraries.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"),
                Arbitraries.of("\uD83D\uDE00", "\uD83C\uDDF9\uD83C\uDDED", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                        "\u2764\uFE0F", "\uD83D\uDC4D\uD83C\uDFFD")));
        return piece.list().ofMinSize(1).ofMaxSize(maxLength).map(list -> String.join("", list))
                .filter(text -> text.strip().length() >= minLength && text.length() <= maxLength);
    }

    /**
     * The property every hostile body must satisfy: a 4xx answer as problem details with a type and a title in
     * English or Thai, and no trace of the server's insides.
     */
    public static void assertRefusedAsProblem(JsonMapper json, Body body, HttpResponse<String> response) {
        String failure = whyNotRefused(json, body, response);
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    /** Every hostile body sent, and what was wrong with each answer that broke the property (none, to pass). */
    public static void assertAllRefused(JsonMapper json, Stream<Body> bodies,
            java.util.function.Function<Body, HttpResponse<String>> send) {
        List<String> failures = bodies.map(body -> whyNotRefused(json, body, send.apply(body)))
                .filter(java.util.Objects::nonNull).toList();
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " hostile bodies not refused as problem details:\n"
                    + String.join("\n", failures.stream().limit(15).toList()));
        }
    }

    /** Null when the answer is a 4xx problem details without the server's insides, else what is wrong. */
    public static String whyNotRefused(JsonMapper json, Body body, HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String text = response.body() == null ? "" : response.body();
        String failure = null;
        if (status < 400 || status > 499) {
            failure = "status " + status;
        } else if (!contentType.startsWith("application/problem+json")) {
            failure = "Content-Type " + contentType;
        } else if (text.contains("Exception") || text.contains("\tat ") || text.contains("at th.integrity")
                || text.contains("at org.springframework") || text.contains("at java.")) {
            failure = "a stack trace or exception in the body";
        } else {
            JsonNode problem;
            try {
                problem = json.readTree(text);
            } catch (RuntimeException notJson) {
                problem = null;
            }
            if (problem == null || !problem.path("type").isString()
                    || !(problem.path("title").isString() || problem.path("title_th").isString())) {
                failure = "no problem details with type and title";
            }
        }
        return failure == null ? null : failure + " for " + body + "\n-> " + status + " " + contentType + " "
                + (text.length() > 300 ? text.substring(0, 300) : text);
    }

    public static String escapeForLabel(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(40).forEach(cp -> {
            if (cp < 0x20 || cp >= 0x7F) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static Body with(JsonMapper json, ObjectNode valid, Field field, JsonNode value, String label) {
        ObjectNode copy = valid.deepCopy();
        ObjectNode parent = parentOf(copy, field.path());
        parent.set(field.path().substring(field.path().lastIndexOf('.') + 1), value);
        return new Body(label, json.writeValueAsString(copy));
    }

    private static String textAt(ObjectNode valid, String path) {
        JsonNode node = valid;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? "" : node.asString();
    }

    private static ObjectNode parentOf(ObjectNode root, String path) {
        ObjectNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        return node;
    }
}
