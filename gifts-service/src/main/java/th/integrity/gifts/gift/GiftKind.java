package th.integrity.gifts.gift;

/** What was offered. Money from anyone but a relative is never allowed. */
public enum GiftKind implements Labelled {
    ITEM("สิ่งของ", "Item"),
    HOSPITALITY("การเลี้ยงรับรอง", "Hospitality"),
    DISCOUNT("ส่วนลด", "Discount"),
    SERVICE("บริการ", "Service"),
    MONEY("เงิน", "Money");

    private final String th;
    private final String en;

    GiftKind(String th, String en) {
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
