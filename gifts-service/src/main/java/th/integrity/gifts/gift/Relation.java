package th.integrity.gifts.gift;

/** How the giver stands to the declarant; decides which branch of the rule applies. */
public enum Relation implements Labelled {
    RELATIVE("ญาติ", "Relative"),
    NOT_RELATIVE("บุคคลอื่นที่ไม่ใช่ญาติ", "Not a relative"),
    /** Something handed to everyone alike (a souvenir at a public event), not to the official in particular. */
    GIVEN_TO_PUBLIC("ให้แก่บุคคลทั่วไปเป็นการทั่วไป", "Given to the public alike");

    private final String th;
    private final String en;

    Relation(String th, String en) {
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
