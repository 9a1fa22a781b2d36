package th.integrity.complaints.complaint;

/**
 * How a complaint reached the agency (ช่องทาง), as the published statistics count them. Only {@link #WEB}
 * comes through this service's public form; an officer keys in the others.
 */
public enum Channel {

    WEB("เว็บไซต์", "Website"),
    WALK_IN("ด้วยตนเอง", "In person"),
    LETTER("หนังสือ", "Letter"),
    PHONE("โทรศัพท์", "Telephone"),
    HOTLINE_1555("สายด่วน 1555", "Hotline 1555"),
    TRAFFY_FONDUE("Traffy Fondue", "Traffy Fondue"),
    EMAIL("อีเมล", "Email"),
    OTHER("อื่น ๆ", "Other");

    private final String labelTh;
    private final String labelEn;

    Channel(String labelTh, String labelEn) {
        this.labelTh = labelTh;
        this.labelEn = labelEn;
    }

    public String labelTh() {
        return labelTh;
    }

    public String labelEn() {
        return labelEn;
    }
}
