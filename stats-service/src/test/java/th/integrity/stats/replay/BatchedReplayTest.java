package th.integrity.stats.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

import th.integrity.stats.IntegrationTestSupport;
import th.integrity.stats.projection.ProjectionStore;

/**
 * A replay in batches (the suite sets {@code replay-batch-size} to 7, so the topic takes many polls) rebuilds
 * exactly the case documents the live projection built one event at a time, from a topic where cases have
 * several versions, out of order, duplicated within a batch and across batches, and an unprojectable newest
 * version.
 */
class BatchedReplayTest extends IntegrationTestSupport {

    private static final Instant RECEIVED = Instant.parse("2025-01-06T03:00:00Z");
    private static final int CASES = 10;

    @Autowired
    ProjectionStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aReplayInBatchesRebuildsExactlyTheLiveCaseDocuments() {
        String agency = newAgency();
        List<String[]> records = new ArrayList<>(); // key, value: a resent value is the same event (same id)
        Map<String, Long> highest = new TreeMap<>();
        for (int c = 0; c < CASES; c++) {
            long versions = 2 + c % 4;
            highest.put(agency + ":C-" + c, versions);
            for (int v = 1; v <= versions; v++) {
                records.add(record(agency, c, v, RECEIVED));
            }
        }
        Collections.shuffle(records, new Random(7));
        // Consecutive offsets of one key (one partition), so within one poll: newer, older, duplicate, older.
        List<String[]> burst = List.of(record(agency, CASES, 3, RECEIVED), record(agency, CASES, 1, RECEIVED),
                record(agency, CASES, 3, RECEIVED), record(agency, CASES, 2, RECEIVED));
        highest.put(agency + ":C-" + CASES, 3L);
        records.addAll(0, burst);
        // Across polls: the same events again at the end, and a late older version.
        records.add(records.get(5));
        records.add(records.get(12));
        records.add(burst.get(0));
        records.add(record(agency, 3, 1, RECEIVED));
        // A newest version neither projection can take (received outside the supported fiscal years): both keep
        // the version before it; the replay must not let it hide the older versions of its batch.
        records.add(record(agency, 2, highest.get(agency + ":C-2") + 1, Instant.parse("1900-01-01T00:00:00Z")));
        records.forEach(r -> send(r[0], r[1]));

        await().atMost(Duration.ofSeconds(60)).until(() -> versions(cases(agency, store.active())).equals(highest));
        int generationBefore = store.active();
        List<Document> live = cases(agency, generationBefore);

        String admin = token(agency, "ADMIN");
        Response started = post("/api/stats/replays", null, admin);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.body().path("id").asString();
        await().atMost(Duration.ofSeconds(90)).until(() ->
                !get("/api/stats/replays/" + id, admin).body().path("state").asString().equals("RUNNING"));
        JsonNode replay = get("/api/stats/replays/" + id, admin).body();
        assertThat(replay.path("state").asString()).as(replay.toString()).isEqualTo("SWITCHED");
        assertThat(replay.path("skipped").asLong()).as("the unprojectable version").isPositive();
        assertThat(store.active()).isEqualTo(generationBefore + 1);

        List<Document> rebuilt = cases(agency, store.active());
        assertThat(versions(rebuilt)).isEqualTo(highest);
        // Every projected field, the version and the event that wrote it; only the moment of writing differs.
        assertThat(rebuilt).isEqualTo(live);
    }

    /** One full-contract snapshot of case {@code C-c}; every field depends on the version. */
    private String[] record(String agency, int c, long version, Instant received) {
        String[] statuses = { "RECEIVED", "UNDER_REVIEW", "UNDER_INVESTIGATION", "CONCLUDED_WITHOUT_CAUSE",
                "CLOSED_WITHOUT_INQUIRY" };
        String status = statuses[(int) Math.min(version - 1, statuses.length - 1)];
        Instant changed = received.plus(Duration.ofDays(5 * version + c));
        Map<String, Object> data = complaint(agency, "C-" + c, version, received, status);
        data.put("category", version % 2 == 0 ? "MISCONDUCT" : "CORRUPTION");
        data.put("subcategory", version > 1 ? "SUB-" + version : null);
        data.put("division", "D-" + version);
        data.put("reporterStanding", version > 2 ? "STAFF" : "CITIZEN");
        data.put("statusChangedAt", changed.toString());
        data.put("concludedAt", status.startsWith("CONCLUDED") ? changed.toString() : null);
        data.put("closureReason", status.equals("CLOSED_WITHOUT_INQUIRY") ? "WITHDRAWN" : null);
        data.put("dueAt", version < 4 ? changed.plus(Duration.ofDays(15)).toString() : null);
        String type = version == 1 ? "complaint.submitted.v1" : "complaint.status-changed.v1";
        return new String[] { agency + ":C-" + c, envelope(type, agency, "C-" + c, data) };
    }

    private static Map<String, Long> versions(List<Document> cases) {
        Map<String, Long> versions = new TreeMap<>();
        cases.forEach(d -> versions.put(d.getString("_id"), ((Number) d.get("version")).longValue()));
        return versions;
    }

    private List<Document> cases(String agency, int generation) {
        List<Document> documents = mongo.find(Query.query(Criteria.where("agency").is(agency)).with(Sort.by("_id")),
                Document.class, ProjectionStore.cases(generation));
        documents.forEach(d -> d.remove("projectedAt"));
        return documents;
    }
}
