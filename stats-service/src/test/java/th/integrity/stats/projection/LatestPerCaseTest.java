package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The in-memory fold a replay batch goes through before it touches the store. */
class LatestPerCaseTest {

    @Test
    void theHighestVersionOfEachCaseIsKeptWhateverTheOrder() {
        List<ComplaintEvent> events = List.of(event("e3", "a", "C-1", 3), event("e1", "a", "C-1", 1),
                event("e5", "a", "C-2", 5), event("e4", "a", "C-1", 4), event("e2", "a", "C-2", 2));

        Map<String, ComplaintEvent> latest = CaseState.latestPerCase(events);

        assertThat(latest).containsOnlyKeys("a:C-1", "a:C-2");
        assertThat(latest.get("a:C-1").id()).isEqualTo("e4");
        assertThat(latest.get("a:C-2").id()).isEqualTo("e5");
    }

    @Test
    void ofTwoEventsWithTheSameVersionTheFirstWinsAsAppliedOneByOne() {
        // A redelivered duplicate carries its own id: applyTo would find the first stored and skip the second.
        Map<String, ComplaintEvent> latest = CaseState.latestPerCase(
                List.of(event("first", "a", "C-1", 2), event("older", "a", "C-1", 1), event("second", "a", "C-1", 2)));

        assertThat(latest.get("a:C-1").id()).isEqualTo("first");
    }

    @Test
    void casesAreKeyedByAgencyAndCaseId() {
        Map<String, ComplaintEvent> latest = CaseState.latestPerCase(
                List.of(event("x", "a", "C-1", 1), event("y", "b", "C-1", 1)));

        assertThat(latest).containsOnlyKeys("a:C-1", "b:C-1");
        assertThat(latest.keySet()).containsExactly("a:C-1", "b:C-1"); // in the order the cases first appear
    }

    @Test
    void anEmptyBatchFoldsToNothing() {
        assertThat(CaseState.latestPerCase(List.of())).isEmpty();
    }

    @Test
    void anyShuffleOfABatchFoldsToTheSameEvents() {
        List<ComplaintEvent> events = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            for (int v = 1; v <= 1 + c % 5; v++) {
                events.add(event("C-" + c + "@" + v, "a", "C-" + c, v));
            }
        }
        Random random = new Random(9);
        for (int round = 0; round < 50; round++) {
            Collections.shuffle(events, random);
            Map<String, ComplaintEvent> latest = CaseState.latestPerCase(events);
            assertThat(latest).hasSize(20);
            latest.forEach((id, event) -> {
                int c = Integer.parseInt(event.data().caseId().substring(2));
                assertThat(event.id()).isEqualTo("C-" + c + "@" + (1 + c % 5));
            });
        }
    }

    private static ComplaintEvent event(String id, String agency, String caseId, long version) {
        return new ComplaintEvent(id, "complaint.status-changed.v1", Instant.parse("2025-01-01T00:00:00Z"),
                new ComplaintEvent.Snapshot(agency, caseId, "WEB", "CORRUPTION", null,
                        Instant.parse("2025-01-01T00:00:00Z"), "S" + version, version));
    }
}
