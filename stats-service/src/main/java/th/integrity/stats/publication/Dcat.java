package th.integrity.stats.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DCAT metadata of a publication as JSON-LD, for CKAN harvesters (the national portal runs CKAN with
 * ckanext-dcat): a {@code dcat:Dataset} with title, publisher, temporal coverage, issued (first revision),
 * modified (this revision), version, version notes, licence and one distribution per format.
 *
 * <p>Licence: Creative Commons Attribution 4.0 (CC BY 4.0), the licence the Thai government's
 * "Open Data Common" licence is modelled on and that CKAN portals list as open.
 */
final class Dcat {

    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    public static final String LICENSE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)";

    /** Media type and title of every format a distribution or a link names. */
    private static final Map<String, String[]> FORMATS = Map.of(
            Formats.JSON, new String[] { "application/json", "JSON" },
            Formats.CSV, new String[] { "text/csv", "CSV" },
            Formats.HTML, new String[] { "text/html", "HTML" },
            Formats.SVG, new String[] { "image/svg+xml", "SVG" },
            Formats.SEED, new String[] { "text/html", "HTML (แบบรายงานของหน่วยงาน / the agency's report layout)" },
            Formats.SEED_CSV, new String[] { "text/csv", "CSV (แบบรายงานของหน่วยงาน / the agency's report layout)" });

    private Dcat() {
    }

    /** The formats of a publication of {@code kind}, in order: a complaint table also has the seed layout. */
    static List<String> formats(String kind) {
        return PublicationService.COMPLAINTS.equals(kind)
                ? List.of(Formats.JSON, Formats.CSV, Formats.HTML, Formats.SVG, Formats.SEED, Formats.SEED_CSV)
                : List.of(Formats.JSON, Formats.CSV, Formats.HTML, Formats.SVG);
    }

    /**
     * @param base      absolute URL of the service (or gateway) root, no trailing slash
     * @param view      the publication
     * @param titleTh   the table's Thai title
     * @param titleEn   its English title
     * @param from      first day of the period
     * @param to        last day
     * @param issuedAt  when revision 1 was published
     */
    public static Map<String, Object> dataset(String base, PublicationView view, String titleTh, String titleEn,
            String from, String to, String issuedAt) {
        String self = base + "/api/stats/publications/" + view.id();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("owl", "http://www.w3.org/2002/07/owl#");
        context.put("adms", "http://www.w3.org/ns/adms#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("@context", context);
        dataset.put("@id", self);
        dataset.put("@type", "dcat:Dataset");
        dataset.put("dct:identifier", view.id());
        dataset.put("dct:title", List.of(text(titleTh, "th"), text(titleEn, "en")));
        dataset.put("dct:description", List.of(
                text(titleTh + " ระหว่างวันที่ " + from + " ถึง " + to + " ฉบับที่ " + view.revision(), "th"),
                text(titleEn + ", " + from + " to " + to + ", revision " + view.revision(), "en")));
        dataset.put("dct:publisher", Map.of("@type", "foaf:Organization", "foaf:name", view.agencyNameTh(),
                "dct:identifier", view.agency()));
        dataset.put("dct:temporal", Map.of("@type", "dct:PeriodOfTime",
                "dcat:startDate", typed(from, "xsd:date"), "dcat:endDate", typed(to, "xsd:date")));
        dataset.put("dct:issued", typed(issuedAt, "xsd:dateTime"));
        dataset.put("dct:modified", typed(view.publishedAt(), "xsd:dateTime"));
        dataset.put("owl:versionInfo", String.valueOf(view.revision()));
        dataset.put("adms:versionNotes", view.correctionReason() == null
                ? List.of(text("ฉบับแรก", "th"), text("First publication", "en"))
                : List.of(text(view.correctionReason(), "th")));
        dataset.put("dct:license", Map.of("@id", LICENSE));
        dataset.put("dct:language", Map.of("@id", "http://id.loc.gov/vocabulary/iso639-1/th"));
        dataset.put("dcat:keyword", List.of(text("เรื่องร้องเรียน", "th"), text("ทุจริต", "th"),
                text("ITA", "th"), text("complaints", "en")));
        if (view.supersedes() != null) {
            dataset.put("dct:replaces", Map.of("@id", base + "/api/stats/publications/" + view.supersedes()));
        }
        if (view.supersededBy() != null) {
            dataset.put("dct:isReplacedBy", Map.of("@id",
                    base + "/api/stats/publications/" + view.supersededBy().id()));
        }
        dataset.put("adms:status", Map.of("@id", view.current()
                ? "http://purl.org/adms/status/Completed" : "http://purl.org/adms/status/Deprecated"));
        List<Object> distributions = new ArrayList<>();
        for (String key : formats(view.kind())) {
            String[] format = FORMATS.get(key);
            String url = self + "?format=" + key;
            Map<String, Object> distribution = new LinkedHashMap<>();
            distribution.put("@id", url);
            distribution.put("@type", "dcat:Distribution");
            distribution.put("dct:title", format[1]);
            distribution.put("dcat:accessURL", Map.of("@id", url));
            distribution.put("dcat:downloadURL", Map.of("@id", url));
            distribution.put("dcat:mediaType", Map.of("@id", "https://www.iana.org/assignments/media-types/" + format[0]));
            distribution.put("dct:format", key.equals(Formats.SEED_CSV) ? "CSV" : key.equals(Formats.SEED) ? "HTML"
                    : format[1]);
            distribution.put("dct:license", Map.of("@id", LICENSE));
            distributions.add(distribution);
        }
        dataset.put("dcat:distribution", distributions);
        return dataset;
    }

    private static Map<String, String> text(String value, String language) {
        return Map.of("@value", value, "@language", language);
    }

    private static Map<String, String> typed(String value, String type) {
        return Map.of("@value", value, "@type", type);
    }
}
