package th.integrity.complaints.metrics;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

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

    @Scheduled(fixedDelayString = "${integrity.complaints.metrics-refresh:30s}", initialDelay = 0)
    public void refresh() {
        try {
            for (ComplaintStatus status : ComplaintStatus.values()) {
                byStatus.get(status).set(mongo.count(new Query(Criteria.where("status").is(status)), Complaint.class));
            }
            overdue.set(mongo.count(new Query(Criteria.where("dueAt").lt(clock.instant())), Complaint.class));
        } catch (RuntimeException e) {
            log.warn("Case gauges not refreshed: {}", e.toString());
        }
    }
}
