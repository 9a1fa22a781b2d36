package th.integrity.stats.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import th.integrity.platform.events.CloudEvent;

/**
 * Binds a record's CloudEvents JSON into records (Jackson) and checks them (Bean Validation): the event contracts of
 * docs/events.md as annotations rather than field-by-field tree checks. Strict about types (a number is not a
 * string, {@code "1"} is not a number, an instant is an ISO-8601 string), lenient about what it does not know
 * (extension attributes and fields added to {@code data} are ignored). Anything else is an
 * {@link InvalidEventException}: the record goes to the dead-letter topic.
 */
final class EventBinder {

    /** Agency codes end up in document ids ({@code agency:caseId}) and URLs: no colon, no spaces. */
    static final String AGENCY = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** A code that may be absent ({@code null}) but is never blank when present. */
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final int MAX_CODE_LENGTH = 128;

    /**
     * Whether {@code type} is one of a contract's {@code types}: false for another contract's or version's (skipped,
     * docs/operations.md, "Upgrade order"); a type that claims the contract ({@code claims}) without being one of
     * its types is invalid.
     *
     * @throws InvalidEventException for a type that claims the contract but is not in it
     */
    static boolean ofContract(String type, Set<String> types, java.util.regex.Pattern claims, String contract) {
        if (types.contains(type)) {
            return true;
        }
        if (claims.matcher(type).matches()) {
            throw new InvalidEventException("type " + type + " is not a " + contract + " event type " + types);
        }
        return false;
    }

    private final JsonMapper json;
    private final Validator validator;

    EventBinder(JsonMapper json, Validator validator) {
        this.json = json.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Instants and dates as ISO-8601 strings only: Jackson's own also take epoch numbers and arrays.
                .addModule(new SimpleModule("iso-8601-strings")
                        .addDeserializer(Instant.class, new IsoString<>(Instant.class, Instant::parse))
                        .addDeserializer(LocalDate.class, new IsoString<>(LocalDate.class, LocalDate::parse)))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .build();
        this.validator = validator;
    }

    /** A temporal value from an ISO-8601 string and nothing else. */
    private static final class IsoString<T> extends StdDeserializer<T> {

        private final Function<String, T> parse;

        IsoString(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, handledType(), "not ISO-8601");
            }
        }
    }

    /**
     * The CloudEvents 1.0 envelope in structured JSON mode. {@code data} stays a tree until the type says which
     * record it is; {@code traceparent}/{@code tracestate} stay trees because trace context never makes an event
     * invalid (a malformed one starts a new trace).
     */
    record Envelope(
            @NotNull @Pattern(regexp = "1\\.0", message = "must be 1.0") String specversion,
            @NotBlank @Size(max = 256) String id,
            @NotBlank @Size(max = 1024) String source,
            @NotBlank @Size(max = 256) String type,
            Instant time,
            JsonNode data,
            JsonNode traceparent,
            JsonNode tracestate) {

        /** The W3C trace context, or {@code null} when absent or not a string of sane length. */
        String traceContext(JsonNode value) {
            return value != null && value.isString() && value.asString().length() <= 8192 ? value.asString() : null;
        }
    }

    /** Parses and checks the envelope (specversion, id, type, source present; time an instant if present). */
    Envelope envelope(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        return bind(root, Envelope.class, "");
    }

    /**
     * {@code data} of {@code envelope}, bound into {@code type} and validated, after checking that the event comes
     * from where its contract says: {@code source} is exactly {@code /agencies/{data.agency}/{producer}}, the
     * source the producing service writes (an allowlist of one per agency, never "anything that parses").
     */
    <T extends AgencyData> T data(Envelope envelope, Class<T> type, String producer) {
        if (envelope.data() == null || !envelope.data().isObject()) {
            throw new InvalidEventException("data must be a JSON object");
        }
        T data = bind(envelope.data(), type, "data.");
        String expected = CloudEvent.source(data.agency(), producer);
        if (!expected.equals(envelope.source())) {
            throw new InvalidEventException("source must be " + expected + " for a " + envelope.type()
                    + " event of agency " + data.agency() + ", was " + envelope.source());
        }
        return data;
    }

    /** The data of every contract names its agency, which the source must name too. */
    interface AgencyData {
        String agency();
    }

    private <T> T bind(JsonNode node, Class<T> type, String prefix) {
        T bound;
        try {
            bound = json.treeToValue(node, type);
        } catch (JacksonException e) {
            String path = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            throw new InvalidEventException(prefix + path + ": " + e.getOriginalMessage(), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(bound);
        if (!violations.isEmpty()) {
            Set<String> problems = new TreeSet<>();
            violations.forEach(v -> problems.add(prefix + v.getPropertyPath() + " " + v.getMessage()));
            throw new InvalidEventException(String.join("; ", List.copyOf(problems)));
        }
        return bound;
    }
}
