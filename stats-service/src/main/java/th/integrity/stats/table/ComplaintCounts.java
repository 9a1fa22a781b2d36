package th.integrity.stats.table;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import th.integrity.stats.calendar.FiscalYear;
import th.integrity.stats.projection.ComplaintCase;

/**
 * Counts over the case projection, done by MongoDB ($match + $group on the indexed agency/fiscal year), so a
 * table costs one round trip however many cases there are.
 */
@Component
public class ComplaintCounts {

    private final MongoTemplate mongo;

    public ComplaintCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Cases received per Bangkok month of {@code fiscalYear}; months without a case are absent. */
    public Map<YearMonth, Long> receivedPerMonth(String agency, FiscalYear fiscalYear) {
        var aggregation = newAggregation(
                match(Criteria.where("agency").is(agency).and("fiscalYear").is(fiscalYear.buddhistYear())),
                group("receivedMonth").count().as("received"));
        Map<YearMonth, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(aggregation, ComplaintCase.COLLECTION, Document.class)) {
            counts.put(YearMonth.parse(row.getString("_id")), ((Number) row.get("received")).longValue());
        }
        return counts;
    }
}
