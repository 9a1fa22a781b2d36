package th.integrity.oidcdev.secondfactor;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sits in front of the authorization endpoint: an authorization request whose {@code acr_values} asks for
 * {@value SecondFactor#ACR}, from someone signed in with a password alone, is parked in the session and the person
 * is sent to the one-time-code page ({@link SecondFactorController}); once the code is right the request resumes and
 * the tokens say {@code acr} {@value SecondFactor#ACR}. A request without acr_values goes on as before (a password
 * sign-in), and someone not signed in yet meets the password form first.
 */
public final class StepUpFilter extends OncePerRequestFilter {

    private static final String AUTHORIZE = "/oauth2/authorize";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (AUTHORIZE.equals(request.getServletPath()) && asksForSecondFactor(request.getParameter("acr_values"))
                && signedIn != null && signedIn.isAuthenticated()
                && !(signedIn instanceof AnonymousAuthenticationToken) && !SecondFactor.shown(signedIn)) {
            String query = request.getQueryString();
            request.getSession().setAttribute(SecondFactor.RESUME, AUTHORIZE + (query == null ? "" : "?" + query));
            response.sendRedirect(request.getContextPath() + SecondFactor.PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean asksForSecondFactor(String acrValues) {
        return acrValues != null && Arrays.asList(acrValues.trim().split("\\s+")).contains(SecondFactor.ACR);
    }
}
