package th.integrity.stats.publication;

import java.util.List;
import java.util.Set;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import th.integrity.platform.web.ProblemException;
import th.integrity.platform.web.ProblemType;
import th.integrity.stats.StatsProblems;

/** Picks the representation of a publication: the {@code format} parameter first, else the {@code Accept} header. */
public final class Formats {

    public static final String JSON = "json";
    public static final String CSV = "csv";
    public static final String HTML = "html";
    public static final String SVG = "svg";
    public static final String DCAT = "dcat";
    /** The agency's own report layout (printable HTML), see {@link SeedLayout}. */
    public static final String SEED = "seed";
    /** The same as CSV. */
    public static final String SEED_CSV = "seed-csv";

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    public static final MediaType IMAGE_SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");
    public static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

    private Formats() {
    }

    public static String choose(String format, String accept, Set<String> supported) {
        if (format != null) {
            if (!supported.contains(format)) {
                throw StatsProblems.invalidParameter("format", "stats.problem.format", supported);
            }
            return format;
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        types = new java.util.ArrayList<>(types);
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable: ties keep order
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            String chosen = type.isWildcardType() ? JSON
                    : type.isCompatibleWith(LD_JSON) && !type.isWildcardSubtype() ? DCAT
                    : type.isCompatibleWith(MediaType.APPLICATION_JSON) ? JSON
                    : type.isCompatibleWith(MediaType.TEXT_HTML) ? HTML
                    : type.isCompatibleWith(TEXT_CSV) ? CSV
                    : type.isCompatibleWith(IMAGE_SVG) ? SVG : null;
            if (chosen != null && supported.contains(chosen)) {
                return chosen;
            }
        }
        throw ProblemException.of(ProblemType.NOT_ACCEPTABLE, "stats.problem.not-acceptable",
                String.join("|", supported));
    }
}
