package th.integrity.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * For each service's test: a problem speaks to a person in words, never in the API's own terms. Its
 * {@code detail}, {@code detail_th} and every {@code errors[]} message hold no field path ({@code giver.name},
 * {@code files[2]}, {@code pendingBusiness}), no code in capitals with underscores ({@code GIVEN_TO_PUBLIC}) and
 * none of the codes the caller names (the service's enumeration constants, {@code PERSON}); the field list of
 * the detail names no field by its path. {@code errors[].field} is for machines and is not checked.
 */
public final class PlainWords {

    /** {@code giver.name}, {@code items[0]}, {@code pendingBusiness}: how an API names its fields. */
    private static final Pattern PATH = Pattern.compile(
            "\\b[a-z]+(?:[A-Z][a-z0-9]*)+\\b|\\b[a-z][A-Za-z]+\\.[a-z][A-Za-z]+\\b|\\b\\w+\\[\\d+]");
    private static final Pattern UNDERSCORED = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private PlainWords() {
    }

    /**
     * @param problem the problem-details body
     * @param codes   codes the service uses (its enumeration constants); none may appear as a word
     * @throws AssertionError naming each text that is not plain
     */
    public static void assertPlain(JsonNode problem, Collection<String> codes) {
        List<String> faults = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString("")));
        check("detail", problem.path("detail").asString(""), fields, codes, faults);
        check("detail_th", problem.path("detail_th").asString(""), fields, codes, faults);
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asString("");
            check(field + " message_en", error.path("message_en").asString(""), List.of(), codes, faults);
            check(field + " message_th", error.path("message_th").asString(""), List.of(), codes, faults);
        }
        if (!faults.isEmpty()) {
            throw new AssertionError("Not in plain words:\n  " + String.join("\n  ", faults) + "\nin " + problem);
        }
    }

    private static void check(String where, String text, List<String> fields, Collection<String> codes,
            List<String> faults) {
        Matcher path = PATH.matcher(text);
        if (path.find()) {
            faults.add(where + " names a field path '" + path.group() + "': " + text);
        }
        Matcher code = UNDERSCORED.matcher(text);
        if (code.find()) {
            faults.add(where + " shows a code '" + code.group() + "': " + text);
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (codes.contains(word.group())) {
                faults.add(where + " shows a code '" + word.group() + "': " + text);
            } else if (fields.contains(word.group()) && listed(text, word.start(), word.end())) {
                // A path in the detail's list of fields ("Check these fields: description, giver.name"); the
                // same word inside a sentence ("how the value was estimated") is ordinary language.
                faults.add(where + " names a field by its path '" + word.group() + "': " + text);
            }
        }
    }

    private static boolean listed(String text, int start, int end) {
        String before = text.substring(0, start);
        String after = text.substring(end);
        return (before.endsWith(": ") || before.endsWith(", ") || before.endsWith(":"))
                && (after.isEmpty() || after.startsWith(",") || after.startsWith(".") || after.isBlank());
    }
}
