package th.integrity.gifts.gift;

/** The occasion a gift was offered on (reference data of the form). */
public enum Occasion implements Labelled {
    NEW_YEAR("ปีใหม่", "New Year"),
    SONGKRAN("สงกรานต์", "Songkran"),
    BIRTHDAY("วันเกิด", "Birthday"),
    HOUSE_WARMING("ขึ้นบ้านใหม่", "House-warming"),
    ORDINATION("อุปสมบท", "Ordination"),
    FUNERAL("งานศพ", "Funeral"),
    RETIREMENT("เกษียณอายุราชการ", "Retirement"),
    OTHER("อื่น ๆ", "Other");

    private final String th;
    private final String en;

    Occasion(String th, String en) {
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
