package th.integrity.stats.publication;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The publications collection: the only class that touches MongoDB for publications. A publication is inserted
 * once and never changed; the unique (series, revision) index turns a second insert of the same revision into a
 * {@link org.springframework.dao.DuplicateKeyException}.
 */
@Component
class PublicationStore {

    private final MongoTemplate mongo;

    PublicationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when this revision of the series exists already */
    void insert(Publication publication) {
        mongo.insert(publication);
    }

    Optional<Publication> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, Publication.class));
    }

    Optional<Publication> successor(String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("supersedes").is(id)), Publication.class));
    }

    Optional<Publication> latest(String series) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("series").is(series))
                .with(Sort.by(Sort.Direction.DESC, "revision")).limit(1), Publication.class));
    }

    Optional<Publication> revision(String series, int revision) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("series").is(series).and("revision").is(revision)), Publication.class));
    }

    /** Newest first, without the content, at most 1000. */
    List<Publication> list(String agency, Integer fiscalYear) {
        Query query = new Query();
        if (agency != null) {
            query.addCriteria(Criteria.where("agency").is(agency));
        }
        if (fiscalYear != null) {
            query.addCriteria(Criteria.where("fiscalYear").is(fiscalYear));
        }
        query.fields().exclude("content");
        query.with(Sort.by(Sort.Direction.DESC, "publishedAt")).limit(1000);
        return mongo.find(query, Publication.class);
    }

    /** Every revision of every agency's complaint publication for a fiscal year and through-month. */
    List<Publication> complaintTables(int fiscalYear, YearMonth through) {
        return mongo.find(Query.query(Criteria.where("kind").is(PublicationService.COMPLAINTS)
                .and("fiscalYear").is(fiscalYear).and("through").is(through.toString())), Publication.class);
    }
}
