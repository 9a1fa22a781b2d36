package th.integrity.stats.publication;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published statistics table, frozen: written once, never updated. A correction is a new document of the same
 * series with the next revision and {@code supersedes} naming this one; whether a publication is superseded is
 * read from its successor, so nothing here ever changes after the insert. The unique (series, revision) index
 * makes two concurrent publications or corrections of the same revision impossible.
 *
 * @param id          public id (UUID)
 * @param kind        {@code COMPLAINTS} or {@code GIFTS}
 * @param series      what is published, e.g. {@code COMPLAINTS:wangthonglang:2568:2025-03}; revisions count per series
 * @param through     last month, {@code YYYY-MM} (complaints)
 * @param round       {@code H1} or {@code FY} (gifts)
 * @param revision    1 for the first publication, +1 per correction
 * @param supersedes  id of the revision this one corrects, or {@code null}
 * @param reason      why this correction was made, or {@code null} for a first publication
 * @param publishedBy the ADMIN's subject and display name
 * @param checksum    SHA-256 (hex) of {@code content}
 * @param content     the table, as canonical JSON (see {@link CanonicalJson})
 */
@Document(Publication.COLLECTION)
@CompoundIndex(name = "series_revision", def = "{'series': 1, 'revision': 1}", unique = true)
@CompoundIndex(name = "agency_fiscalYear", def = "{'agency': 1, 'fiscalYear': 1}")
record Publication(
        @Id String id,
        String kind,
        String series,
        String agency,
        int fiscalYear,
        String through,
        String round,
        int revision,
        @Indexed String supersedes,
        String reason,
        Instant publishedAt,
        Publisher publishedBy,
        String checksum,
        String content) {

    public static final String COLLECTION = "publications";

    /** Who published it: the token's subject and display name. */
    public record Publisher(String subject, String name) {
    }
}
