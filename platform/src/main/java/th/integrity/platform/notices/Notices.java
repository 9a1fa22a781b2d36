package th.integrity.platform.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import th.integrity.platform.security.Role;

/**
 * What a service calls to notify people: {@link #send} makes one notice per person, at most once per
 * {@code (kind, about, person)}, and queues its e-mail unless that person turned the kind off or has no address.
 * The service decides who (from its own store); this class checks each person may receive the kind.
 */
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    /** {@code #/head}, {@code #/officer/case/<uuid>}: route words, then at most one UUID. */
    static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile(
            "#/[a-z]+(/[a-z]+)*(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?");

    private final NoticeKinds kinds;
    private final NoticeStore store;
    private final RecipientStore recipients;
    private final NoticeMailer mailer;
    private final NoticesProperties properties;
    private final Clock clock;

    public Notices(NoticeKinds kinds, NoticeStore store, RecipientStore recipients, NoticeMailer mailer,
            NoticesProperties properties, Clock clock) {
        this.kinds = kinds;
        this.store = store;
        this.recipients = recipients;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /** Everyone of {@code agency} who holds one of {@code roles}, each once. */
    public List<Recipient> holding(String agency, Role... roles) {
        Map<String, Recipient> found = new LinkedHashMap<>();
        for (Role role : roles) {
            recipients.holding(agency, role).forEach(r -> found.putIfAbsent(r.subject(), r));
        }
        return List.copyOf(found.values());
    }

    public java.util.Optional<Recipient> recipient(String subject) {
        return recipients.find(subject);
    }

    /** Whether an event of {@code time} is recent enough to notify about ({@code integrity.notices.max-event-age}). */
    public boolean recent(Instant time) {
        return time == null || !time.isBefore(clock.instant().minus(properties.maxEventAge()));
    }

    /**
     * Notifies {@code to} of {@code kind} about {@code about} (what makes this notice one: e.g. the case id, or the
     * case and its deadline), linking to the UI route {@code link}. People who may not receive the kind (their last
     * token lacks its roles) are skipped.
     *
     * @return how many notices were new
     */
    public int send(String kind, String about, String agency, Collection<Recipient> to, String link) {
        NoticeKind declared = kinds.get(kind);
        if (link == null || !LINK.matcher(link).matches()) {
            // An allowlist of what a mail may carry besides its fixed words: a UI route and at most an id.
            throw new IllegalArgumentException("A notice links to a UI route with at most an id: " + link);
        }
        Predicate<Recipient> allowed = r -> declared.receivableBy(roles(r));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int made = 0;
        for (Recipient r : to) {
            if (!allowed.test(r)) {
                continue;
            }
            Notice.MailState mail = !mailer.enabled() ? Notice.MailState.DISABLED
                    : r.email() == null || r.email().isBlank() ? Notice.MailState.NO_ADDRESS
                    : !r.wantsEmail(kind) ? Notice.MailState.OFF : Notice.MailState.PENDING;
            Notice notice = new Notice(NoticeStore.id(kind, about, r.subject()), r.subject(), agency, kind, link, now,
                    false, mail, mail == Notice.MailState.PENDING ? now : null, 0, null);
            if (store.insertOnce(notice)) {
                made++;
            }
        }
        if (made > 0) {
            log.info("{} notice(s) of kind {} made", made, kind);
            mailer.wakeUp();
        }
        return made;
    }

    static java.util.Set<Role> roles(Recipient r) {
        java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (String name : r.roles()) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                // a role this version does not know gives nothing
            }
        }
        return roles;
    }
}
