package th.integrity.complaints.complaint;

import java.time.Instant;
import java.util.Locale;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.platform.calendar.FiscalCalendar;

/**
 * Hands out case numbers: one counter document per agency and fiscal year in collection {@value #COLLECTION}
 * ({@code _id} {@code <agency>:<fiscal year>}), incremented with one {@code findAndModify} ({@code $inc}, upsert,
 * return the new value). That single-document update is atomic on a real replica set and on the embedded server
 * alike, so concurrent intakes get distinct consecutive numbers; the first complaint of a new fiscal year creates
 * its counter, which is how the numbering starts again at 1 every 1 October. The only class on this collection.
 */
@Component
public class CaseNumbers {

    public static final String COLLECTION = "case_numbers";
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final ComplaintsProperties properties;

    public CaseNumbers(MongoTemplate mongo, ComplaintsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** The next number of {@code agency} in the fiscal year of {@code receivedAt} (Asia/Bangkok). */
    public CaseNumber next(String agency, Instant receivedAt) {
        int fiscalYear = FiscalCalendar.fiscalYear(FiscalCalendar.dateOf(receivedAt));
        Query counter = new Query(Criteria.where("_id").is(agency + ":" + fiscalYear));
        Update increment = new Update().inc("seq", 1L).setOnInsert("agency", agency).setOnInsert("fiscalYear", fiscalYear);
        for (int attempt = 1;; attempt++) {
            try {
                Document after = mongo.findAndModify(counter, increment,
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
                return new CaseNumber(prefixOf(agency), ((Number) after.get("seq")).longValue(), fiscalYear);
            } catch (DuplicateKeyException raced) {
                // Two first complaints of a fiscal year both tried to create its counter: the loser increments the
                // winner's (real MongoDB may answer an upsert race this way too).
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** The configured prefix, or the agency code in capitals when an operator has not given one. */
    public String prefixOf(String agency) {
        String prefix = properties.caseNumberPrefixes().get(agency);
        return prefix != null ? prefix : agency.toUpperCase(Locale.ROOT);
    }
}
