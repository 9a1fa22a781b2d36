package th.integrity.complaints.retention;

import static th.integrity.platform.calendar.FiscalCalendar.BANGKOK;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.complaints.attachments.AttachmentStore;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintSnapshot;
import th.integrity.platform.web.ProblemException;

/**
 * Once a case has been concluded for the retention period, removes everything personal or free-text from it:
 * the reporter's identity, the details, place and date, the attachments (GridFS), messages, notes, the
 * tracking code's hash and the who/why of each move. What stays is exactly what statistics need (agency,
 * channel, categories, division, standing, dates, status, closure reason). Emits {@code complaint.updated.v1};
 * logs the case id only. Destroys the case's data key first (crypto-shredding: the identity and files sealed under
 * it cannot be opened from any remaining copy) and records what it removed, without content, for the head's purge
 * report. The identity-reveal audit log is kept.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final CaseStore store;
    private final AttachmentStore attachments;
    private final IdentityVault vault;
    private final PurgeRecordStore report;
    private final Clock clock;
    private final ComplaintsProperties.Retention retention;

    RetentionPurge(CaseStore store, AttachmentStore attachments, IdentityVault vault, PurgeRecordStore report,
            Clock clock, ComplaintsProperties properties) {
        this.store = store;
        this.attachments = attachments;
        this.vault = vault;
        this.report = report;
        this.clock = clock;
        this.retention = properties.retention();
    }

    /** One replica at a time: it reads every concluded case not yet purged (index {@code retention_due}). */
    @Scheduled(fixedDelayString = "${integrity.complaints.retention.check-interval:1h}",
            initialDelayString = "${integrity.complaints.retention.check-interval:1h}")
    @SchedulerLock(name = "retention-purge",
            lockAtMostFor = "${integrity.sweeps.retention-purge.lock-at-most-for:50m}",
            lockAtLeastFor = "${integrity.sweeps.retention-purge.lock-at-least-for:5m}")
    public void scheduled() {
        purgeDue();
    }

    /** @return how many cases were purged */
    public int purgeDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.atZone(BANGKOK).minus(retention.afterConclusion()).toInstant();
        List<Complaint> due = store.dueForPurge(cutoff, 500);
        int purged = 0;
        for (Complaint c : due) {
            try {
                purge(c, now);
                purged++;
            } catch (ProblemException changedMeanwhile) {
                // picked up again on the next run
            }
        }
        return purged;
    }

    private void purge(Complaint c, Instant now) {
        // First the key: from here on the identity and the files are unreadable wherever a copy of them lies, even
        // if what follows fails (the next run completes it).
        boolean keyDestroyed = vault.shred(c.agency(), c.id());
        List<Complaint.StatusChange> moves = c.history().stream()
                .map(h -> new Complaint.StatusChange(h.from(), h.to(), h.at(), null, null, null, h.closureReason(),
                        h.forwardedTo()))
                .toList();
        Update update = new Update().unset("reporter.identity").unset("details").unset("location")
                .unset("incidentDate").unset("trackingHash").unset("idempotency").unset("recordedBy")
                // A letter's own reference names its sender as surely as a signature.
                .unset("letterRef").unset("letterDate").unset(Complaint.NOTICE_ADDRESS)
                .set("attachments", List.of()).set("messages", List.of()).set("notes", List.of())
                .set("history", moves).set("purgedAt", now);
        if (c.referral() != null) {
            update.set("referral", c.referral().purged()); // the answers' summaries are free text
        }
        store.update(c, update, ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c), now);
        // After the case no longer references them; a failure here leaves orphans for the sweep.
        attachments.delete(c.attachments().stream().map(Complaint.Attachment::fileId).toList());
        report.record(new PurgeRecord(c.id(), c.agency(), c.receivedAt(), c.concludedAt(), now,
                c.reporter() != null && c.reporter().identity() != null, keyDestroyed, c.attachments().size(),
                c.messages().size(), c.notes().size(), c.details() != null));
        log.info("Purged case {} after its retention period", c.id());
    }
}
