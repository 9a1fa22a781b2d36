package th.integrity.stats.table;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import th.integrity.stats.IntegrationTestSupport;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.projection.ProjectionStore;

/**
 * Rough cost of one agency-year of 100,000 cases: counting afresh (publication) and the draft from kept counts. Not part
 * of the suite (the name does not end in Test); run with
 * {@code ./mvnw -o -pl stats-service verify -Dtest=ComplaintTableBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the timings; asserts nothing about them.
 */
class ComplaintTableBenchmark extends IntegrationTestSupport {

    private static final int CASES = 100_000;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionStore store;

    @Autowired
    ComplaintTables tables;

    @Test
    void oneAgencyYearOfAHundredThousandCases() {
        String agency = newAgency();
        String[] channels = { "WEB", "WALK_IN", "LETTER", "PHONE", "HOTLINE_1555", "TRAFFY_FONDUE", "EMAIL", "OTHER" };
        String[] categories = { "CORRUPTION", "MISCONDUCT", "OTHER" };
        String[] statuses = { "RECEIVED", "UNDER_REVIEW", "FORWARDED", "UNDER_INVESTIGATION", "CONCLUDED_WITH_CAUSE",
                "CONCLUDED_WITHOUT_CAUSE", "CLOSED_WITHOUT_INQUIRY" };
        FiscalYear fy = FiscalYear.of(2568);
        List<YearMonth> months = fy.months();
        Random random = new Random(42);
        List<Document> batch = new ArrayList<>();
        long insertStart = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            YearMonth received = months.get(random.nextInt(12));
            String status = statuses[random.nextInt(statuses.length)];
            boolean fin = status.startsWith("CONCLUDED") || status.startsWith("CLOSED");
            YearMonth concluded = fin ? received.plusMonths(random.nextInt(3)) : null;
            batch.add(new Document("_id", agency + ":B-" + i).append("agency", agency).append("caseId", "B-" + i)
                    .append("version", 1L).append("channel", channels[random.nextInt(channels.length)])
                    .append("category", categories[random.nextInt(categories.length)]).append("status", status)
                    .append("receivedMonth", received.toString()).append("fiscalYear", 2568).append("final", fin)
                    .append("concludedMonth", concluded == null ? null : concluded.toString())
                    .append("daysToConclusion", fin ? random.nextInt(90) : null)
                    .append("receivedAt", java.util.Date.from(Instant.parse(received + "-05T03:00:00Z"))));
            if (batch.size() == 5000) {
                mongo.getCollection(ProjectionStore.cases(store.active())).insertMany(batch);
                batch.clear();
            }
        }
        System.out.printf("inserted %d cases in %d ms%n", CASES, (System.nanoTime() - insertStart) / 1_000_000);
        long[] fresh = new long[10];
        for (int i = 0; i < fresh.length; i++) {
            long start = System.nanoTime();
            tables.table(agency, fy, fy.lastMonth(), true);
            fresh[i] = (System.nanoTime() - start) / 1_000;
        }
        long[] cached = new long[200];
        for (int i = 0; i < cached.length; i++) {
            long start = System.nanoTime();
            tables.table(agency, fy, fy.lastMonth(), false);
            cached[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(fresh);
        Arrays.sort(cached);
        System.out.printf("fresh count (publication): median %d ms, max %d ms%n", fresh[5] / 1000, fresh[9] / 1000);
        System.out.printf("draft from kept counts: median %d µs, p99 %d µs%n", cached[100], cached[198]);
    }
}
