package th.integrity.gifts.gift;

/** The head of agency's decision on a declaration that needs one. */
public enum HeadDecisionType implements Labelled {
    MAY_KEEP("รับไว้ได้", "May keep"),
    MUST_RETURN("ต้องส่งคืน", "Must return"),
    HAND_TO_AGENCY("ส่งมอบให้หน่วยงาน", "Hand to the agency");

    private final String th;
    private final String en;

    HeadDecisionType(String th, String en) {
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
