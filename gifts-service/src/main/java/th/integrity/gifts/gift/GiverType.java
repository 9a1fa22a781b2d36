package th.integrity.gifts.gift;

/** Whether the giver is a natural person or an organisation (company, association, ...). */
public enum GiverType implements Labelled {
    PERSON,
    ORGANISATION;
}
