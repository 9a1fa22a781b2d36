package th.integrity.complaints.metrics;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintStatus;

/**
 * Gauges of the cases held: {@code integrity.complaints.cases{status}} and {@code integrity.complaints.overdue}.
 * Recounted periodically (a scrape never waits on the database); the outbox backlog gauge is the platform's.
 */
@Component
public class CaseMetrics {

    private static final Logger log = LoggerFactory.getLogger(CaseMetrics.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<ComplaintStatus, AtomicLong> byStatus = new EnumMap<>(ComplaintStatus.class);
    private final AtomicLong overdue = new AtomicLong();

    public CaseMetrics(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        for (ComplaintStatus status : ComplaintStatus.values()) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder("integrity.complaints.cases", count, AtomicLong::get).description("Cases by status")
                    .tag("status", status.name()).register(meters);
        }
        Gauge.builder("integrity.complaints.overdue", overdue, AtomicLong::get)
                .description("Open cases past the deadline of their status").register(meters);
    }

    /**
     * The periodic recount runs on one replica at a time (it reads every case): a replica that did not take the
     * lock keeps the numbers of its last own recount.
     */
    @Scheduled(fixedDelayString = "${integrity.complaints.metrics-refresh:5m}", initialDelay = 0)
    @SchedulerLock(name = "case-metrics",
            lockAtMostFor = "${integrity.sweeps.case-metrics.lock-at-most-for:4m}",
            lockAtLeastFor = "${integrity.sweeps.case-metrics.lock-at-least-for:1m}")
    public void scheduledRefresh() {
        refresh();
    }

    public void refresh() {
        try {
            // One grouped pass instead of a count per status: each count is a collection scan where no index
            // leads with status, and the refresh ran nine of them every interval.
            Map<Object, Long> counted = new HashMap<>();
            for (Document group : mongo.getCollection(mongo.getCollectionName(Complaint.class))
                    .aggregate(List.of(Aggregates.group("$status", Accumulators.sum("n", 1))))) {
                counted.put(group.get("_id"), ((Number) group.get("n")).longValue());
            }
            byStatus.forEach((status, gauge) -> gauge.set(counted.getOrDefault(status.name(), 0L)));
            overdue.set(mongo.count(new Query(Criteria.where("dueAt").lt(clock.instant())), Complaint.class));
        } catch (RuntimeException e) {
            log.warn("Case gauges not refreshed: {}", e.toString());
        }
    }
}
