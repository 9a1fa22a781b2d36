package th.integrity.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An absolute {@code http}/{@code https} URI with a host and nothing after the port. The gateway keeps the
 * request's own path, so a path here would be silently ignored; rejecting it avoids that surprise.
 */
@Documented
@Constraint(validatedBy = ServiceBaseUri.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ServiceBaseUri {

    String message() default "must be a service base URI such as http://complaints-service:8081 "
            + "(http or https, a host, optional port, no path, query or fragment)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ServiceBaseUri, URI> {

        @Override
        public boolean isValid(URI uri, ConstraintValidatorContext context) {
            if (uri == null) {
                return false;
            }
            String scheme = uri.getScheme();
            String path = uri.getRawPath();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null
                    && (path == null || path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        }
    }
}
