package th.integrity.gifts.gift;

/** What happened to the gift. */
public enum Disposition implements Labelled {
    REFUSED,
    RETURNED,
    KEPT,
    HANDED_TO_AGENCY,
    DONATED;

    /** Whether the declarant took the gift at all; refused and returned gifts do not add up toward the limit. */
    public boolean accepted() {
        return this != REFUSED && this != RETURNED;
    }
}
