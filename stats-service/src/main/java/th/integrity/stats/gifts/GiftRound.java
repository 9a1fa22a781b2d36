package th.integrity.stats.gifts;

import java.time.YearMonth;

import th.integrity.platform.calendar.FiscalPeriod;
import th.integrity.platform.calendar.FiscalYear;

/** The rounds the gift register is compiled for: 6 months (ต.ค.–มี.ค.) and 12 months (ต.ค.–ก.ย.). */
public enum GiftRound {
    H1("รอบ 6 เดือน (ตุลาคม – มีนาคม)", "6-month round (October – March)"),
    FY("รอบ 12 เดือน (ตุลาคม – กันยายน)", "12-month round (October – September)");

    private final String labelTh;
    private final String labelEn;

    GiftRound(String labelTh, String labelEn) {
        this.labelTh = labelTh;
        this.labelEn = labelEn;
    }

    public String labelTh() {
        return labelTh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The round's last month: มีนาคม or กันยายน. */
    public YearMonth lastMonth(FiscalYear fiscalYear) {
        return this == H1 ? fiscalYear.firstMonth().plusMonths(5) : fiscalYear.lastMonth();
    }

    public FiscalPeriod period(FiscalYear fiscalYear) {
        return fiscalYear.periodThrough(lastMonth(fiscalYear));
    }

    /** Whether a declaration of half {@code half} ({@code H1}/{@code H2}) belongs to this round. */
    public boolean includes(String half) {
        return this == FY || "H1".equals(half);
    }
}
