package th.integrity.gifts.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import th.integrity.gifts.policy.GiftsProperties;
import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.security.Role;

/**
 * Who works for each agency (reference data from configuration, {@code integrity.gifts.agencies.*.staff}): the
 * declarant's name, position and division come from here, not from the form, and the register lists whoever in
 * it has neither declared nor filed a nil return. A user missing from the directory still declares, named by the
 * token's claims ({@code name}, {@code position}, {@code division}).
 */
@Component
public class StaffDirectory {

    private final GiftsProperties properties;

    public StaffDirectory(GiftsProperties properties) {
        this.properties = properties;
    }

    /** Everyone on the agency's staff list, in the configured order. */
    public List<StaffMember> staffOf(String agency) {
        GiftsProperties.Agency settings = properties.agencies().get(agency);
        if (settings == null) {
            return List.of();
        }
        return settings.staff().stream()
                .map(e -> new StaffMember(e.username(), e.username(), e.name(), e.position(), e.division(), false))
                .toList();
    }

    /** The signed-in caller as a staff member of their agency: directory first, the token's claims after. */
    public StaffMember caller(CurrentUser user) {
        Optional<Jwt> jwt = token();
        String username = jwt.map(t -> t.getClaimAsString("preferred_username")).filter(s -> !s.isBlank())
                .orElse(user.subject());
        Optional<GiftsProperties.StaffEntry> entry = Optional.ofNullable(properties.agencies().get(user.agency()))
                .flatMap(a -> a.staff().stream()
                        .filter(e -> e.username().equals(username) || e.username().equals(user.subject()))
                        .findFirst());
        String name = entry.map(GiftsProperties.StaffEntry::name)
                .orElse(user.name() == null || user.name().isBlank() ? username : user.name());
        String position = entry.map(GiftsProperties.StaffEntry::position)
                .orElseGet(() -> jwt.map(t -> t.getClaimAsString("position")).orElse(null));
        String division = entry.map(GiftsProperties.StaffEntry::division)
                .orElseGet(() -> jwt.map(t -> t.getClaimAsString("division")).orElse(null));
        // Taken from the token, not the request body: nobody makes her own declaration look like a staff member's.
        return new StaffMember(user.subject(), username, name, position, division, user.has(Role.HEAD));
    }

    private static Optional<Jwt> token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? Optional.of(jwt.getToken()) : Optional.empty();
    }
}
