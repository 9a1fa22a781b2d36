package th.integrity.stats.publication;

import java.util.List;
import java.util.Locale;

import th.integrity.platform.text.Texts;
import th.integrity.stats.StatsProblems;

/** The language of a rendering: the {@code lang} parameter (th or en), else the best of Accept-Language, else Thai. */
final class Languages {

    private static final List<String> SUPPORTED = List.of("th", "en");

    private Languages() {
    }

    static Locale choose(String lang, String acceptLanguage) {
        if (lang != null) {
            if (!SUPPORTED.contains(lang)) {
                throw StatsProblems.invalidParameter("lang", "stats.problem.lang", SUPPORTED);
            }
            return lang.equals("en") ? Locale.ENGLISH : Texts.THAI;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (range.getWeight() > 0 && SUPPORTED.contains(primary)) {
                        return primary.equals("en") ? Locale.ENGLISH : Texts.THAI;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header asks for nothing in particular
            }
        }
        return Texts.THAI;
    }
}
