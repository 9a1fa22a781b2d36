package th.integrity.stats.table;

/**
 * A request parameter the caller must fix; answered with 400 and a problem detail in Thai and English.
 *
 * @see ComplaintTableController#invalidParameter
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String messageTh;

    public InvalidParameterException(String parameter, String messageEn, String messageTh) {
        super(messageEn);
        this.parameter = parameter;
        this.messageTh = messageTh;
    }

    public String parameter() {
        return parameter;
    }

    public String messageEn() {
        return getMessage();
    }

    public String messageTh() {
        return messageTh;
    }
}
