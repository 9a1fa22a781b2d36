package th.integrity.gifts.gift;

/** How the giver stands to the declarant; decides which branch of the rule applies. */
public enum Relation implements Labelled {
    RELATIVE,
    NOT_RELATIVE,
    /** Something handed to everyone alike (a souvenir at a public event), not to the official in particular. */
    GIVEN_TO_PUBLIC;
}
