package th.integrity.gifts.gift;

import th.integrity.platform.calendar.FiscalPeriod;
import th.integrity.platform.calendar.FiscalYear;

/** A reporting round of the register: 6 months (H1) or the whole fiscal year (FY). */
public enum Round implements Labelled {
    H1,
    FY;

    /** Its days in a Buddhist-Era fiscal year: 1 October – 31 March (H1) or – 30 September (FY). */
    public FiscalPeriod period(int fiscalYear) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        return this == H1 ? year.firstHalf() : year.period();
    }

    /** {@code รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)}. */
    public String describedTh(int fiscalYear) {
        return labelTh() + " (" + period(fiscalYear).labelThai() + ")";
    }

    /** {@code 6-month round (1 October 2567 BE – 31 March 2568 BE)}. */
    public String describedEn(int fiscalYear) {
        return labelEn() + " (" + period(fiscalYear).labelEnglish() + ")";
    }
}
