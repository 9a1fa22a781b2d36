package th.integrity.platform.calendar;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Month names as Thai official documents write them, and their English names: the one place every service takes
 * them from. Spelled out here rather than taken from the JDK's locale data, so a table never changes with the
 * runtime's CLDR version.
 */
public final class MonthNames {

    private static final List<String> THAI = List.of("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม",
            "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");

    private static final List<String> THAI_SHORT = List.of("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
            "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.");

    private MonthNames() {
    }

    /** {@code มกราคม} … {@code ธันวาคม}. */
    public static String thai(Month month) {
        return THAI.get(month.ordinal());
    }

    /** {@code ม.ค.} … {@code ธ.ค.}. */
    public static String thaiShort(Month month) {
        return THAI_SHORT.get(month.ordinal());
    }

    /** {@code January} … {@code December}. */
    public static String english(Month month) {
        return month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** {@code Jan} … {@code Dec}. */
    public static String englishShort(Month month) {
        return month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
