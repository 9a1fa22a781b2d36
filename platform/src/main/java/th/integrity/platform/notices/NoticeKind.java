package th.integrity.platform.notices;

import java.util.Set;

import th.integrity.platform.security.Role;

/**
 * One kind of notice a service sends, e.g. {@code complaint-new}: its name on the wire, in the bundles and in the UI,
 * and the roles whose holders may receive it (and so see it among their preferences).
 *
 * @param name  lower-case words joined by hyphens
 * @param roles who may receive it
 */
public record NoticeKind(String name, Set<Role> roles) {

    public NoticeKind {
        if (name == null || !name.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("A notice kind is lower-case words joined by hyphens: " + name);
        }
        roles = Set.copyOf(roles);
    }

    public static NoticeKind of(String name, Role... roles) {
        return new NoticeKind(name, Set.of(roles));
    }

    /** Whether someone holding {@code held} may receive this kind. */
    public boolean receivableBy(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }
}
