package th.integrity.complaints.reference;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Reference data in MongoDB (collection {@code reference}): seeded at start-up with the entries that are
 * missing (an ADMIN's renames survive restarts), read fresh on every use so every instance sees an edit at once.
 */
@Service
public class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private final ReferenceStore store;
    private volatile boolean seeded;

    ReferenceData(ReferenceStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAtStartUp() {
        try {
            seed();
        } catch (RuntimeException e) {
            // MongoDB may still be starting: the first use seeds instead.
            log.warn("Reference data not seeded yet: {}", e.toString());
        }
    }

    /** Inserts each seed entry that is absent; never overwrites an existing one. */
    public void seed() {
        int added = 0;
        for (ReferenceEntry entry : ReferenceSeed.entries()) {
            try {
                added += store.insertIfAbsent(entry) ? 1 : 0;
            } catch (DuplicateKeyException raced) {
                // another instance seeded it at the same moment
            }
        }
        seeded = true;
        if (added > 0) {
            log.info("Seeded {} reference data entries", added);
        }
    }

    public List<ReferenceEntry> all() {
        ensureSeeded();
        return store.all();
    }

    public Optional<ReferenceEntry> find(ReferenceKind kind, String code) {
        if (code == null) {
            return Optional.empty();
        }
        ensureSeeded();
        return store.find(kind, code);
    }

    public boolean isSubcategoryOf(String subcategory, String category) {
        return find(ReferenceKind.SUBCATEGORY, subcategory).map(e -> e.parent().equals(category)).orElse(false);
    }

    public boolean exists(ReferenceKind kind, String code) {
        return find(kind, code).isPresent();
    }

    /** @return false when an entry with that code already exists */
    public boolean add(ReferenceEntry entry) {
        ensureSeeded();
        try {
            store.insert(entry);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /** @return the relabelled entry, or empty when there is none */
    public Optional<ReferenceEntry> relabel(ReferenceKind kind, String code, String labelTh, String labelEn) {
        ensureSeeded();
        return store.relabel(kind, code, labelTh, labelEn) ? find(kind, code) : Optional.empty();
    }

    private void ensureSeeded() {
        if (!seeded) {
            seed();
        }
    }
}
