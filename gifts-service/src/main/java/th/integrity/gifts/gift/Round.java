package th.integrity.gifts.gift;

/** A reporting round of the register: 6 months (H1) or the whole fiscal year (FY). */
public enum Round implements Labelled {
    H1("รอบ 6 เดือน", "6-month round"),
    FY("รอบ 12 เดือน", "12-month round");

    private final String th;
    private final String en;

    Round(String th, String en) {
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
