package th.integrity.stats.projection;

import java.util.Locale;

/**
 * What applying one event did to the projection, the same for complaints and gifts (the {@code outcome} tag of
 * {@code integrity_stats_events_consumed_total} and of the "Projected …" log line is its lower-case name).
 */
enum ProjectionOutcome {
    /** The first event of the document: it was created. */
    CREATED,
    /** A newer version replaced the stored one. */
    UPDATED,
    /** The stored version is the same or newer (a redelivery or a late event): nothing changed. */
    STALE;

    /** As the metric tag and the log line spell it. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
