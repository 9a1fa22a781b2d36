package th.integrity.gifts.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.Round;

class ThaiCalendarTest {

    @Test
    void fiscalYearAndHalfFollowTheThaiCalendar() {
        assertThat(FiscalCalendar.fiscalYear(LocalDate.of(2024, 9, 30))).isEqualTo(2567);
        assertThat(FiscalCalendar.fiscalYear(LocalDate.of(2024, 10, 1))).isEqualTo(2568);
        assertThat(FiscalCalendar.fiscalYear(LocalDate.of(2025, 9, 30))).isEqualTo(2568);
        assertThat(FiscalCalendar.half(LocalDate.of(2025, 3, 31))).isEqualTo(Half.H1);
        assertThat(FiscalCalendar.half(LocalDate.of(2025, 4, 1))).isEqualTo(Half.H2);
        assertThat(FiscalCalendar.half(LocalDate.of(2024, 10, 1))).isEqualTo(Half.H1);
        assertThat(FiscalCalendar.inRound(LocalDate.of(2025, 4, 1), 2568, Round.H1)).isFalse();
        assertThat(FiscalCalendar.inRound(LocalDate.of(2025, 4, 1), 2568, Round.FY)).isTrue();
    }

    @Test
    void datesAreWrittenInThaiWithTheBuddhistEra() {
        assertThat(ThaiDates.shortDate(LocalDate.of(2025, 1, 15))).isEqualTo("15 ม.ค. 2568");
        assertThat(ThaiDates.longDate(LocalDate.of(2024, 10, 1))).isEqualTo("1 ตุลาคม 2567");
        assertThat(ThaiDates.roundTh(2568, Round.H1)).isEqualTo("รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)");
        assertThat(ThaiDates.roundTh(2568, Round.FY)).isEqualTo("รอบ 12 เดือน (1 ตุลาคม 2567 – 30 กันยายน 2568)");
        assertThat(ThaiDates.roundEn(2568, Round.H1)).isEqualTo("6-month round (1 October 2567 BE – 31 March 2568 BE)");
        assertThat(ThaiDates.shortDate(null)).isEmpty();
    }
}
