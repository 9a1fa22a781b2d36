package th.integrity.platform.security;

/** The roles of DESIGN.md's table; tokens carry them without the {@code ROLE_} prefix. */
public enum Role {
    STAFF, OFFICER, HEAD, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
