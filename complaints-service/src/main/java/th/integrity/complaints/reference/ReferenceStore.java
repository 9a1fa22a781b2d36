package th.integrity.complaints.reference;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Collection {@code reference}: the only class that reads or writes it. */
@Component
class ReferenceStore {

    private final MongoTemplate mongo;

    ReferenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Inserts {@code entry} unless an entry with its id exists (an existing one is never overwritten).
     *
     * @return whether it was inserted
     * @throws org.springframework.dao.DuplicateKeyException when another instance inserted it at the same moment
     */
    boolean insertIfAbsent(ReferenceEntry entry) {
        Update onInsert = new Update().setOnInsert("kind", entry.kind()).setOnInsert("code", entry.code())
                .setOnInsert("parent", entry.parent()).setOnInsert("labelTh", entry.labelTh())
                .setOnInsert("labelEn", entry.labelEn()).setOnInsert("order", entry.order());
        return mongo.upsert(new Query(Criteria.where("_id").is(entry.id())), onInsert, ReferenceEntry.class)
                .getUpsertedId() != null;
    }

    /** Every entry, by kind, order and code. */
    List<ReferenceEntry> all() {
        return mongo.find(new Query().with(Sort.by("kind", "order", "code")), ReferenceEntry.class);
    }

    Optional<ReferenceEntry> find(ReferenceKind kind, String code) {
        return Optional.ofNullable(mongo.findById(ReferenceEntry.id(kind, code), ReferenceEntry.class));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when an entry with that code exists */
    void insert(ReferenceEntry entry) {
        mongo.insert(entry);
    }

    /** @return whether an entry of that kind and code was there to relabel */
    boolean relabel(ReferenceKind kind, String code, String labelTh, String labelEn) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(ReferenceEntry.id(kind, code))),
                new Update().set("labelTh", labelTh).set("labelEn", labelEn), ReferenceEntry.class)
                .getMatchedCount() > 0;
    }
}
