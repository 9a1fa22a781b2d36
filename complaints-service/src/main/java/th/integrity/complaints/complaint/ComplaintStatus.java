package th.integrity.complaints.complaint;

/** Progress of a complaint as it is published (สถานะความก้าวหน้า); casework adds the later stages. */
public enum ComplaintStatus {

    RECEIVED("รับเรื่อง", "Received");

    private final String labelTh;
    private final String labelEn;

    ComplaintStatus(String labelTh, String labelEn) {
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
