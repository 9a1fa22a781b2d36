package th.integrity.stats.table;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;

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
            label("stats.channel", "WEB"),
            label("stats.channel", "WALK_IN"),
            label("stats.channel", "LETTER"),
            label("stats.channel", "PHONE"),
            label("stats.channel", "HOTLINE_1555"),
            label("stats.channel", "TRAFFY_FONDUE"),
            label("stats.channel", "EMAIL"),
            new Label("OTHER", "อื่น ๆ", "Other"));

    /** Main categories, then the block of all of them. */
    public static final List<Label> CATEGORIES = List.of(
            label("stats.category", "CORRUPTION"),
            label("stats.category", "MISCONDUCT"),
            new Label("OTHER", "อื่น ๆ", "Other"));

    public static final Label ALL_CATEGORIES = label("stats.category", "ALL");

    public static final List<Label> PROGRESS = List.of(
            label("stats.progress", "RECEIVED"),
            label("stats.progress", "UNDER_REVIEW"),
            label("stats.progress", "FORWARDED"),
            label("stats.progress", "UNDER_INVESTIGATION"),
            label("stats.progress", "CONCLUDED_WITH_CAUSE"),
            label("stats.progress", "CONCLUDED_WITHOUT_CAUSE"),
            new Label("CLOSED_WITHOUT_INQUIRY", "ยุติเรื่อง", "Closed without inquiry"));

    public static final List<Label> CLOSURE_REASONS = List.of(
            label("stats.closure", "DUPLICATE"),
            label("stats.closure", "OUTSIDE_JURISDICTION"),
            label("stats.closure", "TOO_LITTLE_DETAIL"),
            new Label("WITHDRAWN", "ถอนเรื่อง", "Withdrawn"));

    /**
     * The bodies a complaint is referred to (ส่งต่อหน่วยงานอื่น), as complaints-service's forwarding-body reference
     * codes name them; a code not among them counts as {@code OTHER_AGENCY}.
     */
    public static final List<Label> REFERRAL_BODIES = List.of(
            label("stats.referral", "NACC"),
            label("stats.referral", "PACC"),
            label("stats.referral", "BMA_ACC"),
            label("stats.referral", "POLICE"),
            label("stats.referral", "OTHER_AGENCY"));

    /** The heading of the referral column group: ส่งต่อหน่วยงานอื่น / Referred to. */
    public static final Label REFERRED_TO = label("stats.referral", "group");

    public static final String EMPTY_REMARK_TH = Texts.in(Texts.THAI, "stats.remark.empty");
    public static final String EMPTY_REMARK_EN = Texts.in(Locale.ENGLISH, "stats.remark.empty");

    private static final Map<String, Label> BY_CODE = java.util.stream.Stream
            .of(CHANNELS, PROGRESS, CLOSURE_REASONS).flatMap(List::stream)
            .collect(Collectors.toMap(Label::code, l -> l, (a, b) -> a));

    private Labels() {
    }

    /** The label of {@code code} in both languages, from the bundles' {@code <group>.<code>}. */
    public static Label label(String group, String code) {
        Text text = Texts.get(group + "." + code);
        return new Label(code, text.th(), text.en());
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
