package th.integrity.complaints.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import th.integrity.complaints.ComplaintsProperties;

/**
 * The code of an agency that takes complaints ({@code integrity.complaints.agencies}): a typo must not open a
 * phantom agency whose complaints nobody reads. A code of the wrong shape is {@code @Pattern}'s to report, so
 * each bad value is reported once.
 */
@Documented
@Constraint(validatedBy = KnownAgency.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownAgency {

    String message() default "{complaints.agency.unknown}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownAgency, String> {

        private final Set<String> known;

        public Validator(ComplaintsProperties properties) {
            this.known = Set.copyOf(properties.agencies());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !value.matches(SubmitComplaint.AGENCY_CODE) || known.contains(value);
        }
    }
}
