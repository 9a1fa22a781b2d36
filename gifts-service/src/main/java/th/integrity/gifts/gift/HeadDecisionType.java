package th.integrity.gifts.gift;

/** The head of agency's decision on a declaration that needs one. */
public enum HeadDecisionType implements Labelled {
    MAY_KEEP,
    MUST_RETURN,
    HAND_TO_AGENCY;
}
