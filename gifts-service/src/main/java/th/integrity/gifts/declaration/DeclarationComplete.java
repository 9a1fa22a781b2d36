package th.integrity.gifts.declaration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import th.integrity.platform.calendar.FiscalCalendar;

/**
 * The declaration's rules that involve several fields ({@link DeclarationChecks}), checked with the single fields'
 * constraints so that one answer names every field in error (not the missing ones first, then these).
 */
@Documented
@Constraint(validatedBy = DeclarationComplete.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface DeclarationComplete {

    String message() default "{gifts.offeredOn.future}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Spring builds it, with the service's clock (tests move it). */
    class Validator implements ConstraintValidator<DeclarationComplete, DeclareGift> {

        private final Clock clock;

        Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(DeclareGift gift, ConstraintValidatorContext context) {
            if (gift == null) {
                return true;
            }
            LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
            var failed = DeclarationChecks.checks(gift, today);
            if (failed.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (DeclarationChecks.Failed check : failed) {
                context.buildConstraintViolationWithTemplate("{" + check.key() + "}")
                        .addPropertyNode(check.field()).addConstraintViolation();
            }
            return false;
        }
    }
}
