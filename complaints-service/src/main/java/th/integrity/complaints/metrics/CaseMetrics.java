package th.integrity.complaints.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.ComplaintStatus;

/**
 * Gauges of the cases held: {@code integrity.complaints.cases{status}} and
 * {@code integrity.complaints.overdue{agency}}. Recounted periodically (a scrape never waits on the database); the
 * outbox backlog gauge is the platform's.
 *
 * <p>The public form accepts any well-formed agency code, so the agencies in the store are not a fixed list: the
 * overdue gauge shows the {@value #MAX_AGENCY_SERIES} agencies with the most overdue cases by name and the rest
 * summed under {@value #OTHER_AGENCIES} (an underscore, which no agency code contains), so junk agencies cannot
 * grow the number of series. An agency with no overdue case has no series.
 */
@Component
public class CaseMetrics {

    private static final Logger log = LoggerFactory.getLogger(CaseMetrics.class);

    static final String OVERDUE = "integrity.complaints.overdue";
    static final int MAX_AGENCY_SERIES = 100;
    static final String OTHER_AGENCIES = "_other";

    private final CaseStore cases;
    private final Clock clock;
    private final Map<ComplaintStatus, AtomicLong> byStatus = new EnumMap<>(ComplaintStatus.class);
    private final MultiGauge overdue;

    CaseMetrics(CaseStore cases, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.clock = clock;
        for (ComplaintStatus status : ComplaintStatus.values()) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder("integrity.complaints.cases", count, AtomicLong::get).description("Cases by status")
                    .tag("status", status.name()).register(meters);
        }
        overdue = MultiGauge.builder(OVERDUE).description("Open cases past the deadline of their status, by agency")
                .register(meters);
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
            Map<ComplaintStatus, Long> counted = cases.countByStatus();
            byStatus.forEach((status, gauge) -> gauge.set(counted.getOrDefault(status, 0L)));
            overdue.register(overdueByAgency(), true);
        } catch (RuntimeException e) {
            log.warn("Case gauges not refreshed: {}", e.toString());
        }
    }

    /** The agencies with the most overdue cases by name, the rest summed. */
    private List<MultiGauge.Row<?>> overdueByAgency() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        long[] others = { 0 };
        cases.overdueByAgency(clock.instant(), (agency, n) -> {
            if (rows.size() < MAX_AGENCY_SERIES && agency != null) {
                rows.add(MultiGauge.Row.of(Tags.of("agency", agency), n));
            } else {
                others[0] += n;
            }
        });
        if (others[0] > 0) {
            rows.add(MultiGauge.Row.of(Tags.of("agency", OTHER_AGENCIES), others[0]));
        }
        return rows;
    }
}
