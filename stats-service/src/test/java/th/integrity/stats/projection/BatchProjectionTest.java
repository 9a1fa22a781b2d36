package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import th.integrity.stats.IntegrationTestSupport;

/**
 * {@link ComplaintCaseProjection#applyAllTo} (the replay's batch path) against the real store: it leaves exactly
 * what {@link ComplaintCaseProjection#applyTo} leaves for the same events one by one. Each test writes
 * generations of its own, which no query reads.
 */
class BatchProjectionTest extends IntegrationTestSupport {

    private static final Instant RECEIVED = Instant.parse("2024-11-20T02:00:00Z");

    @Autowired
    ComplaintCaseProjection projection;

    @Autowired
    ProjectionChangeStore changes;

    @Autowired
    MongoTemplate mongo;

    @Test
    void batchesLeaveTheSameDocumentsAsOneEventAtATime() {
        String agency = newAgency();
        List<ComplaintEvent> events = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            for (int v = 1; v <= 1 + c % 4; v++) {
                ComplaintEvent event = snapshot(agency, "C-" + c, v);
                events.add(event);
                if ((c + v) % 3 == 0) {
                    events.add(event); // redelivered
                }
            }
        }
        events.add(snapshot(agency, "C-1", 2)); // same version as one before it, another event id
        Collections.shuffle(events, new Random(42));
        int oneByOne = generation();
        int batched = generation();

        events.forEach(event -> projection.applyTo(oneByOne, event));
        int written = 0;
        for (int from = 0; from < events.size(); from += 5) { // versions and duplicates across and within batches
            written += projection.applyAllTo(batched, events.subList(from, Math.min(events.size(), from + 5)));
        }

        List<Document> expected = cases(oneByOne, agency);
        assertThat(expected).hasSize(8);
        assertThat(cases(batched, agency)).isEqualTo(expected);
        assertThat(expected).extracting(d -> d.get("version")).containsExactly(1L, 2L, 3L, 4L, 1L, 2L, 3L, 4L);
        assertThat(written).isBetween(8, events.size());
    }

    @Test
    void theSameOrAnOlderVersionThanTheStoredOneChangesNothing() {
        String agency = newAgency();
        int generation = generation();
        ComplaintEvent stored = snapshot(agency, "C-1", 3);
        projection.applyTo(generation, stored);
        long stamp = changes.stamp(generation, agency);

        int written = projection.applyAllTo(generation,
                List.of(snapshot(agency, "C-1", 2), snapshot(agency, "C-1", 3), snapshot(agency, "C-1", 1)));

        assertThat(written).isZero();
        assertThat(cases(generation, agency)).singleElement()
                .satisfies(d -> assertThat(d.get("lastEventId")).isEqualTo(stored.id()));
        assertThat(changes.stamp(generation, agency)).as("nothing changed, no new stamp").isEqualTo(stamp);
    }

    @Test
    void everyAgencyThatChangedIsStampedOncePerBatch() {
        String a = newAgency();
        String b = newAgency();
        int generation = generation();

        projection.applyAllTo(generation, List.of(snapshot(a, "C-1", 1), snapshot(a, "C-2", 1), snapshot(b, "C-1", 1),
                snapshot(a, "C-3", 1), snapshot(b, "C-2", 1)));
        assertThat(changes.stamp(generation, a)).isEqualTo(1);
        assertThat(changes.stamp(generation, b)).isEqualTo(1);

        projection.applyAllTo(generation, List.of(snapshot(a, "C-1", 1), snapshot(b, "C-1", 2), snapshot(b, "C-2", 2)));
        assertThat(changes.stamp(generation, a)).as("a stale duplicate").isEqualTo(1);
        assertThat(changes.stamp(generation, b)).isEqualTo(2);
    }

    @Test
    void aStoredDocumentWithoutAVersionCountsAsOlder() {
        // A document under this id without a version (as a correction's supersededBy mark leaves for a gift
        // declaration): the batch's write must update it, not take its duplicate key for "stale".
        String a = newAgency();
        String b = newAgency();
        int generation = generation();
        mongo.insert(new Document("_id", a + ":C-1").append("agency", a), ProjectionStore.cases(generation));

        int written = projection.applyAllTo(generation, List.of(snapshot(a, "C-1", 2), snapshot(b, "C-9", 1)));

        assertThat(written).isEqualTo(2);
        assertThat(cases(generation, a)).singleElement().satisfies(d -> {
            assertThat(d.get("version")).isEqualTo(2L);
            assertThat(d.get("status")).isEqualTo("UNDER_REVIEW");
        });
        assertThat(cases(generation, b)).singleElement().satisfies(d -> assertThat(d.get("version")).isEqualTo(1L));
        assertThat(changes.stamp(generation, a)).isEqualTo(1);
        assertThat(changes.stamp(generation, b)).isEqualTo(1);
    }

    @Test
    void anUnprojectableEventFailsTheBatchBeforeAnythingIsWritten() {
        String agency = newAgency();
        int generation = generation();
        ComplaintEvent outside = new ComplaintEvent(UUID.randomUUID().toString(), "complaint.submitted.v1",
                Instant.now(), new ComplaintEvent.Snapshot(agency, "C-2", "WEB", "CORRUPTION", null,
                        Instant.parse("1900-01-01T00:00:00Z"), "RECEIVED", 1));

        assertThatThrownBy(() -> ComplaintCaseProjection.check(outside)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> projection.applyAllTo(generation, List.of(snapshot(agency, "C-1", 1), outside)))
                .isInstanceOf(InvalidEventException.class);
        assertThat(cases(generation, agency)).isEmpty();
    }

    /** A full-contract snapshot whose fields all change with the version (so a wrong version shows). */
    private static ComplaintEvent snapshot(String agency, String caseId, long version) {
        String[] statuses = { "RECEIVED", "UNDER_REVIEW", "UNDER_INVESTIGATION", "CONCLUDED_WITH_CAUSE",
                "CLOSED_WITHOUT_INQUIRY" };
        String status = statuses[(int) Math.min(version - 1, statuses.length - 1)];
        boolean closed = status.equals("CLOSED_WITHOUT_INQUIRY");
        Instant changed = RECEIVED.plus(Duration.ofDays(3 * version));
        return new ComplaintEvent(UUID.randomUUID().toString(),
                version == 1 ? "complaint.submitted.v1" : "complaint.status-changed.v1", changed,
                new ComplaintEvent.Snapshot(agency, caseId, "WEB", version > 2 ? "MISCONDUCT" : "CORRUPTION",
                        "D-" + version, RECEIVED, status, version, version > 1 ? "SUB-" + version : null,
                        "CITIZEN", changed, status.startsWith("CONCLUDED") ? changed : null,
                        closed ? "DUPLICATE" : null, status.startsWith("CONCLUDED") || closed ? null
                                : changed.plus(Duration.ofDays(15))));
    }

    /** A generation number no other test and no query uses. */
    private static int generation() {
        return 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    /** The agency's case documents, without the moment they were written (the only field that may differ). */
    private List<Document> cases(int generation, String agency) {
        List<Document> documents = mongo.find(Query.query(Criteria.where("agency").is(agency)).with(Sort.by("_id")),
                Document.class, ProjectionStore.cases(generation));
        documents.forEach(d -> d.remove("projectedAt"));
        return documents;
    }
}
