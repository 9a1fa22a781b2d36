package th.integrity.gifts.gift;

/** The occasion a gift was offered on (reference data of the form). */
public enum Occasion implements Labelled {
    NEW_YEAR,
    SONGKRAN,
    BIRTHDAY,
    HOUSE_WARMING,
    ORDINATION,
    FUNERAL,
    RETIREMENT,
    OTHER;
}
