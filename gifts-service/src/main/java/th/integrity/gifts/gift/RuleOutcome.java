package th.integrity.gifts.gift;

/** The result of the national rule and the agency's policy for one declaration. */
public enum RuleOutcome implements Labelled {
    ALLOWED,
    NEEDS_DECISION,
    NOT_ALLOWED;
}
