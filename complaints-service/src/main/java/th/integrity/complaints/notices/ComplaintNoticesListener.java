package th.integrity.complaints.notices;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintSnapshot;
import th.integrity.complaints.disclosure.Disclosures;
import th.integrity.platform.notices.Notices;
import th.integrity.platform.notices.Recipient;
import th.integrity.platform.security.Role;

/**
 * Reads the service's own topic in its own consumer group ({@value #GROUP}) and notifies: the agency's officers of
 * a new complaint and of a reporter's message or added files, the agency's heads of an identity request awaiting
 * approval. The events carry no person; who is told, and whether the reporter wrote, comes from this service's
 * store. Each notice is made once per person however often the event is delivered.
 */
@Component
// Off only where another process consumes for this database (the tests' shared context, whose paused-and-resumed
// listener would write notices behind the tests that count every document).
@ConditionalOnProperty(name = "integrity.notices.consume", havingValue = "true", matchIfMissing = true)
class ComplaintNoticesListener {

    static final String GROUP = "complaints-notices";
    private static final Logger log = LoggerFactory.getLogger(ComplaintNoticesListener.class);

    private final Notices notices;
    private final CaseStore cases;
    private final Disclosures disclosures;
    private final JsonMapper json;

    ComplaintNoticesListener(Notices notices, CaseStore cases, Disclosures disclosures, JsonMapper json) {
        this.notices = notices;
        this.cases = cases;
        this.disclosures = disclosures;
        this.json = json;
    }

    // From the earliest offset when the group is new: what was published before it first joined is not missed
    // (integrity.notices.max-event-age keeps old history from being mailed).
    @KafkaListener(id = GROUP, groupId = "${integrity.complaints.notices.consumer-group:" + GROUP + "}",
            topics = "${integrity.complaints.topic.name:complaints.v1}",
            properties = "auto.offset.reset=earliest")
    void onRecord(ConsumerRecord<String, String> record) {
        JsonNode event = json.readTree(record.value());
        String type = event.path("type").asString("");
        JsonNode data = event.path("data");
        String agency = data.path("agency").asString(null);
        String time = event.path("time").asString(null);
        if (agency == null || time != null && !notices.recent(Instant.parse(time))) {
            return;
        }
        switch (type) {
            case ComplaintSnapshot.SUBMITTED -> submitted(agency, data.path("caseId").asString(null));
            case ComplaintSnapshot.UPDATED -> updated(agency, data.path("caseId").asString(null));
            case "identity-request.requested.v1" -> requested(agency, data.path("requestId").asString(null),
                    data.path("caseId").asString(null));
            default -> {
                // moves, decisions, reveals: nobody is notified
            }
        }
    }

    private void submitted(String agency, String caseId) {
        if (caseId == null) {
            return;
        }
        cases.find(agency, caseId).ifPresent(c -> {
            // The officer who keyed a complaint in knows of it already.
            List<Recipient> officers = notices.holding(agency, Role.OFFICER).stream()
                    .filter(r -> !r.subject().equals(c.recordedBy())).toList();
            notices.send(ComplaintNoticesConfiguration.COMPLAINT_NEW, caseId, agency, officers,
                    ComplaintNoticesConfiguration.caseLink(caseId));
        });
    }

    /** Any update; a notice only when the reporter wrote or added files since the officers last looked. */
    private void updated(String agency, String caseId) {
        if (caseId == null) {
            return;
        }
        cases.find(agency, caseId).filter(Complaint::hasNewFromReporter).ifPresent(c -> {
            // One notice per newest item from the reporter: a second update while it is unseen adds none.
            notices.send(ComplaintNoticesConfiguration.REPORTER_NEWS, caseId + ":" + newestFromReporter(c), agency,
                    notices.holding(agency, Role.OFFICER), ComplaintNoticesConfiguration.caseLink(caseId));
        });
    }

    private void requested(String agency, String requestId, String caseId) {
        if (requestId == null) {
            return;
        }
        String requester = disclosures.pendingRequester(agency, requestId).orElse(null);
        if (requester == null) {
            log.debug("Identity request {} no longer pending: no notice", requestId);
            return;
        }
        // The requester cannot approve her own request, even when she is also a head.
        List<Recipient> heads = notices.holding(agency, Role.HEAD).stream()
                .filter(r -> !r.subject().equals(requester)).toList();
        notices.send(ComplaintNoticesConfiguration.IDENTITY_REQUEST_PENDING, requestId, agency, heads, "#/head");
    }

    private static Instant newestFromReporter(Complaint c) {
        Instant latest = Instant.EPOCH;
        for (Complaint.Message m : c.messages()) {
            if (m.from() == Complaint.Party.REPORTER && m.at().isAfter(latest)) {
                latest = m.at();
            }
        }
        for (Complaint.Attachment a : c.attachments()) {
            if (a.addedAt() != null && a.addedAt().isAfter(latest)) {
                latest = a.addedAt();
            }
        }
        return latest;
    }
}
