package th.integrity.gifts.gift;

/** A reporting round of the register: 6 months (H1) or the whole fiscal year (FY). */
public enum Round implements Labelled {
    H1,
    FY;
}
