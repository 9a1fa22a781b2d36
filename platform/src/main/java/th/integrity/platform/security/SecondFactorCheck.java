package th.integrity.platform.security;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;

import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * Enforces {@link RequiresSecondFactor}: the call goes on only when the caller's token shows a second factor,
 * otherwise 401 {@code second-factor-required} with the RFC 9470 challenge. Ordered right after
 * {@code @PreAuthorize}, so a role that may not make the call at all still gets its 403.
 */
public final class SecondFactorCheck extends AbstractPointcutAdvisor implements MethodInterceptor {

    /** 401: the token is valid but shows no second factor; the client signs in again asking for one. */
    public static final ProblemType SECOND_FACTOR_REQUIRED =
            new ProblemType("second-factor-required", HttpStatus.UNAUTHORIZED);

    private static final long serialVersionUID = 1L;

    // Looked up at the first call: an advisor is created with the post-processors, before configuration
    // properties may be (binding them that early would keep them from being post-processed).
    private final transient Supplier<SecondFactorProperties> properties;
    private final transient Pointcut pointcut = new ComposablePointcut(
            new AnnotationMatchingPointcut(null, RequiresSecondFactor.class, true))
            .union(new AnnotationMatchingPointcut(RequiresSecondFactor.class, true));

    public SecondFactorCheck(Supplier<SecondFactorProperties> properties) {
        this.properties = properties;
        setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        boolean shown = CurrentUser.current().map(CurrentUser::secondFactor).orElse(false);
        if (!shown) {
            throw refusal(properties.get());
        }
        return invocation.proceed();
    }

    /** The 401 answer, with its challenge header. */
    public static ProblemException refusal(SecondFactorProperties properties) {
        ProblemException problem = ProblemException.of(SECOND_FACTOR_REQUIRED, "platform.second-factor-required");
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, properties.challenge());
        problem.getBody().setProperty("acr_values", String.join(" ", properties.acrValues()));
        return problem;
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public org.aopalliance.aop.Advice getAdvice() {
        return this;
    }
}
