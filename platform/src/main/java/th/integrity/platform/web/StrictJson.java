package th.integrity.platform.web;

import java.time.LocalDate;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly (found by the hostile-input property tests). Jackson by default takes any
 * integer for a yes/no (2^63 meaning "true"), an integer for a date (days since 1970) and an array for a date
 * ({@code []} meaning "no date"); and it lets a lone UTF-16 surrogate ({@code "\ud800"}) into a text, which
 * MongoDB then stores as {@code ?} — a record would not be stored as sent. Each is a 400 instead.
 */
final class StrictJson {

    private StrictJson() {
    }

    static JsonMapperBuilderCustomizer customizer() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-json")
                        .addDeserializer(LocalDate.class, new DateFromText())
                        .addDeserializer(String.class, new WellFormedText()));
    }

    /** Jackson's own date reading, except that an array ({@code []}, {@code [2025,1,2]}) is a wrong type. */
    static final class DateFromText extends ValueDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.isExpectedStartArrayToken()) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }
    }

    /** Jackson's own text reading, refusing a text with an unpaired surrogate (not Unicode, not storable). */
    static final class WellFormedText extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && hasLoneSurrogate(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "contains a lone surrogate");
            }
            return text;
        }

        static boolean hasLoneSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }
}
