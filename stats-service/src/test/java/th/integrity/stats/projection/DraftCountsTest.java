package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import th.integrity.stats.IntegrationTestSupport;
import th.integrity.platform.calendar.FiscalYear;
import th.integrity.stats.table.ComplaintTable;
import th.integrity.stats.table.ComplaintTables;

/**
 * The draft's kept counts ({@link CaseShapes}) against a fresh count of the stored cases: after any mix of new
 * cases, changes, conclusions, duplicates and late events they give the same tables, without counting afresh;
 * a redelivered event stamps again (its first delivery may have died before its stamp);
 * a write they did not see case by case makes the next draft count afresh; a publication's count repairs what
 * they missed and reports it.
 */
class DraftCountsTest extends IntegrationTestSupport {

    private static final String[] CHANNELS = { "WEB", "WALK_IN", "LETTER", "PHONE", "HOTLINE_1555", "TRAFFY_FONDUE",
            "EMAIL", "OTHER", "SOMETHING_NEW" };
    private static final String[] CATEGORIES = { "CORRUPTION", "MISCONDUCT", "OTHER" };
    private static final String[] STATUSES = { "RECEIVED", "UNDER_REVIEW", "FORWARDED", "UNDER_INVESTIGATION",
            "CONCLUDED_WITH_CAUSE", "CONCLUDED_WITHOUT_CAUSE", "CLOSED_WITHOUT_INQUIRY" };
    private static final Instant FY2567 = Instant.parse("2023-10-01T00:00:00+07:00");

    @Autowired
    ComplaintCaseProjection projection;

    @Autowired
    ProjectionStore store;

    @Autowired
    ProjectionChangeStore changes;

    @Autowired
    ComplaintTables tables;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void keptCountsFollowEveryKindOfChangeExactlyWithoutCountingAfresh() {
        for (long seed = 1; seed <= 3; seed++) {
            String agency = newAgency();
            int generation = store.active();
            draftsOf(agency); // the first draft counts (nothing yet); from here on the counts are kept
            double counted = recounts();

            List<ComplaintEvent> events = randomHistory(agency, new Random(seed), false);
            for (int i = 0; i < events.size(); i++) {
                projection.applyTo(generation, events.get(i));
                if (i % 25 == 0) {
                    draftsOf(agency); // reads in between must not disturb the kept counts
                }
            }

            Map<String, List<ComplaintTable.Block>> kept = draftsOf(agency);
            assertThat(recounts()).as("seed %d: the drafts were served from kept counts", seed).isEqualTo(counted);
            double drift = drift();
            assertThat(kept).as("seed %d: kept counts equal a fresh count", seed).isEqualTo(freshOf(agency));
            assertThat(drift()).isEqualTo(drift);
            assertThat(total(kept, 2567) + total(kept, 2568)).as("seed %d: every case counts once", seed)
                    .isEqualTo(60);
        }
    }

    @Test
    void concurrentChangesAndDraftsLeaveExactCounts() throws Exception {
        String agency = newAgency();
        int generation = store.active();
        List<ComplaintEvent> events = randomHistory(agency, new Random(7), true);
        // Four writers (as four partitions would): each case stays with one writer, in version order.
        List<List<ComplaintEvent>> perWriter = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            perWriter.add(new ArrayList<>());
        }
        events.stream().sorted(java.util.Comparator.comparingLong(e -> e.data().version()))
                .forEach(e -> perWriter.get(Math.floorMod(e.data().caseId().hashCode(), 4)).add(e));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            var writers = perWriter.stream()
                    .map(list -> pool.submit(() -> list.forEach(e -> projection.applyTo(generation, e)))).toList();
            var reader = pool.submit(() -> {
                while (writers.stream().anyMatch(f -> !f.isDone())) {
                    received(agency, 2568);
                }
            });
            for (var writer : writers) {
                writer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        Map<String, List<ComplaintTable.Block>> kept = draftsOf(agency);
        double drift = drift();
        assertThat(kept).isEqualTo(freshOf(agency));
        assertThat(drift()).as("the publication's count found nothing to repair").isEqualTo(drift);
        assertThat(total(kept, 2567) + total(kept, 2568)).isEqualTo(60);
    }

    @Test
    void aWriteTheKeptCountsDidNotSeeMakesTheNextDraftCountAfresh() {
        String agency = newAgency();
        int generation = store.active();
        projection.applyTo(generation, event(agency, "C-1", 1, "WEB", "CORRUPTION", "RECEIVED", FY2567));
        assertThat(received(agency, 2567)).isEqualTo(1);

        // Another instance: it writes a case and bumps the stamp, this one applies no delta.
        writeBehindTheProjection(generation, agency, "C-2");
        changes.changed(generation, agency);
        assertThat(received(agency, 2567)).isEqualTo(2);

        // A replay's bulk write.
        projection.applyAllTo(generation, List.of(event(agency, "C-3", 1, "LETTER", "OTHER", "RECEIVED", FY2567)));
        assertThat(received(agency, 2567)).isEqualTo(3);

        // And live changes are kept again after that.
        double counted = recounts();
        projection.applyTo(generation, event(agency, "C-4", 1, "WEB", "CORRUPTION", "RECEIVED", FY2567));
        assertThat(received(agency, 2567)).isEqualTo(4);
        assertThat(recounts()).isEqualTo(counted);
    }

    @Test
    void aPublicationsCountRepairsACaseTheKeptCountsMissedAndReportsTheDrift() {
        String agency = newAgency();
        int generation = store.active();
        projection.applyTo(generation, event(agency, "C-1", 1, "WEB", "CORRUPTION", "RECEIVED", FY2567));
        assertThat(received(agency, 2567)).isEqualTo(1);
        // A case written with its stamp lost (the writer died in between): nothing tells the kept counts.
        writeBehindTheProjection(generation, agency, "C-2");
        assertThat(received(agency, 2567)).as("the draft cannot know").isEqualTo(1);
        double drift = drift();

        FiscalYear fy = FiscalYear.of(2567);
        assertThat(tables.table(agency, fy, fy.lastMonth(), true).totalReceived()).isEqualTo(2);

        assertThat(drift()).isEqualTo(drift + 1);
        assertThat(received(agency, 2567)).as("the draft after the publication's count").isEqualTo(2);
    }

    @Test
    void aRedeliveredEventStampsAgainSoALostStampIsMadeGood() {
        String agency = newAgency();
        int generation = store.active();
        ComplaintEvent first = event(agency, "X-1", 1, "WEB", "CORRUPTION", "RECEIVED", FY2567);
        ComplaintEvent second = event(agency, "X-1", 2, "WEB", "CORRUPTION", "UNDER_REVIEW", FY2567);
        projection.applyTo(generation, first);
        projection.applyTo(generation, second);
        long stamp = changes.stamp(generation, agency);

        // The writer of `second` may have died between its write and its stamp: its redelivery stamps again.
        assertThat(projection.applyTo(generation, second)).isEqualTo(ProjectionOutcome.STALE);
        assertThat(changes.stamp(generation, agency)).isEqualTo(stamp + 1);
        // An older event, or another event of the same version, proves nothing about a lost stamp.
        projection.applyTo(generation, first);
        projection.applyTo(generation, event(agency, "X-1", 2, "PHONE", "OTHER", "UNDER_REVIEW", FY2567));
        assertThat(changes.stamp(generation, agency)).isEqualTo(stamp + 1);

        List<ComplaintEvent> events = randomHistory(agency, new Random(11), true);
        events.forEach(event -> projection.applyTo(generation, event));
        Map<String, List<ComplaintTable.Block>> kept = draftsOf(agency);
        assertThat(kept).isEqualTo(freshOf(agency));
        assertThat(total(kept, 2567) + total(kept, 2568)).as("60 cases and X-1").isEqualTo(61);
    }

    /** A received case of FY2567 written straight to the store, as a writer this instance does not see would. */
    private void writeBehindTheProjection(int generation, String agency, String caseId) {
        mongo.insert(new Document("_id", agency + ":" + caseId).append("agency", agency).append("version", 1L)
                .append("fiscalYear", 2567).append("receivedMonth", "2023-10").append("channel", "PHONE")
                .append("category", "MISCONDUCT").append("status", "RECEIVED").append("final", false),
                ProjectionStore.cases(generation));
    }

    /**
     * Cases of FY2567 and FY2568, each with up to five versions, the second half shuffled; some events come
     * twice: the same event again ({@code redeliver}) or another event of the same version.
     */
    private static List<ComplaintEvent> randomHistory(String agency, Random random, boolean redeliver) {
        List<ComplaintEvent> events = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            Instant received = FY2567.plus(Duration.ofHours(random.nextInt(2 * 365 * 24)));
            int versions = 1 + random.nextInt(5);
            for (int v = 1; v <= versions; v++) {
                ComplaintEvent event = event(agency, "C-" + c, v, CHANNELS[random.nextInt(CHANNELS.length)],
                        CATEGORIES[random.nextInt(CATEGORIES.length)],
                        v == 1 ? "RECEIVED" : STATUSES[random.nextInt(STATUSES.length)], received);
                events.add(event);
                if (random.nextInt(5) == 0) {
                    events.add(redeliver ? event
                            : new ComplaintEvent(UUID.randomUUID().toString(), event.type(), event.time(), event.data()));
                }
            }
        }
        // Per case Kafka keeps order; across cases anything goes. A few late events show up out of order too.
        Collections.shuffle(events.subList(events.size() / 2, events.size()), random);
        return events;
    }

    private static ComplaintEvent event(String agency, String caseId, long version, String channel, String category,
            String status, Instant received) {
        boolean concluded = status.startsWith("CONCLUDED");
        Instant changed = received.plus(Duration.ofDays(9 * version));
        return new ComplaintEvent(UUID.randomUUID().toString(),
                version == 1 ? "complaint.submitted.v1" : "complaint.status-changed.v1", changed,
                new ComplaintEvent.Snapshot(agency, caseId, channel, category, null, received, status, version, null,
                        "CITIZEN", version == 1 ? received : changed, concluded ? changed : null,
                        status.equals("CLOSED_WITHOUT_INQUIRY") ? "DUPLICATE" : null, null));
    }

    /** The blocks of FY2567 and FY2568 through their first and sixth month and all year, and of FY2569. */
    private Map<String, List<ComplaintTable.Block>> draftsOf(String agency) {
        return tablesOf(agency, false);
    }

    private Map<String, List<ComplaintTable.Block>> freshOf(String agency) {
        return tablesOf(agency, true);
    }

    private Map<String, List<ComplaintTable.Block>> tablesOf(String agency, boolean fresh) {
        Map<String, List<ComplaintTable.Block>> blocks = new TreeMap<>();
        for (int year : new int[] { 2567, 2568, 2569 }) {
            FiscalYear fy = FiscalYear.of(year);
            for (YearMonth through : List.of(fy.firstMonth(), fy.firstMonth().plusMonths(5), fy.lastMonth())) {
                blocks.put(year + " through " + through, tables.table(agency, fy, through, fresh).blocks());
            }
        }
        return blocks;
    }

    private static long total(Map<String, List<ComplaintTable.Block>> blocks, int year) {
        return blocks.get(year + " through " + FiscalYear.of(year).lastMonth()).get(3).totals().total();
    }

    private long received(String agency, int year) {
        FiscalYear fy = FiscalYear.of(year);
        return tables.table(agency, fy, fy.lastMonth(), false).totalReceived();
    }

    private double recounts() {
        return meters.find(CaseShapes.RECOUNTS).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double drift() {
        Counter counter = meters.find(CaseShapes.DRIFT).counter();
        return counter == null ? 0 : counter.count();
    }
}
