package th.integrity.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;

/**
 * The signed-in caller as the token describes them. Every query and command of a protected endpoint is
 * scoped by {@link #agency()}: records of another agency are treated as if they did not exist.
 *
 * @param secondFactor whether the token shows that they signed in with a second factor
 *                     ({@link SecondFactorProperties}); endpoints marked {@link RequiresSecondFactor} need it
 */
public record CurrentUser(String subject, String agency, String name, Set<Role> roles, boolean secondFactor) {

    /** A caller who signed in with a password alone. */
    public CurrentUser(String subject, String agency, String name, Set<Role> roles) {
        this(subject, agency, name, roles, false);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this user belongs to {@code agencyCode}; callers answer 404, not 403, when not. */
    public boolean belongsTo(String agencyCode) {
        return agency != null && agency.equals(agencyCode);
    }

    /**
     * The caller, who must belong to {@code agencyCode}. Anyone else gets the same 404 as for a record that
     * does not exist, so another agency's data cannot even be confirmed to exist.
     */
    public static CurrentUser inAgency(String agencyCode) {
        return current().filter(user -> user.belongsTo(agencyCode))
                .orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND, "platform.not-in-agency"));
    }

    /** The caller of the current request, if a valid token came with it. */
    public static Optional<CurrentUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<CurrentUser> from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return Optional.empty();
        }
        Set<Role> roles = jwt.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_"))
                .flatMap(a -> {
                    try {
                        return java.util.stream.Stream.of(Role.valueOf(a.substring(5)));
                    } catch (IllegalArgumentException unknown) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .collect(Collectors.toUnmodifiableSet());
        Object details = jwt.getDetails();
        UserClaims claims = details instanceof UserClaims c ? c : new UserClaims(null, null);
        return Optional.of(new CurrentUser(jwt.getName(), claims.agency(), claims.name(), roles,
                claims.secondFactor()));
    }

    /** What the converter read from the token besides the roles. */
    record UserClaims(String agency, String name, boolean secondFactor) {
        UserClaims(String agency, String name) {
            this(agency, name, false);
        }
    }
}
