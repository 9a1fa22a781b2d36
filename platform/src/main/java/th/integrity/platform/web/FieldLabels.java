package th.integrity.platform.web;

import java.util.stream.Collectors;

import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;

/**
 * The one place that turns a field's path in a request ({@code giver.name}, {@code files[2]}) into the label a
 * person sees on the form ("Giver's name", "ชื่อผู้ให้"): the service's bundles under {@code field-label.<path>},
 * the path with its indices removed, else its nearest parent's label ({@code giver}), else a neutral "a field".
 * Problems name fields to people only through this, so a detail never shows a path; {@code errors[].field} keeps
 * the path for machines. Each service's test walks every field problem it can emit and checks each has a label.
 */
public final class FieldLabels {

    public static final String PREFIX = "field-label.";

    private FieldLabels() {
    }

    /** The label of the field at {@code path}, in English and Thai. */
    public static Text of(String path) {
        String key = labelKey(path);
        return key == null ? Texts.get("platform.field.unnamed") : Texts.get(key);
    }

    /** Whether the service's bundles label the field at {@code path} (itself or a parent). */
    public static boolean has(String path) {
        return labelKey(path) != null;
    }

    /** The labels of {@code paths}, each once, in the order given, joined as a list. */
    public static Text list(java.util.List<String> paths) {
        java.util.List<Text> labels = paths.stream().distinct().map(FieldLabels::of).distinct().toList();
        return new Text(labels.stream().map(Text::en).collect(Collectors.joining(", ")),
                labels.stream().map(Text::th).collect(Collectors.joining(", ")));
    }

    private static String labelKey(String path) {
        String plain = path == null ? "" : path.replaceAll("\\[\\d*]", "");
        while (!plain.isEmpty()) {
            if (Texts.has(PREFIX + plain)) {
                return PREFIX + plain;
            }
            int dot = plain.lastIndexOf('.');
            plain = dot < 0 ? "" : plain.substring(0, dot);
        }
        return null;
    }
}
