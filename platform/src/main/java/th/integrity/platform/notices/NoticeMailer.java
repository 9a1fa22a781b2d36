package th.integrity.platform.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import th.integrity.platform.sweep.SweepLocks;

/**
 * Sends the notices' mails, outbox-style: a notice is stored first with its mail waiting ({@code mailDueAt}), and
 * this sender delivers it afterwards. While the relay is unreachable the mail stays waiting and is tried again with
 * growing pauses ({@code integrity.notices.mail.first-retry} doubling up to {@code max-retry}), never dropped. One
 * replica at a time sends (sweep lock {@value #LOCK}), so two replicas do not send the same mail; a crash between the
 * relay's acceptance and the mark "sent" sends it once more (at least once, as the event outbox).
 */
public class NoticeMailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);
    public static final String LOCK = "notice-mail";

    private final JavaMailSender sender;
    private final NoticeStore notices;
    private final RecipientStore recipients;
    private final NoticeTexts texts;
    private final NoticesProperties properties;
    private final SweepLocks.Lock lock;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;

    /** @param sender null when the service has no mail relay ({@code spring.mail.host} empty): mail is off */
    public NoticeMailer(JavaMailSender sender, NoticeStore notices, RecipientStore recipients, NoticeTexts texts,
            NoticesProperties properties, SweepLocks locks, Clock clock, MeterRegistry meters) {
        this.sender = sender;
        this.notices = notices;
        this.recipients = recipients;
        this.texts = texts;
        this.properties = properties;
        this.lock = locks.lock(LOCK, Duration.ofMinutes(5), Duration.ZERO);
        this.clock = clock;
        this.sent = Counter.builder("integrity.notices.mail").tag("outcome", "sent")
                .description("Notice mails accepted by the relay, or not").register(meters);
        this.failed = Counter.builder("integrity.notices.mail").tag("outcome", "failed")
                .description("Notice mails accepted by the relay, or not").register(meters);
    }

    public boolean enabled() {
        return sender != null;
    }

    void wakeUp() {
        wakeUps.release();
    }

    /** One pass over the waiting mails whose turn has come. @return how many went */
    public int sendDue() {
        int[] count = { 0 };
        lock.runIfFree(() -> count[0] = sendDueLocked());
        return count[0];
    }

    private int sendDueLocked() {
        Instant now = clock.instant();
        List<Notice> due = notices.due(now, properties.mail().batchSize());
        int went = 0;
        for (Notice notice : due) {
            var recipient = recipients.find(notice.recipient()).orElse(null);
            if (recipient == null || recipient.email() == null || recipient.email().isBlank()) {
                notices.dropMail(notice.id(), Notice.MailState.NO_ADDRESS);
                continue;
            }
            if (!recipient.wantsEmail(notice.kind())) {
                notices.dropMail(notice.id(), Notice.MailState.OFF);
                continue;
            }
            try {
                sender.send(message(notice, recipient.email()));
                notices.sent(notice.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
                sent.increment();
                went++;
            } catch (MailParseException | MessagingException unusable) {
                // An address the relay can never take: retrying would not help, and nothing else is wrong.
                log.warn("Notice mail {} dropped: unusable address ({})", notice.id(), unusable.getMessage());
                notices.dropMail(notice.id(), Notice.MailState.NO_ADDRESS);
            } catch (MailException down) {
                failed.increment();
                int attempts = notice.mailAttempts() + 1;
                notices.retry(notice.id(), attempts, now.plus(backOff(attempts)));
                log.warn("Notice mail {} not sent (attempt {}), kept for a retry: {}", notice.id(), attempts,
                        down.getMessage());
                // The relay is likely down for every mail: the others wait for their next turn as they are.
                break;
            }
        }
        return went;
    }

    Duration backOff(int attempts) {
        Duration wait = properties.mail().firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(properties.mail().maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.mail().maxRetry()) > 0 ? properties.mail().maxRetry() : wait;
    }

    private MimeMessage message(Notice notice, String to) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(to);
        NoticeTexts.Mail mail = texts.mail(notice);
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        return mime;
    }

    @Override
    public void start() {
        if (sender == null || worker != null) {
            return;
        }
        Thread thread = new Thread(this::run, "notice-mail");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Notice mail pass failed, retried next pass: {}", e.toString());
            }
            try {
                wakeUps.tryAcquire(properties.mail().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
