package th.integrity.platform.notices;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice to one person (collection {@value #COLLECTION}). Its id is derived from what it is about and whom it is
 * for ({@link NoticeStore#id}), so a redelivered event writes nothing new and sends no second mail.
 *
 * @param recipient    the person's token subject
 * @param kind         the notice's kind
 * @param link         a UI route, e.g. {@code #/cases/<id>}: never content, a case number or a tracking code
 * @param at           when the notice was made
 * @param read         whether the person has marked it read
 * @param mail         what became of its e-mail
 * @param mailDueAt    while its mail waits: when the sender tries next; absent otherwise (a partial index holds only
 *                     the waiting ones)
 * @param mailAttempts failed attempts so far
 * @param mailSentAt   when the relay accepted it
 */
@Document(Notice.COLLECTION)
public record Notice(@Id String id, String recipient, String agency, String kind, String link, Instant at,
        boolean read, MailState mail, Instant mailDueAt, int mailAttempts, Instant mailSentAt) {

    public static final String COLLECTION = "notices";

    public enum MailState {
        /** Waiting for the sender (also while SMTP is down). */
        PENDING,
        SENT,
        /** The person turned this kind's e-mail off. */
        OFF,
        /** No address in the person's token. */
        NO_ADDRESS,
        /** The service has no mail relay configured. */
        DISABLED
    }
}
