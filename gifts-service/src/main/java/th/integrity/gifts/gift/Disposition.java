package th.integrity.gifts.gift;

/** What happened to the gift. */
public enum Disposition implements Labelled {
    REFUSED("ปฏิเสธการรับ", "Refused"),
    RETURNED("ส่งคืนผู้ให้", "Returned"),
    KEPT("เก็บไว้", "Kept"),
    HANDED_TO_AGENCY("ส่งมอบให้หน่วยงาน", "Handed to the agency"),
    DONATED("บริจาค", "Donated");

    private final String th;
    private final String en;

    Disposition(String th, String en) {
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

    /** Whether the declarant took the gift at all; refused and returned gifts do not add up toward the limit. */
    public boolean accepted() {
        return this != REFUSED && this != RETURNED;
    }
}
