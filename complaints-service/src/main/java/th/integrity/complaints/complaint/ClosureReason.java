package th.integrity.complaints.complaint;

/** Why a case was closed without inquiry (ยุติเรื่อง). */
public enum ClosureReason {

    DUPLICATE("เรื่องซ้ำ", "Duplicate"),
    OUTSIDE_JURISDICTION("ไม่อยู่ในอำนาจหน้าที่", "Outside jurisdiction"),
    TOO_LITTLE_DETAIL("ข้อมูลไม่เพียงพอ", "Too little detail"),
    WITHDRAWN("ผู้ร้องถอนเรื่อง", "Withdrawn");

    private final String labelTh;
    private final String labelEn;

    ClosureReason(String labelTh, String labelEn) {
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
