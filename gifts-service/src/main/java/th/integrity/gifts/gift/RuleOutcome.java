package th.integrity.gifts.gift;

/** The result of the national rule and the agency's policy for one declaration. */
public enum RuleOutcome implements Labelled {
    ALLOWED("รับได้", "Allowed"),
    NEEDS_DECISION("ต้องให้ผู้บังคับบัญชาวินิจฉัย", "Needs the head's decision"),
    NOT_ALLOWED("รับไม่ได้", "Not allowed");

    private final String th;
    private final String en;

    RuleOutcome(String th, String en) {
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
