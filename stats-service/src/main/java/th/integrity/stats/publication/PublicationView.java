package th.integrity.stats.publication;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * A publication as the public API shows it: what it is, its revision and whether it is current, who published
 * it and when, its checksum, the correction chain, links to every format, and (single reads) the frozen table.
 *
 * @param status           {@code CURRENT}, or {@code SUPERSEDED} once a correction replaced it
 * @param publishedAt      ISO-8601 with the Bangkok offset
 * @param publishedOnTh    that day in Thai, Buddhist Era
 * @param supersedes       the revision this one corrects, or {@code null}
 * @param correctionReason why this revision was made, or {@code null} for a first publication
 * @param supersededBy     the correction that replaced this one, or {@code null}
 * @param table            the frozen table (absent in lists); its canonical JSON hashes to {@code checksum.value}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PublicationView(
        String id,
        String kind,
        String agency,
        @JsonProperty("agencyName_th") String agencyNameTh,
        int fiscalYear,
        String through,
        String round,
        int revision,
        String status,
        String publishedAt,
        @JsonProperty("publishedOn_th") String publishedOnTh,
        Publication.Publisher publishedBy,
        Checksum checksum,
        String supersedes,
        String correctionReason,
        Successor supersededBy,
        Map<String, String> links,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode table) {

    public boolean current() {
        return supersededBy == null;
    }

    /** @param value lower-case hex SHA-256 of the canonical JSON of {@code table} */
    public record Checksum(String algorithm, String value) {
    }

    /** The revision that replaced a publication, and why. */
    public record Successor(String id, int revision, String reason, String publishedAt) {
    }
}
