package th.integrity.gifts.gift;

/** A code with its label in Thai and English, as forms and registers show it. */
public interface Labelled {

    String labelTh();

    String labelEn();
}
