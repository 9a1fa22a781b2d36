package th.integrity.gifts.gift;

/** Whether the giver is a natural person or an organisation (company, association, ...). */
public enum GiverType implements Labelled {
    PERSON("บุคคล", "Person"),
    ORGANISATION("นิติบุคคลหรือองค์กร", "Organisation");

    private final String th;
    private final String en;

    GiverType(String th, String en) {
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
