package th.integrity.gifts.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.platform.calendar.FiscalCalendar;
import th.integrity.gifts.declaration.Declaration;
import th.integrity.gifts.declaration.DeclarationStore;
import th.integrity.gifts.declaration.DeclarationsChanged;

/**
 * Gauges of the heads' queues per agency: {@code integrity.gifts.decisions.pending} and
 * {@code integrity.gifts.decisions.overdue} (past the 30-day limit). Counted from MongoDB after every change and
 * every minute (a decision becomes overdue by the calendar alone), never on the scrape, so a slow database
 * cannot stall Prometheus.
 */
@Component
class DecisionMetrics {

    public static final String PENDING = "integrity.gifts.decisions.pending";
    public static final String OVERDUE = "integrity.gifts.decisions.overdue";

    private static final Logger log = LoggerFactory.getLogger(DecisionMetrics.class);

    private final DeclarationStore declarations;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();

    DecisionMetrics(DeclarationStore declarations, MeterRegistry meters, Clock clock) {
        this.declarations = declarations;
        this.meters = meters;
        this.clock = clock;
    }

    @EventListener({ ApplicationReadyEvent.class, DeclarationsChanged.class })
    public void onChange() {
        refresh();
    }

    /**
     * The periodic recount (for decisions that become overdue by the calendar alone) runs on one replica at a
     * time; every replica still recounts after its own changes.
     */
    @Scheduled(fixedDelayString = "${integrity.gifts.metrics-refresh:60s}", initialDelayString = "${integrity.gifts.metrics-refresh:60s}")
    @SchedulerLock(name = "gift-decision-metrics",
            lockAtMostFor = "${integrity.sweeps.gift-decision-metrics.lock-at-most-for:50s}",
            lockAtLeastFor = "${integrity.sweeps.gift-decision-metrics.lock-at-least-for:20s}")
    public void scheduledRefresh() {
        refresh();
    }

    public void refresh() {
        try {
            LocalDate today = LocalDate.now(clock.withZone(FiscalCalendar.BANGKOK));
            Map<String, long[]> counts = new TreeMap<>();
            for (Declaration d : declarations.waiting(null)) {
                long[] c = counts.computeIfAbsent(d.agency(), a -> new long[2]);
                c[0]++;
                if (today.isAfter(d.evaluation().decisionDueOn())) {
                    c[1]++;
                }
            }
            Set<String> agencies = new HashSet<>(pending.keySet());
            agencies.addAll(counts.keySet());
            for (String agency : new ArrayList<>(agencies)) {
                long[] c = counts.getOrDefault(agency, new long[2]);
                gauge(pending, PENDING, "Gift declarations waiting for the head's decision", agency).set(c[0]);
                gauge(overdue, OVERDUE, "Gift declarations whose decision is past due", agency).set(c[1]);
            }
        } catch (RuntimeException e) {
            log.warn("Could not count pending gift decisions: {}", e.getMessage());
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String agency) {
        return values.computeIfAbsent(agency, a -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tag("agency", a).register(meters);
            return value;
        });
    }

    /** For tests and callers that need the numbers now. */
    public List<Long> current(String agency) {
        return List.of(pending.getOrDefault(agency, new AtomicLong()).get(),
                overdue.getOrDefault(agency, new AtomicLong()).get());
    }
}
