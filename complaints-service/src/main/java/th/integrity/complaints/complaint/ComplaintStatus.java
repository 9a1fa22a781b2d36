package th.integrity.complaints.complaint;

import java.util.EnumSet;
import java.util.Set;

/**
 * Progress of a complaint as it is published (สถานะความก้าวหน้า), and the moves casework may make between
 * them. The last three are final.
 */
public enum ComplaintStatus {

    RECEIVED("รับเรื่อง", "Received"),
    UNDER_REVIEW("อยู่ระหว่างตรวจสอบ", "Under review"),
    FORWARDED("ส่งหน่วยงานที่เกี่ยวข้อง", "Forwarded to the competent body"),
    UNDER_INVESTIGATION("อยู่ระหว่างดำเนินการ", "Under investigation"),
    CONCLUDED_WITH_CAUSE("มีมูล", "Concluded: with cause"),
    CONCLUDED_WITHOUT_CAUSE("ไม่มีมูล", "Concluded: without cause"),
    CLOSED_WITHOUT_INQUIRY("ยุติเรื่อง", "Closed without inquiry");

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

    public boolean isFinal() {
        return this == CONCLUDED_WITH_CAUSE || this == CONCLUDED_WITHOUT_CAUSE || this == CLOSED_WITHOUT_INQUIRY;
    }

    /**
     * Where a case in this state may go. A forwarded case may come back for the agency's own investigation;
     * a case under investigation may still be forwarded; any open case may be closed without inquiry
     * (e.g. withdrawn).
     */
    public Set<ComplaintStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(UNDER_REVIEW, CLOSED_WITHOUT_INQUIRY);
            case UNDER_REVIEW -> EnumSet.of(FORWARDED, UNDER_INVESTIGATION, CLOSED_WITHOUT_INQUIRY);
            case FORWARDED -> EnumSet.of(UNDER_INVESTIGATION, CONCLUDED_WITH_CAUSE, CONCLUDED_WITHOUT_CAUSE,
                    CLOSED_WITHOUT_INQUIRY);
            case UNDER_INVESTIGATION -> EnumSet.of(FORWARDED, CONCLUDED_WITH_CAUSE, CONCLUDED_WITHOUT_CAUSE,
                    CLOSED_WITHOUT_INQUIRY);
            default -> EnumSet.noneOf(ComplaintStatus.class);
        };
    }

    public boolean mayMoveTo(ComplaintStatus target) {
        return next().contains(target);
    }
}
