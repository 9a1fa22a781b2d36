package th.integrity.gifts.gift;

/** What was offered. Money from anyone but a relative is never allowed. */
public enum GiftKind implements Labelled {
    ITEM,
    HOSPITALITY,
    DISCOUNT,
    SERVICE,
    MONEY;
}
