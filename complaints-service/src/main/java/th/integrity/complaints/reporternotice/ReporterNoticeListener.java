package th.integrity.complaints.reporternotice;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.disclosure.Disclosures;

/**
 * Reads the service's own events ({@code complaints.v1}, consumer group {@code complaints-reporter-notices}), which
 * name a case and nothing personal, and looks the case up: when what its reporter sees on the tracking page changed
 * (a move, an officer's message, the disclosure of their identity) and they left a notice address, a notice waits
 * for the {@link ReporterNoticeSender}. Once the case is closed, its address is removed from the case; the sealed
 * copy the last notice needs lives in the sender's record until that notice is sent.
 */
@Component
class ReporterNoticeListener {

    static final String GROUP = "complaints-reporter-notices";

    private final CaseStore cases;
    private final Disclosures disclosures;
    private final ReporterNoticeQueue queue;
    private final ReporterNoticeSender sender;
    private final ComplaintsProperties properties;
    private final Clock clock;

    ReporterNoticeListener(CaseStore cases, Disclosures disclosures, ReporterNoticeQueue queue,
            ReporterNoticeSender sender, ComplaintsProperties properties, Clock clock) {
        this.cases = cases;
        this.disclosures = disclosures;
        this.queue = queue;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    public String topic() {
        return properties.topic().name();
    }

    /** From the first event on: a new group must not miss the news of a case filed while it was being assigned. */
    @KafkaListener(id = GROUP, topics = "#{__listener.topic()}", containerFactory = "reporterNoticeListenerFactory",
            properties = "auto.offset.reset=earliest")
    public void onRecord(ConsumerRecord<String, String> record) {
        // The key is {agency}:{caseId} for every event of a case (docs/events.md); anything else is not ours.
        String key = record.key();
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            return;
        }
        noteNews(key.substring(0, colon), key.substring(colon + 1));
    }

    void noteNews(String agency, String caseId) {
        Complaint c = cases.find(agency, caseId).orElse(null);
        if (c == null) {
            return;
        }
        PendingNotice queued = queue.find(caseId).orElse(null);
        if (c.noticeAddress() == null && (queued == null || queued.address() == null)) {
            return; // no address left: nobody to tell
        }
        if (c.purgedAt() != null) {
            cases.forgetNoticeAddress(agency, caseId);
            queue.drop(caseId);
            return;
        }
        PendingNotice.Seen seen = new PendingNotice.Seen(c.history().size() - 1,
                (int) c.messages().stream().filter(m -> m.from() == Complaint.Party.OFFICER).count(),
                disclosures.firstDisclosure(agency, caseId).isPresent());
        PendingNotice.Seen before = queued == null || queued.seen() == null ? PendingNotice.Seen.FILED : queued.seen();
        boolean news = !seen.equals(before) && sender.enabled();
        if (news) {
            queue.news(caseId, agency, seen, clock.instant());
        }
        if (c.status().isFinal() && c.noticeAddress() != null) {
            // In this order: the copy is kept before the case's own goes, so a crash between them loses no notice.
            if (news || (queued != null && queued.nextAttemptAt() != null)) {
                queue.keepAddress(caseId, agency, c.noticeAddress());
            }
            cases.forgetNoticeAddress(agency, caseId);
        }
    }
}
