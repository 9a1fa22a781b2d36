package th.integrity.platform.web;

import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;

import org.springframework.context.MessageSource;

import th.integrity.platform.text.Texts;

/**
 * Renders a constraint violation in English and in Thai, whatever language the request came in.
 *
 * <p>A constraint's message should be a key, e.g. {@code @Size(message = "{complaints.details.size}")},
 * with the text in the service's {@code messages.properties} (English) and {@code messages_th.properties}
 * (Thai); Boot's validator resolves such keys through the message source, and the constraint's attributes
 * ({@code {min}}, {@code {max}}) are filled in as usual. Constraints left with their built-in message get
 * English from Hibernate Validator and Thai from the platform's {@code platform-messages_th.properties}.
 */
final class ViolationMessages {

    static final Locale THAI = Texts.THAI;

    private static final String BUILT_IN = "{jakarta.validation.constraints.";


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

    /**
     * The service's own Thai text wins; a built-in constraint without one gets the platform bundle's Thai
     * (Hibernate Validator ships no Thai), which keeps the constraint's {@code {min}}-style placeholders.
     */
    private String thaiTemplate(String template) {
        if (!template.startsWith(BUILT_IN) || !template.endsWith("}")) {
            return template;
        }
        String key = template.substring(1, template.length() - 1);
        String own = messageSource == null ? null : messageSource.getMessage(key, null, null, THAI);
        return own == null && Texts.has(key) ? Texts.in(THAI, key) : template;
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
