package th.integrity.complaints.complaint;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case number (เลขรับ): the agency's prefix, a sequence per agency and Buddhist-Era fiscal year, and that year,
 * e.g. {@code วท 0012/2570}. The sequence is written with at least four digits (more once it passes 9999).
 *
 * @param prefix     the agency's prefix (configuration), e.g. {@code วท}
 * @param sequence   1, 2, 3 … within the agency and fiscal year, without gaps
 * @param fiscalYear Buddhist-Era fiscal year of the day the complaint was received
 */
public record CaseNumber(String prefix, long sequence, int fiscalYear) {

    /**
     * What an officer may type to find a case: an optional prefix of Thai or Latin letters (and dots), ignored
     * because the search is within the officer's own agency anyway; the sequence with or without its leading
     * zeros; optionally {@code /} and the fiscal year. Thai digits count as digits. Nothing else.
     */
    private static final Pattern QUERY = Pattern.compile(
            "[\\p{IsThai}A-Za-z.]{0,12}\\s*(\\d{1,9})\\s*(?:/\\s*(\\d{4}))?");

    public String formatted() {
        // Locale.ROOT: ASCII digits whatever the machine's locale (th-TH-u-nu-thai would write ๐๐๑๒).
        return prefix + " " + String.format(Locale.ROOT, "%04d", sequence) + "/" + fiscalYear;
    }

    @Override
    public String toString() {
        return formatted();
    }

    /**
     * What an officer searched for.
     *
     * @param fiscalYear null: in any fiscal year
     */
    public record Query(long sequence, Integer fiscalYear) {
    }

    /**
     * Reads what an officer typed, e.g. {@code วท 0012/2570}, {@code WT12/2570}, {@code ๑๒/๒๕๗๐}, {@code 12}. A
     * year before 2400 is taken as the Christian-era name of the fiscal year (2027 → 2570).
     *
     * @return empty when it is not a case number at all
     */
    public static Optional<Query> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = thaiDigitsToAscii(typed.strip());
        Matcher m = QUERY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long sequence = Long.parseLong(m.group(1));
        if (sequence == 0) {
            return Optional.empty();
        }
        Integer year = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        if (year != null && year < 2400) {
            year = year + 543;
        }
        return Optional.of(new Query(sequence, year));
    }

    private static String thaiDigitsToAscii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= '\u0E50' && c <= '\u0E59' ? (char) ('0' + (c - '\u0E50')) : c);
        }
        return out.toString();
    }
}
