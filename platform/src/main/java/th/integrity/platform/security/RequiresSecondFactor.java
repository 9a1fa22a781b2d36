package th.integrity.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint (a controller method, or every method of a controller) needs an access token showing a second factor
 * ({@link SecondFactorProperties}): a caller who signed in with a password alone gets 401 problem details
 * {@code second-factor-required} and a {@code WWW-Authenticate: Bearer error="insufficient_user_authentication"}
 * challenge naming the {@code acr_values} to sign in again with (RFC 9470). The check runs after
 * {@code @PreAuthorize}: someone whose role does not allow the call at all is still told 403, not invited to step up.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresSecondFactor {
}
