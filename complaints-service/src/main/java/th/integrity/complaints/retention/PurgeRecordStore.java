package th.integrity.complaints.retention;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Collection {@code purges}: inserts and reads, nothing that changes or deletes a record. */
@Component
class PurgeRecordStore {

    private final MongoTemplate mongo;

    PurgeRecordStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Upserted by case id: a purge retried after a crash records the case once. */
    void record(PurgeRecord purge) {
        mongo.save(purge);
    }

    record Page(List<PurgeRecord> items, long total) {
    }

    Page of(String agency, long skip, int limit) {
        Query query = new Query(Criteria.where("agency").is(agency));
        long total = mongo.count(query, PurgeRecord.class);
        return new Page(mongo.find(query.with(Sort.by(Sort.Direction.DESC, "purgedAt")).skip(skip).limit(limit),
                PurgeRecord.class), total);
    }
}
