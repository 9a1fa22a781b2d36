package th.integrity.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The one Thai calendar of every service, without Spring: Bangkok days and months, the fiscal year (ตุลาคม – กันยายน)
 * and its first half, Buddhist-Era years, and dates and months written in Thai and English.
 */
class FiscalCalendarTest {

    @Test
    void aComplaintFiledLateOn31MarchUtcBelongsToAprilInBangkok() {
        Instant filed = Instant.parse("2025-03-31T20:00:00Z");

        assertThat(FiscalCalendar.monthOf(filed)).isEqualTo(YearMonth.of(2025, 4));
        assertThat(FiscalCalendar.monthLabelThai(FiscalCalendar.monthOf(filed))).isEqualTo("เมษายน 2568");
        assertThat(FiscalCalendar.fiscalYearOf(filed)).isEqualTo(FiscalYear.of(2568));
    }

    @Test
    void midnightOf1OctoberInBangkokStartsTheNextFiscalYear() {
        assertThat(FiscalCalendar.fiscalYearOf(Instant.parse("2024-09-30T17:00:00Z"))).isEqualTo(FiscalYear.of(2568));
        assertThat(FiscalCalendar.fiscalYearOf(Instant.parse("2024-09-30T16:59:59Z"))).isEqualTo(FiscalYear.of(2567));
        assertThat(FiscalCalendar.fiscalYearOf(Instant.parse("2025-09-30T16:59:59Z"))).isEqualTo(FiscalYear.of(2568));
        assertThat(FiscalCalendar.fiscalYearOf(Instant.parse("2025-09-30T17:00:00Z"))).isEqualTo(FiscalYear.of(2569));
    }

    @Test
    void fiscalYear2568RunsFrom1October2024To30September2025() {
        FiscalYear fy = FiscalYear.of(2568);

        assertThat(fy.firstDay()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(fy.lastDay()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(fy.firstMonth()).isEqualTo(YearMonth.of(2024, 10));
        assertThat(fy.lastMonth()).isEqualTo(YearMonth.of(2025, 9));
        assertThat(fy.contains(LocalDate.of(2024, 9, 30))).isFalse();
        assertThat(fy.contains(YearMonth.of(2025, 10))).isFalse();
    }

    @Test
    void theTwelveMonthsRunFromOctoberToSeptember() {
        var months = FiscalCalendar.months(FiscalYear.of(2568));

        assertThat(months).hasSize(12);
        assertThat(months.get(0)).isEqualTo(YearMonth.of(2024, 10));
        assertThat(months.get(11)).isEqualTo(YearMonth.of(2025, 9));
        assertThat(months.stream().map(FiscalCalendar::monthLabelThai)).containsExactly(
                "ตุลาคม 2567", "พฤศจิกายน 2567", "ธันวาคม 2567", "มกราคม 2568", "กุมภาพันธ์ 2568", "มีนาคม 2568",
                "เมษายน 2568", "พฤษภาคม 2568", "มิถุนายน 2568", "กรกฎาคม 2568", "สิงหาคม 2568", "กันยายน 2568");
    }

    @Test
    void theSixMonthRoundEndsInMarch() {
        var months = FiscalCalendar.months(FiscalYear.of(2568), YearMonth.of(2025, 3));

        assertThat(months).containsExactly(YearMonth.of(2024, 10), YearMonth.of(2024, 11), YearMonth.of(2024, 12),
                YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3));
        assertThat(FiscalCalendar.months(FiscalYear.of(2568), YearMonth.of(2024, 10))).hasSize(1);
    }

    @Test
    void aMonthOutsideTheFiscalYearIsRejected() {
        assertThatThrownBy(() -> FiscalYear.of(2568).monthsThrough(YearMonth.of(2024, 9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FiscalYear.of(2568).monthsThrough(YearMonth.of(2025, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void monthLabels() {
        assertThat(FiscalCalendar.monthLabelThai(YearMonth.of(2024, 10))).isEqualTo("ตุลาคม 2567");
        assertThat(FiscalCalendar.monthLabelThaiShort(YearMonth.of(2024, 10))).isEqualTo("ต.ค. 2567");
        assertThat(FiscalCalendar.monthLabelEnglish(YearMonth.of(2024, 10))).isEqualTo("October 2567 BE");
        assertThat(FiscalCalendar.monthLabelThai(YearMonth.of(2025, 2))).isEqualTo("กุมภาพันธ์ 2568");
    }

    @Test
    void dateLabelsAreBuddhistEraInBothLanguages() {
        LocalDate date = LocalDate.of(2026, 10, 15);
        assertThat(FiscalCalendar.dateLabelShort(date, java.util.Locale.forLanguageTag("th"))).isEqualTo("15 ต.ค. 2569");
        assertThat(FiscalCalendar.dateLabelShort(date, java.util.Locale.ENGLISH)).isEqualTo("15 Oct 2569 BE");
        assertThat(FiscalCalendar.dateLabelEnglishShort(LocalDate.of(2027, 1, 2))).isEqualTo("2 Jan 2570 BE");
        assertThat(FiscalCalendar.dateLabelEnglishShort(null)).isEmpty();
        assertThat(FiscalCalendar.monthLabel(YearMonth.of(2030, 1), java.util.Locale.ENGLISH)).isEqualTo("January 2573 BE");
        assertThat(FiscalCalendar.monthLabel(YearMonth.of(2030, 1), java.util.Locale.forLanguageTag("th")))
                .isEqualTo("มกราคม 2573");
    }

    @Test
    void monthNames() {
        assertThat(Arrays.stream(Month.values()).map(MonthNames::thai)).containsExactly(
                "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");
        assertThat(Arrays.stream(Month.values()).map(MonthNames::thaiShort)).containsExactly(
                "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.");
        assertThat(MonthNames.english(Month.SEPTEMBER)).isEqualTo("September");
        assertThat(MonthNames.englishShort(Month.SEPTEMBER)).isEqualTo("Sep");
    }

    @Test
    void periodLabels() {
        FiscalYear fy = FiscalYear.of(2568);

        assertThat(fy.period().labelThai()).isEqualTo("1 ตุลาคม 2567 – 30 กันยายน 2568");
        assertThat(fy.period().labelEnglish()).isEqualTo("1 October 2567 BE – 30 September 2568 BE");
        assertThat(fy.periodThrough(YearMonth.of(2025, 3)).labelThai()).isEqualTo("1 ตุลาคม 2567 – 31 มีนาคม 2568");
        assertThat(FiscalYear.of(2567).periodThrough(YearMonth.of(2024, 2)).to())
                .as("a leap-year February ends on the 29th").isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void theFiscalYearOfAnyDateAsANumber() {
        assertThat(FiscalCalendar.fiscalYear(LocalDate.of(2024, 9, 30))).isEqualTo(2567);
        assertThat(FiscalCalendar.fiscalYear(LocalDate.of(2024, 10, 1))).isEqualTo(2568);
        assertThat(FiscalCalendar.fiscalYear(LocalDate.of(2025, 9, 30))).isEqualTo(2568);
        assertThat(FiscalCalendar.fiscalYear(LocalDate.of(1900, 1, 1))).as("outside what a user may ask for")
                .isEqualTo(2443);
        assertThat(FiscalCalendar.fiscalYearOf(LocalDate.of(2024, 10, 1))).isEqualTo(FiscalYear.of(2568));
    }

    @Test
    void theFirstHalfRunsFromOctoberToMarch() {
        assertThat(FiscalCalendar.inFirstHalf(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(FiscalCalendar.inFirstHalf(LocalDate.of(2025, 4, 1))).isFalse();
        assertThat(FiscalCalendar.inFirstHalf(LocalDate.of(2024, 10, 1))).isTrue();
        assertThat(FiscalCalendar.inFirstHalf(LocalDate.of(2024, 9, 30))).isFalse();
        FiscalPeriod firstHalf = FiscalYear.of(2568).firstHalf();
        assertThat(firstHalf).isEqualTo(new FiscalPeriod(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 3, 31)));
        assertThat(firstHalf.contains(LocalDate.of(2025, 4, 1))).isFalse();
        assertThat(FiscalYear.of(2568).period().contains(LocalDate.of(2025, 4, 1))).isTrue();
        assertThat(FiscalYear.of(2568).period().contains(LocalDate.of(2024, 9, 30))).isFalse();
        assertThat(FiscalYear.of(2568).period().contains(LocalDate.of(2025, 10, 1))).isFalse();
    }

    @Test
    void datesAreWrittenWithTheBuddhistEra() {
        assertThat(FiscalCalendar.dateLabelThaiShort(LocalDate.of(2025, 1, 15))).isEqualTo("15 ม.ค. 2568");
        assertThat(FiscalCalendar.dateLabelThaiShort(null)).isEmpty();
        assertThat(FiscalCalendar.dateLabelThai(LocalDate.of(2024, 10, 1))).isEqualTo("1 ตุลาคม 2567");
        assertThat(FiscalCalendar.dateLabelEnglish(LocalDate.of(2024, 10, 1))).isEqualTo("1 October 2567 BE");
        assertThat(FiscalYear.of(2568).firstHalf().labelThai()).isEqualTo("1 ตุลาคม 2567 – 31 มีนาคม 2568");
        assertThat(FiscalYear.of(2568).firstHalf().labelEnglish()).isEqualTo("1 October 2567 BE – 31 March 2568 BE");
    }

    @Test
    void aDayIsTheDayInBangkok() {
        assertThat(FiscalCalendar.BANGKOK.getId()).isEqualTo("Asia/Bangkok");
        assertThat(FiscalCalendar.dateOf(Instant.parse("2025-03-31T16:59:59Z"))).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(FiscalCalendar.dateOf(Instant.parse("2025-03-31T17:00:00Z"))).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void buddhistEraIsCommonEraPlus543() {
        assertThat(FiscalCalendar.buddhistYear(LocalDate.of(2025, 1, 1))).isEqualTo(2568);
        assertThat(FiscalCalendar.buddhistYear(YearMonth.of(2024, 12))).isEqualTo(2567);
    }

    @Test
    void fiscalYearsOutsideTheSupportedRangeAreRejected() {
        assertThatThrownBy(() -> FiscalYear.of(2025)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Buddhist-Era");
        assertThatThrownBy(() -> FiscalYear.of(2701)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FiscalYear.of(2500).firstDay()).isEqualTo(LocalDate.of(1956, 10, 1));
    }
}
