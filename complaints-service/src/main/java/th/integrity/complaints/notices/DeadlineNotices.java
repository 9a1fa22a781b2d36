package th.integrity.complaints.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import th.integrity.complaints.complaint.CaseStore;
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

    private final CaseStore cases;
    private final Notices notices;
    private final NoticeStore store;
    private final ComplaintNoticesProperties properties;
    private final Clock clock;

    DeadlineNotices(CaseStore cases, Notices notices, NoticeStore store, ComplaintNoticesProperties properties,
            Clock clock) {
        this.cases = cases;
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
        CaseStore.Due after = null;
        while (true) {
            List<CaseStore.Due> page = cases.dueBy(horizon, after, BATCH);
            if (page.isEmpty()) {
                return made;
            }
            List<String> keys = page.stream().map(c -> key(c, now)).toList();
            Set<String> done = store.done(keys);
            for (int i = 0; i < page.size(); i++) {
                String key = keys.get(i);
                if (done.contains(key)) {
                    continue;
                }
                CaseStore.Due c = page.get(i);
                made += notices.send(kindOf(c, now), key, c.agency(), notices.holding(c.agency(), Role.OFFICER),
                        ComplaintNoticesConfiguration.caseLink(c.id()));
                store.markDone(key, now.truncatedTo(ChronoUnit.MILLIS));
            }
            after = page.get(page.size() - 1);
            if (page.size() < BATCH) {
                return made;
            }
        }
    }

    private static String kindOf(CaseStore.Due c, Instant now) {
        return now.isAfter(c.dueAt()) ? ComplaintNoticesConfiguration.CASE_OVERDUE
                : ComplaintNoticesConfiguration.DEADLINE_SOON;
    }

    /** One per case, kind and deadline. */
    private static String key(CaseStore.Due c, Instant now) {
        return kindOf(c, now) + ":" + c.id() + ":" + c.dueAt();
    }
}
