package th.integrity.gifts.nilreturn;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import th.integrity.gifts.gift.Round;

/** The one class that reads and writes collection {@code nilReturns}. */
@Component
public class NilReturnStore {

    private final MongoTemplate mongo;

    NilReturnStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a nil return with its event.
     *
     * @throws DuplicateKeyException when the same person filed one for the same round already
     */
    void insert(NilReturn nilReturn) {
        mongo.insert(nilReturn);
    }

    List<NilReturn> ofDeclarant(String agency, String subject) {
        return mongo.find(new Query(Criteria.where("agency").is(agency).and("declarant.subject").is(subject)),
                NilReturn.class);
    }

    /** Every nil return filed in {@code agency} for the round. */
    public List<NilReturn> inRound(String agency, int fiscalYear, Round round) {
        return mongo.find(new Query(Criteria.where("agency").is(agency).and("fiscalYear").is(fiscalYear)
                .and("round").is(round)), NilReturn.class);
    }
}
