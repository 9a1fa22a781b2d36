package th.integrity.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;

import org.springframework.context.MessageSource;

/**
 * Renders a constraint violation in English and in Thai, whatever language the request came in.
 *
 * <p>A constraint's message should be a key, e.g. {@code @Size(message = "{complaints.details.size}")},
 * with the text in the service's {@code messages.properties} (English) and {@code messages_th.properties}
 * (Thai); Boot's validator resolves such keys through the message source, and the constraint's attributes
 * ({@code {min}}, {@code {max}}) are filled in as usual. Constraints left with their built-in message get
 * English from Hibernate Validator and Thai from {@link #BUILT_IN_THAI}, which has no Thai bundle of its own.
 */
final class ViolationMessages {

    static final Locale THAI = Locale.forLanguageTag("th");

    private static final String BUILT_IN = "{jakarta.validation.constraints.";

    /** Thai for the standard constraints (Hibernate Validator ships none), keyed by their message template. */
    static final Map<String, String> BUILT_IN_THAI = Map.ofEntries(
            builtIn("NotNull", "ต้องระบุค่า"),
            builtIn("NotBlank", "ต้องไม่เว้นว่าง"),
            builtIn("NotEmpty", "ต้องไม่เว้นว่าง"),
            builtIn("Null", "ต้องไม่ระบุค่า"),
            builtIn("Size", "ต้องมีขนาดระหว่าง {min} ถึง {max}"),
            builtIn("Pattern", "มีรูปแบบไม่ถูกต้อง"),
            builtIn("Email", "ต้องเป็นที่อยู่อีเมลที่ถูกต้อง"),
            builtIn("Min", "ต้องไม่น้อยกว่า {value}"),
            builtIn("Max", "ต้องไม่เกิน {value}"),
            builtIn("DecimalMin", "ต้องไม่น้อยกว่า {value}"),
            builtIn("DecimalMax", "ต้องไม่เกิน {value}"),
            builtIn("Digits", "ต้องเป็นตัวเลขไม่เกิน {integer} หลัก และทศนิยมไม่เกิน {fraction} ตำแหน่ง"),
            builtIn("Positive", "ต้องมากกว่า 0"),
            builtIn("PositiveOrZero", "ต้องไม่น้อยกว่า 0"),
            builtIn("Negative", "ต้องน้อยกว่า 0"),
            builtIn("NegativeOrZero", "ต้องไม่มากกว่า 0"),
            builtIn("Past", "ต้องเป็นวันเวลาในอดีต"),
            builtIn("PastOrPresent", "ต้องเป็นวันเวลาในอดีตหรือปัจจุบัน"),
            builtIn("Future", "ต้องเป็นวันเวลาในอนาคต"),
            builtIn("FutureOrPresent", "ต้องเป็นวันเวลาในปัจจุบันหรืออนาคต"),
            builtIn("AssertTrue", "ต้องเป็นจริง"),
            builtIn("AssertFalse", "ต้องเป็นเท็จ"));

    private final MessageInterpolator interpolator;
    private final MessageSource messageSource;

    ViolationMessages(MessageInterpolator interpolator, MessageSource messageSource) {
        this.interpolator = interpolator;
        this.messageSource = messageSource;
    }

    FieldProblem describe(String field, ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        Context context = new Context(violation);
        String english = interpolator.interpolate(template, context, Locale.ENGLISH);
        String thai = interpolator.interpolate(thaiTemplate(template), context, THAI);
        return new FieldProblem(field, english, thai);
    }

    /** The service's own Thai text wins; a built-in constraint without one gets ours. */
    private String thaiTemplate(String template) {
        String builtIn = BUILT_IN_THAI.get(template);
        if (builtIn == null) {
            return template;
        }
        String key = template.substring(1, template.length() - 1);
        String own = messageSource == null ? null : messageSource.getMessage(key, null, null, THAI);
        return own == null ? builtIn : template;
    }

    private static Map.Entry<String, String> builtIn(String constraint, String thai) {
        return Map.entry(BUILT_IN + constraint + ".message}", thai);
    }

    /** What the interpolator may ask about the violation: its constraint's attributes and the value. */
    private record Context(ConstraintViolation<?> violation) implements MessageInterpolator.Context {

        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return violation.getConstraintDescriptor();
        }

        @Override
        public Object getValidatedValue() {
            return violation.getInvalidValue();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new ValidationException("Cannot unwrap to " + type.getName());
        }
    }
}
