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
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import th.integrity.complaints.complaint.ReporterMode;
import th.integrity.complaints.identity.ReporterIdentity;

/**
 * Who files: {@code {mode: ANONYMOUS}} or {@code {mode: CONFIDENTIAL, name, phone?, email?}}.
 */
@ReporterInput.Consistent
public record ReporterInput(
        @NotNull(message = "{complaints.reporter.mode.required}") ReporterMode mode,
        @Size(max = 200, message = "{complaints.reporter.name.size}") String name,
        @Pattern(regexp = ThaiPhone.STORED, message = "{complaints.reporter.phone.pattern}") String phone,
        @Email(message = "{complaints.reporter.email}") @Size(max = 254, message = "{complaints.reporter.email}") String email) {

    public static final ReporterInput ANONYMOUS = new ReporterInput(ReporterMode.ANONYMOUS, null, null, null);

    public ReporterInput {
        name = blankToNull(name);
        // Thai numbers as people write them, stored in one form (ThaiPhone); anything else stays as sent and fails.
        phone = ThaiPhone.normalise(blankToNull(phone));
        email = blankToNull(email);
    }

    public ReporterIdentity identity() {
        return new ReporterIdentity(name, phone, email);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ReporterInput[mode=" + mode + ", identity=****]";
    }

    /** A confidential reporter gives a name; an anonymous one gives nothing that identifies them. */
    @Documented
    @Constraint(validatedBy = Consistent.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Consistent {

        String message() default "{complaints.reporter.name.required}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Consistent, ReporterInput> {

            @Override
            public boolean isValid(ReporterInput value, ConstraintValidatorContext context) {
                if (value == null || value.mode() == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                if (value.mode() == ReporterMode.CONFIDENTIAL && value.name() == null) {
                    context.buildConstraintViolationWithTemplate("{complaints.reporter.name.required}")
                            .addPropertyNode("name").addConstraintViolation();
                    return false;
                }
                if (value.mode() == ReporterMode.ANONYMOUS
                        && (value.name() != null || value.phone() != null || value.email() != null)) {
                    context.buildConstraintViolationWithTemplate("{complaints.reporter.anonymous}")
                            .addPropertyNode("mode").addConstraintViolation();
                    return false;
                }
                return true;
            }
        }
    }
}
