package th.integrity.platform.notices;

import java.util.Locale;

import th.integrity.platform.text.Texts;

/**
 * The words of a notice mail, in Thai then English: the kind's label as the subject, the kind's one sentence and a
 * link to the site. Nothing of the matter itself is ever filled in: the bundles' sentences take no arguments, and the
 * link is the site's address with the notice's UI route (an id, never content, a case number or a tracking code).
 */
public class NoticeTexts {

    private final NoticeKinds kinds;
    private final NoticesProperties properties;

    public NoticeTexts(NoticeKinds kinds, NoticesProperties properties) {
        this.kinds = kinds;
        this.properties = properties;
        kinds.kinds().forEach(kind -> check(kind.name()));
    }

    /**
     * Every kind has its label and sentence in both languages, and none takes an argument: a mail can only ever say
     * the fixed words, so no later change can fill a case's content into one. Checked at start-up.
     */
    private void check(String kind) {
        for (String key : java.util.List.of(kinds.bundlePrefix() + ".kind." + kind,
                kinds.bundlePrefix() + ".mail." + kind)) {
            for (Locale locale : java.util.List.of(Locale.ENGLISH, Texts.THAI)) {
                String text = Texts.in(locale, key);
                if (text.isBlank() || text.contains("{")) {
                    throw new IllegalStateException("Notice text " + key + " (" + locale
                            + ") must be fixed words without arguments: " + text);
                }
            }
        }
    }

    public record Mail(String subject, String body) {
    }

    /** The kind's label in {@code locale} ({@code <prefix>.kind.<kind>}). */
    public String label(String kind, Locale locale) {
        return Texts.in(locale, kinds.bundlePrefix() + ".kind." + kind);
    }

    public Mail mail(Notice notice) {
        String link = link(notice.link());
        String subject = label(notice.kind(), Texts.THAI) + " / " + label(notice.kind(), Locale.ENGLISH);
        String body = Texts.in(Texts.THAI, kinds.bundlePrefix() + ".mail." + notice.kind()) + "\n" + link + "\n\n"
                + Texts.in(Locale.ENGLISH, kinds.bundlePrefix() + ".mail." + notice.kind()) + "\n" + link + "\n\n-- \n"
                + Texts.in(Texts.THAI, "platform.notices.mail.footer") + "\n"
                + Texts.in(Locale.ENGLISH, "platform.notices.mail.footer") + "\n";
        return new Mail(subject, body);
    }

    /** The site's address followed by the UI route, e.g. {@code https://integrity.example/#/cases/<id>}. */
    String link(String route) {
        String site = properties.siteUrl().toString().replaceAll("/+$", "");
        return route == null || route.isBlank() ? site + "/" : site + "/" + route;
    }
}
