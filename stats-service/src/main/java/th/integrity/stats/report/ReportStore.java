package th.integrity.stats.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.stats.projection.ProjectionStore;

/**
 * What the executive report reads from the projection (the active generation's collections), counted by MongoDB:
 * {@code $group} per breakdown, so groups travel instead of documents; only the overdue list reads documents, at
 * most {@link ExecutiveReportService#MAX_OVERDUE_LISTED} and the ones tied with the last.
 */
@Component
class ReportStore {

    /** How many cases of a group, how many of them have days to conclusion, and the sum of those days. */
    record Group(Document key, long cases, long withDays, long daysSum) {

        String get(String field) {
            return key.getString(field);
        }
    }

    /** An open case past its deadline. */
    record OverdueCase(String caseId, String category, String status, Instant dueAt, String caseNumber) {
    }

    private final MongoTemplate mongo;

    ReportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The cases received in {@code month}, by category and channel. */
    List<Group> received(int generation, String agency, YearMonth month) {
        return group(cases(generation), Filters.and(Filters.eq("agency", agency),
                Filters.eq("fiscalYear", FiscalCalendar.fiscalYearOf(month).buddhistYear()),
                Filters.eq("receivedMonth", month.toString())), "category", "channel");
    }

    /** The cases concluded in {@code month}, by final status and closure reason, with their days. */
    List<Group> concluded(int generation, String agency, YearMonth month) {
        return group(cases(generation), Filters.and(Filters.eq("agency", agency),
                Filters.eq("concludedMonth", month.toString())), "status", "closureReason");
    }

    /** The cases referred to another body in {@code month} (Asia/Bangkok) that stand referred, by body. */
    List<Group> referred(int generation, String agency, YearMonth month) {
        return group(cases(generation), Filters.and(Filters.eq("agency", agency),
                Filters.gte("referredAt", Date.from(month.atDay(1).atStartOfDay(FiscalCalendar.BANGKOK).toInstant())),
                Filters.lt("referredAt", Date.from(month.plusMonths(1).atDay(1).atStartOfDay(FiscalCalendar.BANGKOK)
                        .toInstant()))), "referredTo");
    }

    /** The open cases, by status. */
    List<Group> open(int generation, String agency) {
        return group(cases(generation), Filters.and(Filters.eq("agency", agency), Filters.eq("final", false)),
                "status");
    }

    /** How many open cases are past their deadline at {@code now}. */
    long overdueCount(int generation, String agency, Instant now) {
        return cases(generation).countDocuments(overdue(agency, now));
    }

    /**
     * The open cases past their deadline at {@code now} that have been overdue longest: the {@code limit} with the
     * earliest deadlines, and every further one overdue the same number of whole days as the last of them (so the
     * caller's order, days overdue then case id, cuts the same list as from all overdue cases).
     */
    List<OverdueCase> mostOverdue(int generation, String agency, Instant now, int limit) {
        Bson fields = Projections.include("caseId", "category", "status", "dueAt", "caseNumber");
        List<OverdueCase> found = new ArrayList<>();
        cases(generation).find(overdue(agency, now)).projection(fields).sort(Sorts.ascending("dueAt")).limit(limit)
                .forEach(c -> found.add(overdueCase(c)));
        if (found.size() == limit) {
            long days = Duration.between(found.get(limit - 1).dueAt(), now).toDays();
            // Overdue exactly `days` whole days: due in (now - (days + 1) days, now - days days].
            Instant from = now.minus(Duration.ofDays(days + 1));
            Instant to = now.minus(Duration.ofDays(days));
            cases(generation).find(Filters.and(overdue(agency, now), Filters.gt("dueAt", Date.from(from)),
                    Filters.lte("dueAt", Date.from(to)))).projection(fields)
                    .forEach(c -> {
                        OverdueCase tied = overdueCase(c);
                        if (!found.contains(tied)) {
                            found.add(tied);
                        }
                    });
        }
        return found;
    }

    /** The agency's current declarations (latest version, not superseded) offered in {@code month}, by disposition. */
    List<Group> declared(int generation, String agency, YearMonth month) {
        return group(declarations(generation), Filters.and(current(agency),
                Filters.eq("offeredMonth", month.toString())), "disposition");
    }

    /** Current declarations that need a decision and have none; with {@code dueBefore}, only those due before it. */
    long pendingDecisions(int generation, String agency, LocalDate dueBefore) {
        Bson pending = Filters.and(current(agency), Filters.eq("ruleOutcome", "NEEDS_DECISION"),
                Filters.eq("decision", null));
        return declarations(generation).countDocuments(dueBefore == null ? pending
                // ISO dates compare as strings
                : Filters.and(pending, Filters.lt("decisionDueOn", dueBefore.toString())));
    }

    private static Bson overdue(String agency, Instant now) {
        return Filters.and(Filters.eq("agency", agency), Filters.eq("final", false), Filters.lt("dueAt", Date.from(now)));
    }

    private static Bson current(String agency) {
        return Filters.and(Filters.eq("agency", agency), Filters.exists("version"), Filters.eq("supersededBy", null));
    }

    private static OverdueCase overdueCase(Document c) {
        return new OverdueCase(c.getString("caseId"), c.getString("category"), c.getString("status"),
                c.getDate("dueAt").toInstant(), c.getString("caseNumber"));
    }

    /**
     * {@code $match}, then {@code $group} by {@code keys}: count, count with days to conclusion, sum of days.
     */
    private static List<Group> group(MongoCollection<Document> collection, Bson match, String... keys) {
        Document id = new Document();
        for (String key : keys) {
            id.append(key, "$" + key);
        }
        List<Bson> pipeline = List.of(new Document("$match", match),
                new Document("$group", new Document("_id", id)
                        .append("cases", new Document("$sum", 1))
                        .append("withDays", new Document("$sum", new Document("$cond", List.of(
                                new Document("$eq", Arrays.asList(
                                        new Document("$ifNull", Arrays.asList("$daysToConclusion", null)), null)),
                                0, 1))))
                        .append("daysSum", new Document("$sum", "$daysToConclusion"))));
        List<Group> groups = new ArrayList<>();
        for (Document group : collection.aggregate(pipeline)) {
            groups.add(new Group((Document) group.get("_id"), ((Number) group.get("cases")).longValue(),
                    ((Number) group.get("withDays")).longValue(), ((Number) group.get("daysSum")).longValue()));
        }
        return groups;
    }

    private MongoCollection<Document> cases(int generation) {
        return mongo.getCollection(ProjectionStore.cases(generation));
    }

    private MongoCollection<Document> declarations(int generation) {
        return mongo.getCollection(ProjectionStore.declarations(generation));
    }
}
