package th.integrity.stats.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

/** Rebuilding the projection from the topics gives the same tables as the live projection. */
class ReplayTest extends IntegrationTestSupport {

    @Autowired
    ProjectionStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aReplayEqualsTheLiveProjectionAndSwitchesOnlyWhenCaughtUp() {
        String agency = newAgency();
        Instant received = Instant.parse("2024-12-03T03:00:00Z");
        Map<String, Object> v1 = complaint(agency, "C-1", 1, received, "RECEIVED");
        Map<String, Object> v3 = complaint(agency, "C-1", 3, received, "CONCLUDED_WITH_CAUSE");
        v3.put("concludedAt", "2025-02-03T03:00:00Z");
        Map<String, Object> v2 = complaint(agency, "C-1", 2, received, "UNDER_INVESTIGATION");
        sendComplaint(v1);
        sendComplaint(v3);
        sendComplaint(v3);
        sendComplaint(v2);
        Map<String, Object> other = complaint(agency, "C-2", 1, Instant.parse("2025-03-31T20:00:00Z"), "RECEIVED");
        other.put("channel", "TRAFFY_FONDUE");
        other.put("category", "OTHER");
        sendComplaint(other);
        String draft = "/api/stats/complaints/" + agency + "/2568/draft";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode table = asOfficer(draft).body();
            return table.path("totalReceived").asLong() == 2
                    && table.path("blocks").get(3).path("totals").path("concluded").asLong() == 1;
        });
        JsonNode before = asOfficer(draft).body();
        int generationBefore = store.active();
        List<Document> casesBefore = cases(agency, generationBefore);

        String admin = token(agency, "ADMIN");
        assertThat(post("/api/stats/replays", null, token(agency, "OFFICER")).status()).isEqualTo(403);
        Response started = post("/api/stats/replays", null, admin);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.body().path("id").asString();
        assertThat(started.body().path("generation").asInt()).isEqualTo(generationBefore + 1);
        Response second = post("/api/stats/replays", null, admin);
        assertThat(second.status()).as("one replay at a time").isEqualTo(409);

        await().atMost(Duration.ofSeconds(60)).until(() ->
                !get("/api/stats/replays/" + id, admin).body().path("state").asString().equals("RUNNING"));
        JsonNode replay = get("/api/stats/replays/" + id, admin).body();
        assertThat(replay.path("state").asString()).as(replay.toString()).isEqualTo("SWITCHED");
        assertThat(replay.path("recordsRead").asLong()).isPositive();
        for (JsonNode partition : replay.path("partitions")) {
            assertThat(partition.path("position").asLong()).isEqualTo(partition.path("endOffset").asLong());
        }
        assertThat(store.active()).isEqualTo(generationBefore + 1);

        JsonNode after = asOfficer(draft).body();
        assertThat(after.path("blocks")).isEqualTo(before.path("blocks"));
        assertThat(after.path("totalReceived")).isEqualTo(before.path("totalReceived"));
        assertThat(strip(cases(agency, store.active()))).isEqualTo(strip(casesBefore));

        // The live listener writes to the new active generation afterwards.
        sendComplaint(complaint(agency, "C-3", 1, Instant.parse("2025-01-05T03:00:00Z"), "RECEIVED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> asOfficer(draft).body().path("totalReceived").asLong() == 3);
    }

    private List<Document> cases(String agency, int generation) {
        return mongo.find(Query.query(Criteria.where("agency").is(agency)).with(Sort.by("_id")), Document.class,
                ProjectionStore.cases(generation));
    }

    /** What may legitimately differ: when it was applied, and by which duplicate of the same version. */
    private static List<Document> strip(List<Document> documents) {
        documents.forEach(d -> {
            d.remove("projectedAt");
            d.remove("lastEventId");
        });
        return documents;
    }
}
