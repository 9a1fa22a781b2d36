package th.integrity.complaints.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thai telephone numbers as people write them, stored in one form: the national number's digits
 * ({@code 0812345678}, {@code 021234567}). Accepted: a leading {@code 0} or the country code {@code +66}, then the
 * digits, grouped by single spaces or hyphens ({@code 081-234-5678}, {@code 081 234 5678},
 * {@code +66 81 234 5678}, {@code +66812345678}, {@code 02-123-4567}). The number must then be a mobile number
 * ({@code 06}, {@code 08}, {@code 09} and 10 digits) or a landline ({@code 02} to {@code 07} and 9 digits).
 * Refused: other country codes (the agency calls a reporter back in Thailand; a reporter abroad gives an email),
 * letters, Thai digits, brackets, extensions, too few or too many digits.
 */
public final class ThaiPhone {

    /** The stored form: what {@link #normalise} gives for an accepted number. */
    public static final String STORED = "0[2-7][0-9]{7}|0[689][0-9]{8}";

    private static final Pattern WRITTEN = Pattern.compile("(?:\\+66[ -]?|0)([1-9](?:[ -]?[0-9]){7,8})");
    private static final Pattern STORED_FORM = Pattern.compile(STORED);

    private ThaiPhone() {
    }

    /**
     * The stored form of {@code written} when it is an accepted way of writing a Thai number, else
     * {@code written} unchanged (so the constraint on {@link #STORED} refuses it and the reporter sees what they
     * typed is wrong).
     */
    public static String normalise(String written) {
        if (written == null) {
            return null;
        }
        Matcher matcher = WRITTEN.matcher(written);
        if (!matcher.matches()) {
            return written;
        }
        String national = "0" + matcher.group(1).replaceAll("[ -]", "");
        return STORED_FORM.matcher(national).matches() ? national : written;
    }
}
