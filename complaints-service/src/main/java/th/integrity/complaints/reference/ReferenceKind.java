package th.integrity.complaints.reference;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lists of reference data. Kinds backed by an enumeration of the event contract (categories, channels,
 * statuses, closure reasons) may only be relabelled; the others may also be extended by an ADMIN.
 */
public enum ReferenceKind {

    CATEGORY("categories", false),
    SUBCATEGORY("subcategories", true),
    CHANNEL("channels", false),
    DIVISION("divisions", true),
    STATUS("statuses", false),
    CLOSURE_REASON("closure-reasons", false),
    FORWARDING_BODY("forwarding-bodies", true);

    private final String path;
    private final boolean extensible;

    ReferenceKind(String path, boolean extensible) {
        this.path = path;
        this.extensible = extensible;
    }

    /** How the kind is named in URLs, e.g. {@code forwarding-bodies}. */
    public String path() {
        return path;
    }

    public boolean extensible() {
        return extensible;
    }

    public static Optional<ReferenceKind> fromPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
