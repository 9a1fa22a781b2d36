package th.integrity.platform.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

import th.integrity.platform.security.CurrentUser;

/**
 * Learns the recipients from the tokens of the requests the service answers: subject, agency, roles, e-mail claim
 * and name. Written at most once per {@code integrity.notices.record-every} per person, or at once when the token
 * says something new (another address, a role gained or lost): not a database write per request. Recorded once the
 * request has been answered successfully, so a person's first answered request makes them a recipient.
 */
public class RecipientRecorder implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RecipientRecorder.class);
    /** People remembered between writes; past this the memory is cleared (a write each, then quiet again). */
    static final int MAX_REMEMBERED = 50_000;

    private final RecipientStore store;
    private final NoticesProperties properties;
    private final Clock clock;
    private final Map<String, Recorded> recorded = new ConcurrentHashMap<>();

    private record Recorded(int facts, Instant at) {
    }

    public RecipientRecorder(RecipientStore store, NoticesProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** After an answered request only: a refused one (4xx, 5xx) writes nothing, as it changes nothing else. */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (failure != null || response.getStatus() >= 400) {
            return;
        }
        CurrentUser.current().ifPresent(user -> {
            try {
                seen(user, email());
            } catch (RuntimeException e) {
                // Never fail the request for it: the next one records the person.
                log.warn("Notice recipient not recorded: {}", e.toString());
            }
        });
    }

    /** The e-mail claim of the current token, or null. */
    String email() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaimAsString(properties.emailClaim());
        }
        return null;
    }

    void seen(CurrentUser user, String email) {
        if (user.subject() == null || user.agency() == null) {
            return;
        }
        Instant now = clock.instant();
        int facts = Objects.hash(user.agency(), user.roles(), email, user.name());
        Recorded last = recorded.get(user.subject());
        if (last != null && last.facts() == facts && last.at().plus(properties.recordEvery()).isAfter(now)) {
            return;
        }
        store.record(user.subject(), user.agency(), user.roles(), email, user.name(), now);
        if (recorded.size() >= MAX_REMEMBERED) {
            recorded.clear();
        }
        recorded.put(user.subject(), new Recorded(facts, now));
    }
}
