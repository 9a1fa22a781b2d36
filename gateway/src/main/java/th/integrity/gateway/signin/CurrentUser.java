package th.integrity.gateway.signin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import th.integrity.gateway.GatewayProperties.Claims;

/**
 * What the web UI may know about who is signed in ({@code GET /api/me}); never a token.
 *
 * @param authenticated whether the browser's session holds a usable sign-in
 * @param name          display name (Thai for the development users)
 * @param username      login name
 * @param agency        agency code, e.g. {@code wangthonglang}
 * @param roles         STAFF, OFFICER, HEAD, ADMIN as the provider grants them
 */
public record CurrentUser(boolean authenticated, String name, String username, String agency, List<String> roles) {

    public static final CurrentUser ANONYMOUS = new CurrentUser(false, null, null, null, List.of());

    /**
     * Reads the user from token claims, the first source that has each claim winning: the access token first
     * (what the services will act on), then the ID token and user-info claims.
     */
    static CurrentUser fromClaims(Claims names, List<Map<String, Object>> sources) {
        return new CurrentUser(true,
                text(find(names.name(), sources)),
                text(find(names.username(), sources)),
                text(find(names.agency(), sources)),
                list(find(names.roles(), sources)));
    }

    /** A claim by name; dots walk into nested objects ({@code realm_access.roles}). */
    static Object find(String name, List<Map<String, Object>> sources) {
        for (Map<String, Object> source : sources) {
            Object value = source;
            for (String part : name.split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A JSON array, or a space- or comma-separated string as some providers send. */
    private static List<String> list(Object value) {
        List<String> roles = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.stream().filter(v -> v != null).forEach(v -> roles.add(v.toString()));
        } else if (value != null) {
            for (String role : value.toString().split("[,\\s]+")) {
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            }
        }
        return List.copyOf(roles);
    }
}
