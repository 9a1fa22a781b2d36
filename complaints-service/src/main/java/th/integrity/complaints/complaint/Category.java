package th.integrity.complaints.complaint;

import java.util.Arrays;
import java.util.Optional;

/**
 * Main category of a complaint (ประเภทปัญหาหลัก), after the ITA items. Sub-categories, and categories an
 * admin adds, will come as reference data; these three codes stay, as every statistic counts by them.
 */
public enum Category {

    CORRUPTION("การทุจริต", "Corruption"),
    MISCONDUCT("การประพฤติมิชอบ", "Misconduct"),
    OTHER("อื่น ๆ", "Other");

    private final String labelTh;
    private final String labelEn;

    Category(String labelTh, String labelEn) {
        this.labelTh = labelTh;
        this.labelEn = labelEn;
    }

    public String labelTh() {
        return labelTh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The category with exactly this code, e.g. {@code CORRUPTION}. */
    public static Optional<Category> fromCode(String code) {
        return Arrays.stream(values()).filter(category -> category.name().equals(code)).findFirst();
    }
}
