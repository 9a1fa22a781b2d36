package th.integrity.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes complaint events straight to {@code complaints.v1}, byte for byte in the shape complaints-service's
 * outbox relay publishes them (docs/events.md; CaseEvents, ComplaintSnapshot, CloudEvent): a CloudEvents 1.0
 * envelope with the case snapshot as {@code data}, every snapshot field present (null when unknown), instants as
 * ISO-8601 UTC, record key {@code agency:caseId}.
 *
 * <p>Every complaint gets a {@code complaint.submitted.v1} (version 1, RECEIVED, due 15 days after receipt, the
 * event time = receivedAt as for a web filing). A share of them (a third by default) gets one later
 * {@code complaint.status-changed.v1} with the case as an officer left it: one move (UNDER_REVIEW, or
 * CLOSED_WITHOUT_INQUIRY with a reason: version 2), two (FORWARDED, UNDER_INVESTIGATION: version 3) or three
 * (CONCLUDED_WITH_CAUSE / WITHOUT_CAUSE: version 4) — the intermediate events are left out, a gap the contract
 * allows (consumers keep the highest version). Agencies are interleaved at random; the data is the same for
 * the same {@code seed}.
 */
final class ComplaintSeed {

    static final String TOPIC = "complaints.v1";

    private static final String[] CHANNELS = { "WEB", "TRAFFY_FONDUE", "HOTLINE_1555", "PHONE", "WALK_IN", "LETTER",
            "EMAIL", "OTHER" };
    private static final int[] CHANNEL_WEIGHTS = { 34, 20, 15, 10, 9, 5, 5, 2 };
    private static final String[] CATEGORIES = { "CORRUPTION", "MISCONDUCT", "OTHER" };
    private static final int[] CATEGORY_WEIGHTS = { 30, 45, 25 };
    private static final String[][] SUBCATEGORIES = {
            { "BRIBERY", "PROCUREMENT", "FALSE_CLAIMS", "MISUSE_OF_PROPERTY", "ABUSE_OF_POWER", "CONFLICT_OF_INTEREST" },
            { "UNFAIR_SERVICE", "PROCEDURE_OR_DELAY", "UNLAWFUL_ORDER", "PERSONNEL_FAVOURITISM" },
            { "OTHER_MATTER" } };
    private static final String[] DIVISIONS = { "ADM", "REG", "FIN", "REV", "WORKS", "CLEAN", "HEALTH", "ENF", "EDU",
            "SOC" };
    private static final String[] CLOSURE_REASONS = { "DUPLICATE", "OUTSIDE_JURISDICTION", "TOO_LITTLE_DETAIL",
            "WITHDRAWN" };
    private static final int[] CLOSURE_WEIGHTS = { 30, 35, 25, 10 };

    /** The later state of a case that gets a second event, its version and how many days it took. */
    private record Outcome(String status, int version, int maxDays, int weight) {
    }

    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome("UNDER_REVIEW", 2, 15, 35),
            new Outcome("CLOSED_WITHOUT_INQUIRY", 2, 30, 15),
            new Outcome("FORWARDED", 3, 45, 10),
            new Outcome("UNDER_INVESTIGATION", 3, 45, 15),
            new Outcome("CONCLUDED_WITH_CAUSE", 4, 120, 10),
            new Outcome("CONCLUDED_WITHOUT_CAUSE", 4, 120, 15));

    /** Deadlines of complaints-service's defaults (ComplaintsProperties.Deadlines; FORWARDED: the referral follow-up). */
    private static final Map<String, Duration> DUE = Map.of("RECEIVED", Duration.ofDays(15), "UNDER_REVIEW",
            Duration.ofDays(30), "FORWARDED", Duration.ofDays(90), "UNDER_INVESTIGATION", Duration.ofDays(90));

    record Result(long complaints, long events, long secondEvents, double seconds) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final String bootstrapServers;
    private final Instant from;
    private final Instant until;
    private final Instant notAfter;
    private final double secondShare;
    private final Random random;

    /**
     * @param from     first instant a complaint may be received
     * @param until    receipts are before this instant
     * @param notAfter no status change is later than this (so nothing happens in the future)
     */
    ComplaintSeed(String bootstrapServers, Instant from, Instant until, Instant notAfter, double secondShare,
            long seed) {
        this.bootstrapServers = bootstrapServers;
        this.from = from;
        this.until = until;
        this.notAfter = notAfter;
        this.secondShare = secondShare;
        this.random = new Random(seed);
    }

    /** Produces the events of {@code counts} (agency → complaints) and waits until Kafka acknowledged all. */
    Result produce(Map<String, Integer> counts) throws Exception {
        List<String> agencies = new ArrayList<>(counts.keySet());
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int[] order = new int[total];
        int at = 0;
        for (int a = 0; a < agencies.size(); a++) {
            for (int i = 0; i < counts.get(agencies.get(a)); i++) {
                order[at++] = a;
            }
        }
        for (int i = total - 1; i > 0; i--) { // Fisher–Yates: agencies interleaved as in real life
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }

        long start = System.nanoTime();
        long lastReport = start;
        Sending sending = new Sending();
        try (sending) {
            for (int i = 0; i < total; i++) {
                String agency = agencies.get(order[i]);
                sending.send(agency, newCase(agency));
                long now = System.nanoTime();
                if (now - lastReport > 10_000_000_000L) {
                    System.err.printf("  seeding: %,d of %,d complaints, %,d events, %,.0f events/s%n", i + 1, total,
                            sending.events, sending.events / ((now - start) / 1e9));
                    lastReport = now;
                }
            }
        }
        return new Result(total, sending.events, sending.seconds, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Produces {@code count} more complaints of {@code agency}, one every 1/{@code rate} s (with their events), as
     * a steady intake would, and waits until Kafka acknowledged all.
     */
    Result produceSteadily(String agency, int count, int rate) throws Exception {
        long start = System.nanoTime();
        Sending sending = new Sending();
        try (sending) {
            for (int i = 0; i < count; i++) {
                long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                sending.send(agency, newCase(agency));
                sending.producer.flush(); // one complaint at a time, as the outbox relay would publish it
            }
        }
        return new Result(count, sending.events, sending.seconds, (System.nanoTime() - start) / 1e9);
    }

    /** One producer and what it sent; closing it waits for every acknowledgement and fails if any is missing. */
    private final class Sending implements AutoCloseable {

        final KafkaProducer<String, String> producer = producer();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long events;
        long seconds;

        void send(String agency, Case c) {
            for (String event : c.events()) {
                producer.send(new ProducerRecord<>(TOPIC, agency + ":" + c.caseId, event), (meta, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
                events++;
            }
            if (c.second != null) {
                seconds++;
            }
            if (firstFailure.get() != null) {
                throw new IllegalStateException("Kafka refused an event: " + firstFailure.get(), firstFailure.get());
            }
        }

        @Override
        public void close() {
            producer.close(); // sends what is buffered and waits for the acknowledgements
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " events were not acknowledged: " + firstFailure.get(),
                        firstFailure.get());
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** One complaint: its submitted event and maybe one later status change (CloudEvents JSON). */
    private record Case(String caseId, String first, String second) {

        List<String> events() {
            return second == null ? List.of(first) : List.of(first, second);
        }
    }

    private Case newCase(String agency) {
        String caseId = uuid().toString();
        Instant receivedAt = from.plusMillis((long) (random.nextDouble() * (until.toEpochMilli() - from.toEpochMilli())));
        String channel = pick(CHANNELS, CHANNEL_WEIGHTS);
        int categoryIndex = pickIndex(CATEGORY_WEIGHTS);
        String category = CATEGORIES[categoryIndex];
        String[] subs = SUBCATEGORIES[categoryIndex];
        // The web form leaves the sub-category and division to the officer more often than not.
        String subcategory = random.nextInt(100) < 40 ? null : subs[random.nextInt(subs.length)];
        String division = random.nextInt(100) < 60 ? null : DIVISIONS[random.nextInt(DIVISIONS.length)];
        String standing = random.nextInt(100) < 88 ? "CITIZEN" : "STAFF";
        Snapshot submitted = new Snapshot(agency, caseId, 1, channel, category, subcategory, division, standing,
                receivedAt, "RECEIVED", receivedAt, null, null, receivedAt.plus(DUE.get("RECEIVED")));
        String first = submitted.event("complaint.submitted.v1", receivedAt, uuid());
        String second = null;
        if (random.nextDouble() < secondShare) {
            Outcome outcome = OUTCOMES.get(pickIndex(OUTCOMES.stream().mapToInt(Outcome::weight).toArray()));
            Instant changedAt = receivedAt.plus(Duration.ofMinutes(30 + random.nextInt(outcome.maxDays() * 24 * 60)))
                    .truncatedTo(ChronoUnit.MILLIS);
            if (changedAt.isAfter(notAfter)) {
                changedAt = notAfter.minusSeconds(random.nextInt(3600));
            }
            if (changedAt.isBefore(receivedAt.plusSeconds(60))) {
                changedAt = receivedAt.plusSeconds(60);
            }
            boolean done = outcome.status().startsWith("CONCLUDED") || outcome.status().startsWith("CLOSED");
            String closure = outcome.status().equals("CLOSED_WITHOUT_INQUIRY")
                    ? pick(CLOSURE_REASONS, CLOSURE_WEIGHTS) : null;
            Duration due = DUE.get(outcome.status());
            Snapshot changed = new Snapshot(agency, caseId, outcome.version(), channel, category,
                    subcategory == null ? subs[random.nextInt(subs.length)] : subcategory,
                    division == null ? DIVISIONS[random.nextInt(DIVISIONS.length)] : division, standing, receivedAt,
                    outcome.status(), changedAt, done ? changedAt : null, closure,
                    due == null ? null : changedAt.plus(due));
            second = changed.event("complaint.status-changed.v1", changedAt, uuid());
        }
        return new Case(caseId, first, second);
    }

    /** complaints-service's ComplaintSnapshot, field for field and in its order. */
    private record Snapshot(String agency, String caseId, long version, String channel, String category,
            String subcategory, String division, String reporterStanding, Instant receivedAt, String status,
            Instant statusChangedAt, Instant concludedAt, String closureReason, Instant dueAt) {

        /** The CloudEvent as Jackson writes platform's CloudEvent record (every value here needs no escaping). */
        String event(String type, Instant time, UUID id) {
            StringBuilder json = new StringBuilder(640);
            json.append("{\"specversion\":\"1.0\",\"id\":\"").append(id)
                    .append("\",\"source\":\"/agencies/").append(agency).append("/complaints\",\"type\":\"")
                    .append(type).append("\",\"subject\":\"").append(caseId).append("\",\"time\":\"").append(time)
                    .append("\",\"datacontenttype\":\"application/json\",\"data\":{");
            field(json, "agency", agency).append(',');
            field(json, "caseId", caseId).append(',');
            json.append("\"version\":").append(version).append(',');
            field(json, "channel", channel).append(',');
            field(json, "category", category).append(',');
            field(json, "subcategory", subcategory).append(',');
            field(json, "division", division).append(',');
            field(json, "reporterStanding", reporterStanding).append(',');
            field(json, "receivedAt", receivedAt).append(',');
            field(json, "status", status).append(',');
            field(json, "statusChangedAt", statusChangedAt).append(',');
            field(json, "concludedAt", concludedAt).append(',');
            field(json, "closureReason", closureReason).append(',');
            field(json, "dueAt", dueAt);
            return json.append("}}").toString();
        }

        private static StringBuilder field(StringBuilder json, String name, Object value) {
            json.append('"').append(name).append("\":");
            return value == null ? json.append("null") : json.append('"').append(value).append('"');
        }
    }

    /** A version-4 UUID from the seeded generator, so a run's ids are reproducible. */
    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private String pick(String[] values, int[] weights) {
        return values[pickIndex(weights)];
    }

    private int pickIndex(int[] weights) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int r = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
