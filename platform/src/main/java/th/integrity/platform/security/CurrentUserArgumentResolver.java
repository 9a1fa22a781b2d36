package th.integrity.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * Gives a controller method its caller as a parameter, {@code CurrentUser user}, so the caller reaches application
 * code one way: passed down from the web layer, never looked up statically further in. A request without a valid
 * token never gets this far on a protected path; on a public one it is answered 401, as Spring Security would.
 */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public CurrentUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        return CurrentUser.current()
                .orElseThrow(() -> ProblemException.of(ProblemType.UNAUTHENTICATED, "platform.unauthenticated"));
    }
}
