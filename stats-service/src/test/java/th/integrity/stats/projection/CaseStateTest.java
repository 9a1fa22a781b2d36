package th.integrity.stats.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The projection's state rules without Spring or a store ({@link CaseState}): what a case document holds after an
 * event — the Bangkok month and fiscal year it counts in, whether it is final, the month it was concluded in and
 * the days it took — which events can be projected, and which event of a case wins.
 */
class CaseStateTest {

    private static final Instant PROJECTED = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void aCaseCountsInTheBangkokMonthAndFiscalYearItWasReceivedIn() {
        // 20:00 UTC on 30 September is 03:00 on 1 October in Bangkok: ตุลาคม 2567, the first month of FY 2568.
        Document fields = CaseState.of(event("RECEIVED", Instant.parse("2024-09-30T20:00:00Z"), null, null, 1),
                PROJECTED);
        assertThat(fields.getString("receivedMonth")).isEqualTo("2024-10");
        assertThat(fields.getInteger("fiscalYear")).isEqualTo(2568);
        assertThat(fields.getBoolean("final")).isFalse();
        assertThat(fields.get("concludedMonth")).isNull();
        assertThat(fields.get("daysToConclusion")).isNull();
        assertThat(fields.get("version")).isEqualTo(1L);
        assertThat(fields.get("projectedAt")).isEqualTo(PROJECTED);

        Document lastDay = CaseState.of(event("RECEIVED", Instant.parse("2024-09-30T16:59:59Z"), null, null, 1),
                PROJECTED);
        assertThat(lastDay.getString("receivedMonth")).isEqualTo("2024-09");
        assertThat(lastDay.getInteger("fiscalYear")).isEqualTo(2567);
    }

    @Test
    void aFinalCaseIsConcludedWhenItsSnapshotSaysInBangkokDays() {
        Instant received = Instant.parse("2025-01-10T03:00:00Z");
        Document fields = CaseState.of(event("CONCLUDED_WITH_CAUSE", received, Instant.parse("2025-02-01T00:00:00Z"),
                Instant.parse("2025-02-03T18:00:00Z"), 4), PROJECTED);
        assertThat(fields.getBoolean("final")).isTrue();
        // concludedAt (01:00 on 4 February in Bangkok) wins over statusChangedAt.
        assertThat(fields.getString("concludedMonth")).isEqualTo("2025-02");
        assertThat(fields.getInteger("daysToConclusion")).isEqualTo(25);
    }

    @Test
    void olderFinalSnapshotsFallBackToTheStatusChangeThenToTheMonthOfReceiptWithoutDays() {
        Instant received = Instant.parse("2025-01-10T03:00:00Z");
        Document byStatusChange = CaseState.of(event("CLOSED_WITHOUT_INQUIRY", received,
                Instant.parse("2025-03-05T03:00:00Z"), null, 2), PROJECTED);
        assertThat(byStatusChange.getString("concludedMonth")).isEqualTo("2025-03");
        assertThat(byStatusChange.getInteger("daysToConclusion")).isEqualTo(54);

        Document withNeither = CaseState.of(event("CONCLUDED_WITHOUT_CAUSE", received, null, null, 2), PROJECTED);
        assertThat(withNeither.getString("concludedMonth")).isEqualTo("2025-01");
        assertThat(withNeither.get("daysToConclusion")).isNull();
    }

    @Test
    void aConclusionBeforeReceiptCountsZeroDaysNotNegative() {
        Document fields = CaseState.of(event("CONCLUDED_WITH_CAUSE", Instant.parse("2025-01-10T03:00:00Z"), null,
                Instant.parse("2025-01-01T03:00:00Z"), 2), PROJECTED);
        assertThat(fields.getInteger("daysToConclusion")).isZero();
    }

    @Test
    void onlyTheThreeFinalStatusesAreFinal() {
        for (String status : List.of("RECEIVED", "UNDER_REVIEW", "FORWARDED", "UNDER_INVESTIGATION", "concluded_with_cause",
                "SOMETHING_NEW")) {
            assertThat(CaseState.of(event(status, Instant.parse("2025-01-10T03:00:00Z"), null, null, 1), PROJECTED)
                    .getBoolean("final")).as(status).isFalse();
        }
    }

    @Test
    void anEventReceivedOutsideTheSupportedFiscalYearsCannotBeProjected() {
        for (Instant receivedAt : List.of(Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"))) {
            ComplaintEvent event = event("RECEIVED", receivedAt, null, null, 1);
            assertThatThrownBy(() -> CaseState.check(event)).isInstanceOf(InvalidEventException.class);
            assertThatThrownBy(() -> CaseState.of(event, PROJECTED)).isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void onlyTheSameEventAtTheStoredVersionIsARedelivery() {
        ComplaintEvent event = event("RECEIVED", Instant.parse("2025-01-10T03:00:00Z"), null, null, 3);
        assertThat(CaseState.isRedeliveryOfStored(event,
                new Document("version", 3L).append("lastEventId", event.id()))).isTrue();
        assertThat(CaseState.isRedeliveryOfStored(event,
                new Document("version", 3L).append("lastEventId", "another"))).isFalse();
        assertThat(CaseState.isRedeliveryOfStored(event,
                new Document("version", 4L).append("lastEventId", event.id()))).isFalse();
        assertThat(CaseState.isRedeliveryOfStored(event, null)).isFalse();
    }

    @Test
    void aDocumentWithoutAVersionIsOlderThanAnyEvent() {
        assertThat(SnapshotStore.versionOf(null)).isEqualTo(Long.MIN_VALUE);
        assertThat(SnapshotStore.versionOf(new Document("supersededBy", "D-2"))).isEqualTo(Long.MIN_VALUE);
        assertThat(SnapshotStore.versionOf(new Document("version", 7))).isEqualTo(7L);
    }

    private static ComplaintEvent event(String status, Instant receivedAt, Instant statusChangedAt, Instant concludedAt,
            long version) {
        return new ComplaintEvent(java.util.UUID.randomUUID().toString(), "complaint.status-changed.v1",
                Instant.parse("2025-01-10T03:00:00Z"),
                new ComplaintEvent.Snapshot("agency", "C-1", "WEB", "CORRUPTION", null, receivedAt, status, version,
                        null, "CITIZEN", statusChangedAt, concludedAt, null, null));
    }
}
