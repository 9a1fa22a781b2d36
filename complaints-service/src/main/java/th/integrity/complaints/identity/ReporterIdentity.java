package th.integrity.complaints.identity;

/**
 * Who a confidential reporter is. Exists in clear only in memory: stored sealed, shown masked, and revealed
 * only through the audited reveal.
 */
public record ReporterIdentity(String name, String phone, String email) {

    /** What a sealed identity is bound to: opened under another case or agency, it does not open. */
    public static String boundTo(String agency, String caseId) {
        return "identity:" + agency + ":" + caseId;
    }


    /** {@code สมชาย ใจดี} → {@code ส**** ใ***}; {@code 0812345678} → {@code ******5678}; {@code a***@example.com}. */
    public ReporterIdentity masked() {
        return new ReporterIdentity(maskWords(name), maskPhone(phone), maskEmail(email));
    }

    @Override
    public String toString() {
        return "ReporterIdentity[****]";
    }

    static String maskWords(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : value.strip().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            int first = word.codePointAt(0);
            out.appendCodePoint(first).append("*".repeat(Math.max(2, word.codePointCount(0, word.length()) - 1)));
        }
        return out.toString();
    }

    static String maskPhone(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        return digits.length() <= 4 ? "****" : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    static String maskEmail(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        return at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
    }
}
