package th.integrity.platform.notices;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who may receive notices in this service, as their token last described them (collection
 * {@value #COLLECTION}): someone becomes a recipient by signing in to the service once.
 *
 * @param subject  the token's {@code sub}
 * @param agency   the token's agency
 * @param roles    the token's roles (names of {@code Role})
 * @param email    the token's e-mail claim, or null: no e-mail then, the in-app list only
 * @param name     the display name (never put in a mail)
 * @param seenAt   when the token facts were last written
 * @param emailOff the kinds this person gets no e-mail of
 */
@Document(Recipient.COLLECTION)
public record Recipient(@Id String subject, String agency, List<String> roles, String email, String name,
        Instant seenAt, Set<String> emailOff) {

    public static final String COLLECTION = "notice_recipients";

    public Recipient {
        roles = roles == null ? List.of() : List.copyOf(roles);
        emailOff = emailOff == null ? Set.of() : Set.copyOf(emailOff);
    }

    public boolean wantsEmail(String kind) {
        return email != null && !email.isBlank() && !emailOff.contains(kind);
    }
}
