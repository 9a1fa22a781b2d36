package th.integrity.complaints.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import th.integrity.complaints.complaint.Category;

/**
 * The code of a main {@link Category}. The field is a string rather than the enum so that an unknown code
 * is reported together with every other bad field, instead of failing JSON reading on its own.
 */
@Documented
@Constraint(validatedBy = MainCategory.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface MainCategory {

    String message() default "{complaints.category.unknown}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MainCategory, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Category.fromCode(value).isPresent();
        }
    }
}
