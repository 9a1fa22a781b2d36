package th.integrity.gifts.gift;

import java.time.LocalDate;

import th.integrity.platform.calendar.FiscalCalendar;

/** The half of the fiscal year the date offered falls in. */
public enum Half implements Labelled {
    H1("ครึ่งปีแรก (ต.ค.–มี.ค.)", "First half (Oct–Mar)"),
    H2("ครึ่งปีหลัง (เม.ย.–ก.ย.)", "Second half (Apr–Sep)");

    /** The half of its fiscal year a date falls in. */
    public static Half of(LocalDate date) {
        return FiscalCalendar.inFirstHalf(date) ? H1 : H2;
    }

    private final String th;
    private final String en;

    Half(String th, String en) {
        this.th = th;
        this.en = en;
    }

    @Override
    public String labelTh() {
        return th;
    }

    @Override
    public String labelEn() {
        return en;
    }
}
