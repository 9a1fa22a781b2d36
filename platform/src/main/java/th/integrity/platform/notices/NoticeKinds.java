package th.integrity.platform.notices;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a service declares to switch notices on: a bean of this type turns on the platform's notices (store, API
 * under {@code /api/<service>/notices}, e-mail) in that service, and only there.
 *
 * @param service the service's path segment, e.g. {@code complaints} (API at {@code /api/complaints/notices}), also
 *                the prefix of its notice texts ({@link #bundlePrefix()})
 * @param kinds   every kind the service sends, in the order preferences list them
 */
public record NoticeKinds(String service, List<NoticeKind> kinds) {

    public NoticeKinds {
        kinds = List.copyOf(kinds);
        if (kinds.stream().map(NoticeKind::name).distinct().count() != kinds.size()) {
            throw new IllegalArgumentException("Notice kinds are named once each: " + kinds);
        }
    }

    /**
     * Where the service's bundles keep the kinds' texts, e.g. {@code complaints.notices}: {@code <prefix>.kind.<kind>}
     * (a short label, the mail's subject) and {@code <prefix>.mail.<kind>} (the mail's one sentence).
     */
    public String bundlePrefix() {
        return service + ".notices";
    }

    public Optional<NoticeKind> find(String name) {
        return kinds.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    public NoticeKind get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Notice kind not declared: " + name));
    }

    /** The kinds someone holding {@code roles} may receive, in declaration order. */
    public List<NoticeKind> receivableBy(Set<th.integrity.platform.security.Role> roles) {
        return kinds.stream().filter(k -> k.receivableBy(roles)).toList();
    }
}
