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
import th.integrity.complaints.reference.ReferenceData;
import th.integrity.complaints.reference.ReferenceKind;

/**
 * A request that classifies a complaint with reference-data codes. Its sub-category must be one of its main
 * category's, its division one of the divisions; checked against the stored reference data, and reported with
 * every other bad field of the request.
 */
public interface Classified {

    String category();

    String subcategory();

    String division();

    @Documented
    @Constraint(validatedBy = Known.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Known {

        String message() default "{complaints.subcategory.unknown}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Created by Spring's constraint validator factory, so it gets the reference data injected. */
        class Validator implements ConstraintValidator<Known, Classified> {

            private final ReferenceData reference;

            public Validator(ReferenceData reference) {
                this.reference = reference;
            }

            @Override
            public boolean isValid(Classified value, ConstraintValidatorContext context) {
                if (value == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                boolean valid = true;
                // An unknown main category is reported on its own field already.
                if (value.subcategory() != null && value.category() != null
                        && Category.fromCode(value.category()).isPresent()
                        && !reference.isSubcategoryOf(value.subcategory(), value.category())) {
                    context.buildConstraintViolationWithTemplate("{complaints.subcategory.unknown}")
                            .addPropertyNode("subcategory").addConstraintViolation();
                    valid = false;
                }
                if (value.division() != null && !reference.exists(ReferenceKind.DIVISION, value.division())) {
                    context.buildConstraintViolationWithTemplate("{complaints.division.unknown}")
                            .addPropertyNode("division").addConstraintViolation();
                    valid = false;
                }
                return valid;
            }
        }
    }
}
