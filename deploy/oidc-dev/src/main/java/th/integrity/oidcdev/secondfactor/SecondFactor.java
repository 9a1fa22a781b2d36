package th.integrity.oidcdev.secondfactor;

import java.util.List;

import org.springframework.security.core.Authentication;

/** The names the step-up shares: what is asked for, what marks a sign-in that passed it, what the tokens say. */
public final class SecondFactor {

    /** The {@code acr} value asked for ({@code acr_values}) and written into tokens after a one-time code. */
    public static final String ACR = "mfa";
    /** The authority added to the session's sign-in once the code was right. */
    public static final String AUTHORITY = "FACTOR_TOTP";
    /** Methods in {@code amr} (RFC 8176) with and without the code. */
    public static final List<String> AMR_WITH_CODE = List.of("pwd", "otp");
    public static final List<String> AMR_PASSWORD = List.of("pwd");

    public static final String PAGE = "/login/otp";
    public static final String RESUME = SecondFactor.class.getName() + ".resume";

    private SecondFactor() {
    }

    public static boolean shown(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }
}
