package th.integrity.stats.table;

import java.time.YearMonth;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import th.integrity.stats.calendar.FiscalYear;
import th.integrity.stats.projection.ProjectionStore;

/**
 * Reads the cases a table needs, as raw documents with only the seven fields it counts by (no mapping to
 * objects), and tallies them in one pass: the cases received in the fiscal year, plus the cases of earlier
 * years that were still open when it began or were concluded in it (carried over, days to conclusion).
 */
@Component
public class ComplaintCounts {

    private static final Bson FIELDS = Projections.fields(Projections.excludeId(), Projections.include(
            "receivedMonth", "channel", "category", "status", "concludedMonth", "daysToConclusion"));

    private final MongoTemplate mongo;

    public ComplaintCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Tally tally(int generation, String agency, FiscalYear fiscalYear, List<YearMonth> months) {
        Tally tally = new Tally(months);
        var cases = mongo.getCollection(ProjectionStore.cases(generation));
        Bson thisYear = Filters.and(Filters.eq("agency", agency), Filters.eq("fiscalYear", fiscalYear.buddhistYear()));
        Bson earlierStillRelevant = Filters.and(Filters.eq("agency", agency),
                Filters.lt("fiscalYear", fiscalYear.buddhistYear()),
                Filters.or(Filters.eq("final", false),
                        Filters.gte("concludedMonth", fiscalYear.firstMonth().toString())));
        for (Bson filter : List.of(thisYear, earlierStillRelevant)) {
            for (Document c : cases.find(filter).projection(FIELDS).batchSize(5000)) {
                Number days = (Number) c.get("daysToConclusion");
                tally.add(c.getString("receivedMonth"), c.getString("channel"), c.getString("category"),
                        c.getString("status"), c.getString("concludedMonth"), days == null ? null : days.intValue());
            }
        }
        return tally;
    }
}
