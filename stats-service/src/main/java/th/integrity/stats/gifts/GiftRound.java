package th.integrity.stats.gifts;

import java.time.YearMonth;

import th.integrity.platform.calendar.FiscalPeriod;
import th.integrity.platform.calendar.FiscalYear;
import java.util.Locale;
import th.integrity.platform.text.Texts;

/** The rounds the gift register is compiled for: 6 months (ต.ค.–มี.ค.) and 12 months (ต.ค.–ก.ย.). */
public enum GiftRound {
    H1,
    FY;



    public String labelTh() {
        return Texts.in(Texts.THAI, "stats.round." + name());
    }

    public String labelEn() {
        return Texts.in(Locale.ENGLISH, "stats.round." + name());
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
