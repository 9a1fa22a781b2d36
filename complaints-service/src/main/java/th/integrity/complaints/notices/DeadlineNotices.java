package th.integrity.complaints.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import th.integrity.complaints.complaint.Complaint;
import th.integrity.platform.notices.NoticeStore;
import th.integrity.platform.notices.Notices;
import th.integrity.platform.security.Role;

/**
 * Tells the agency's officers of the cases whose deadline (the {@code dueAt} of their status, as the queue's
 * "overdue" reads it) is near ({@code deadline-soon}, within {@code integrity.complaints.notices.deadline-warning})
 * or past ({@code case-overdue}): once per case, kind and deadline, so a case moved on to a new deadline is told of
 * again. One replica at a time (sweep lock {@value #LOCK}); what was told is marked, so a sweep only reads.
 */
@Component
// With the consumer: a process that makes no notices from events makes none from deadlines either.
@ConditionalOnProperty(name = "integrity.notices.consume", havingValue = "true", matchIfMissing = true)
class DeadlineNotices {

    static final String LOCK = "deadline-notices";
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final Notices notices;
    private final NoticeStore store;
    private final ComplaintNoticesProperties properties;
    private final Clock clock;

    DeadlineNotices(MongoTemplate mongo, Notices notices, NoticeStore store, ComplaintNoticesProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.notices = notices;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${integrity.complaints.notices.sweep-interval:15m}",
            initialDelayString = "${integrity.complaints.notices.sweep-interval:15m}")
    @SchedulerLock(name = LOCK,
            lockAtMostFor = "${integrity.sweeps.deadline-notices.lock-at-most-for:10m}",
            lockAtLeastFor = "${integrity.sweeps.deadline-notices.lock-at-least-for:1m}")
    public void scheduled() {
        sweep();
    }

    /** @return how many notices were made */
    public int sweep() {
        Instant now = clock.instant();
        Instant horizon = now.plus(properties.deadlineWarning());
        int made = 0;
        Instant after = null;
        String afterId = "";
        while (true) {
            // Open cases only have a dueAt (index dueAt); read in pages by (dueAt, _id).
            Criteria due = Criteria.where("dueAt").lte(java.util.Date.from(horizon)).and("purgedAt").is(null);
            if (after != null) {
                due = new Criteria().andOperator(due, new Criteria().orOperator(
                        Criteria.where("dueAt").gt(java.util.Date.from(after)),
                        new Criteria().andOperator(Criteria.where("dueAt").is(java.util.Date.from(after)),
                                Criteria.where("_id").gt(afterId))));
            }
            Query query = Query.query(due).with(Sort.by("dueAt", "_id")).limit(BATCH);
            query.fields().include("_id", "agency", "dueAt");
            List<Document> page = mongo.find(query, Document.class, Complaint.COLLECTION);
            if (page.isEmpty()) {
                return made;
            }
            List<String> keys = new ArrayList<>();
            for (Document c : page) {
                keys.add(key(c, now));
            }
            Set<String> done = store.done(keys);
            for (Document c : page) {
                String key = key(c, now);
                if (done.contains(key)) {
                    continue;
                }
                String caseId = c.getString("_id");
                String agency = c.getString("agency");
                String kind = kindOf(c, now);
                made += notices.send(kind, key, agency, notices.holding(agency, Role.OFFICER),
                        ComplaintNoticesConfiguration.caseLink(caseId));
                store.markDone(key, now.truncatedTo(ChronoUnit.MILLIS));
            }
            Document last = page.get(page.size() - 1);
            after = last.getDate("dueAt").toInstant();
            afterId = last.getString("_id");
            if (page.size() < BATCH) {
                return made;
            }
        }
    }

    private static String kindOf(Document c, Instant now) {
        return now.isAfter(c.getDate("dueAt").toInstant()) ? ComplaintNoticesConfiguration.CASE_OVERDUE
                : ComplaintNoticesConfiguration.DEADLINE_SOON;
    }

    /** One per case, kind and deadline. */
    private static String key(Document c, Instant now) {
        return kindOf(c, now) + ":" + c.getString("_id") + ":" + c.getDate("dueAt").toInstant();
    }
}
