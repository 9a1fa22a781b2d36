package th.integrity.complaints.tracking;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code a reporter follows a complaint with: 16 random digits, shown grouped by four
 * ({@code 1234 5678 9012 3456}) so it can be read out over the phone. Digits only, so Thai and Latin
 * keyboards type it alike. Its {@link #toString()} hides it, so it cannot end up in a log by accident.
 */
public record TrackingCode(String digits) {

    public static final int LENGTH = 16;
    private static final Pattern DIGITS = Pattern.compile("\\d{" + LENGTH + "}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final char THAI_ZERO = '\u0E50';

    public TrackingCode {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("a tracking code is " + LENGTH + " digits");
        }
    }

    /**
     * A code as a person typed it: spaces and hyphens between the digits do not matter, and Thai digits
     * (๐–๙, which a Thai keyboard layout types) count as the same digits.
     */
    public static Optional<TrackingCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder latin = new StringBuilder(typed.length());
        typed.chars().map(c -> c >= THAI_ZERO && c <= THAI_ZERO + 9 ? '0' + (c - THAI_ZERO) : c)
                .forEach(c -> latin.append((char) c));
        String digits = SEPARATORS.matcher(latin).replaceAll("");
        return DIGITS.matcher(digits).matches() ? Optional.of(new TrackingCode(digits)) : Optional.empty();
    }

    /** {@code 1234 5678 9012 3456}. */
    public String grouped() {
        return digits.substring(0, 4) + ' ' + digits.substring(4, 8) + ' ' + digits.substring(8, 12) + ' '
                + digits.substring(12);
    }

    @Override
    public String toString() {
        return "TrackingCode[****]";
    }
}
