package th.integrity.stats.web;

/**
 * Escaping for text placed in HTML, XML (SVG) and attribute values: every markup character, always. Templates
 * reach it through their output ({@link MarkupOutput}); nothing else needs to call it.
 */
public final class Html {

    private Html() {
    }

    public static String escape(Object value) {
        String text = value == null ? "" : value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab/newline are not allowed in XML 1.0: drop them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A Content-Security-Policy for the pages and SVGs this service renders: nothing runs, styles from here only. */
    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";
}
