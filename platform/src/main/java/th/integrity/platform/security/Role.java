package th.integrity.platform.security;

/**
 * The roles of the README's roles table (docs/architecture.md, "Roles"); tokens carry them without the {@code ROLE_}
 * prefix, which {@link TokenConverter} adds for Spring Security and {@link CurrentUser} strips again.
 */
public enum Role {
    STAFF, OFFICER, HEAD, ADMIN
}
