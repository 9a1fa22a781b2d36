package th.integrity.complaints.reporternotice;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.identity.Sealed;
import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;

/**
 * Sends the notices that wait: one fixed mail, "there is news on your complaint at {site}; follow it with your
 * tracking code", in Thai and English. It names no case, no case number, no tracking code and nothing the reporter
 * wrote, so a mailbox read by someone else reveals only that its owner filed something somewhere. The address is
 * opened only here, only to send; a notice that cannot be sent waits and is tried again. Neither the address nor
 * the case is written to the log.
 */
@Component
class ReporterNoticeSender {

    static final String SENT_METRIC = "integrity.complaints.reporter_notices";
    private static final Logger log = LoggerFactory.getLogger(ReporterNoticeSender.class);
    private static final int BATCH = 100;

    private final ReporterNoticeQueue queue;
    private final CaseStore cases;
    private final IdentityVault vault;
    private final ObjectProvider<JavaMailSender> mail;
    private final ReporterNoticeProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final boolean enabled;

    ReporterNoticeSender(ReporterNoticeQueue queue, CaseStore cases, IdentityVault vault,
            ObjectProvider<JavaMailSender> mail, ReporterNoticeProperties properties, MeterRegistry meters,
            Clock clock, Environment environment) {
        this.queue = queue;
        this.cases = cases;
        this.vault = vault;
        this.mail = mail;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        // No mail host (MAIL_HOST unset): e-mail is off, and no notice is queued at all.
        this.enabled = StringUtils.hasText(environment.getProperty("spring.mail.host"))
                && mail.getIfAvailable() != null;
    }

    boolean enabled() {
        return enabled;
    }

    @Scheduled(fixedDelayString = "${integrity.complaints.reporter-notices.poll-interval:5s}")
    @SchedulerLock(name = "reporter-notices",
            lockAtMostFor = "${integrity.sweeps.reporter-notices.lock-at-most-for:10m}",
            lockAtLeastFor = "${integrity.sweeps.reporter-notices.lock-at-least-for:0s}")
    public void scheduled() {
        sendDue();
    }

    /** @return how many notices went out */
    int sendDue() {
        if (!enabled) {
            return 0;
        }
        int sent = 0;
        int failed = 0;
        Instant now = clock.instant();
        for (PendingNotice notice : queue.due(now, BATCH)) {
            Optional<String> address = address(notice);
            if (address.isEmpty()) {
                queue.drop(notice.caseId()); // purged or shredded meanwhile: nobody left to tell
                continue;
            }
            try {
                send(address.get());
                queue.sent(notice);
                sent++;
                counter("sent").increment();
            } catch (MailException | MessagingException e) {
                queue.failed(notice, now.plus(properties.retryInterval()));
                failed++;
                counter("failed").increment();
                if (failed == 1) {
                    // The exception's class only: its message may quote the recipient.
                    log.warn("Reporter notices could not be sent ({}); they wait and are tried again in {}",
                            rootClass(e), properties.retryInterval());
                }
            }
        }
        return sent;
    }

    private Optional<String> address(PendingNotice notice) {
        Sealed sealed = notice.address();
        if (sealed == null) {
            sealed = cases.find(notice.agency(), notice.caseId()).map(Complaint::noticeAddress).orElse(null);
        }
        return sealed == null ? Optional.empty() : vault.openNoticeAddress(notice.agency(), notice.caseId(), sealed);
    }

    private void send(String address) throws MessagingException {
        JavaMailSender sender = mail.getObject();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.from());
        // Strict parsing: one address and nothing else (intake allowed nothing else either).
        helper.setTo(new InternetAddress(address, true));
        Text subject = Texts.get("complaints.notices.reporter.subject");
        Text body = Texts.get("complaints.notices.reporter.body", properties.siteUrl().toString());
        helper.setSubject(subject.th() + " / " + subject.en());
        helper.setText(body.th() + "\n\n----\n\n" + body.en());
        sender.send(message);
    }

    private Counter counter(String outcome) {
        return Counter.builder(SENT_METRIC).description("Notices to reporters, by outcome (sent, failed attempts)")
                .tag("outcome", outcome).register(meters);
    }

    private static String rootClass(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
