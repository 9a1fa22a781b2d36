package th.integrity.gifts.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The register's rounds and halves on the Thai fiscal calendar (platform's FiscalCalendar), without Spring. */
class RoundTest {

    @Test
    void theHalfFollowsTheThaiFiscalYear() {
        assertThat(Half.of(LocalDate.of(2025, 3, 31))).isEqualTo(Half.H1);
        assertThat(Half.of(LocalDate.of(2025, 4, 1))).isEqualTo(Half.H2);
        assertThat(Half.of(LocalDate.of(2024, 10, 1))).isEqualTo(Half.H1);
    }

    @Test
    void aRoundRunsFrom1OctoberToMarchOrSeptember() {
        assertThat(Round.H1.period(2568).contains(LocalDate.of(2025, 4, 1))).isFalse();
        assertThat(Round.FY.period(2568).contains(LocalDate.of(2025, 4, 1))).isTrue();
        assertThat(Round.H1.period(2568).from()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(Round.H1.period(2568).to()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(Round.FY.period(2568).to()).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void roundsAreWrittenInThaiAndEnglishWithTheBuddhistEra() {
        assertThat(Round.H1.describedTh(2568)).isEqualTo("รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)");
        assertThat(Round.FY.describedTh(2568)).isEqualTo("รอบ 12 เดือน (1 ตุลาคม 2567 – 30 กันยายน 2568)");
        assertThat(Round.H1.describedEn(2568)).isEqualTo("6-month round (1 October 2567 BE – 31 March 2568 BE)");
    }
}
