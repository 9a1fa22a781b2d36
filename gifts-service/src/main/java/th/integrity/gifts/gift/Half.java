package th.integrity.gifts.gift;

/** The half of the fiscal year the date offered falls in. */
public enum Half implements Labelled {
    H1,
    H2;
}
