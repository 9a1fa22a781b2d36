package th.integrity.stats.table;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The codes the tables count by, in column order, with their Thai and English labels. */
public final class Labels {

    /**
     * @param code    code as events carry it
     * @param labelTh Thai label
     * @param labelEn English label
     */
    public record Label(String code, @JsonProperty("label_th") String labelTh, @JsonProperty("label_en") String labelEn) {
    }

    public static final List<Label> CHANNELS = List.of(
            new Label("WEB", "เว็บไซต์", "Website"),
            new Label("WALK_IN", "ด้วยตนเอง", "In person"),
            new Label("LETTER", "หนังสือ", "Letter"),
            new Label("PHONE", "โทรศัพท์", "Telephone"),
            new Label("HOTLINE_1555", "สายด่วน 1555", "Hotline 1555"),
            new Label("TRAFFY_FONDUE", "Traffy Fondue", "Traffy Fondue"),
            new Label("EMAIL", "อีเมล", "Email"),
            new Label("OTHER", "อื่น ๆ", "Other"));

    /** Main categories, then the block of all of them. */
    public static final List<Label> CATEGORIES = List.of(
            new Label("CORRUPTION", "การทุจริต", "Corruption"),
            new Label("MISCONDUCT", "การประพฤติมิชอบ", "Misconduct"),
            new Label("OTHER", "อื่น ๆ", "Other"));

    public static final Label ALL_CATEGORIES = new Label("ALL", "รวมทุกประเภท", "All categories");

    public static final List<Label> PROGRESS = List.of(
            new Label("RECEIVED", "รับเรื่อง", "Received"),
            new Label("UNDER_REVIEW", "อยู่ระหว่างตรวจสอบ", "Under review"),
            new Label("FORWARDED", "ส่งหน่วยงานที่เกี่ยวข้อง", "Forwarded to the competent body"),
            new Label("UNDER_INVESTIGATION", "อยู่ระหว่างดำเนินการ", "Under investigation"),
            new Label("CONCLUDED_WITH_CAUSE", "มีมูล", "Concluded: with cause"),
            new Label("CONCLUDED_WITHOUT_CAUSE", "ไม่มีมูล", "Concluded: without cause"),
            new Label("CLOSED_WITHOUT_INQUIRY", "ยุติเรื่อง", "Closed without inquiry"));

    public static final List<Label> CLOSURE_REASONS = List.of(
            new Label("DUPLICATE", "เรื่องซ้ำ", "Duplicate"),
            new Label("OUTSIDE_JURISDICTION", "ไม่อยู่ในอำนาจหน้าที่", "Outside jurisdiction"),
            new Label("TOO_LITTLE_DETAIL", "ข้อมูลไม่เพียงพอ", "Too little detail"),
            new Label("WITHDRAWN", "ถอนเรื่อง", "Withdrawn"));

    public static final String EMPTY_REMARK_TH = "ไม่มีเรื่องร้องเรียน";
    public static final String EMPTY_REMARK_EN = "No complaints";

    private static final Map<String, Label> BY_CODE = java.util.stream.Stream
            .of(CHANNELS, PROGRESS, CLOSURE_REASONS).flatMap(List::stream)
            .collect(Collectors.toMap(Label::code, l -> l, (a, b) -> a));

    private Labels() {
    }

    /** Position of {@code code} in {@code labels}, or {@code fallback} when it is not one of them. */
    static int indexOf(List<Label> labels, String code, int fallback) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).code().equals(code)) {
                return i;
            }
        }
        return fallback;
    }

    /** The Thai label of a channel, progress or closure code; the code itself when unknown. */
    public static String thai(String code) {
        Label label = BY_CODE.get(code);
        return label == null ? String.valueOf(code) : label.labelTh();
    }
}
