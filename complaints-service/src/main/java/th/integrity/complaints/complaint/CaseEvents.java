package th.integrity.complaints.complaint;

import java.time.Instant;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.outbox.OutboxMessage;

/** Builds the outbox message of a case event: CloudEvent envelope, key {@code agency:caseId}. */
@Component
public class CaseEvents {

    public static final String SERVICE = "complaints";

    private final Outbox outbox;
    private final JsonMapper json;
    private final String topic;

    public CaseEvents(Outbox outbox, JsonMapper json, ComplaintsProperties properties) {
        this.outbox = outbox;
        this.json = json;
        this.topic = properties.topic().name();
    }

    public OutboxMessage message(String type, ComplaintSnapshot snapshot, Instant time) {
        CloudEvent event = CloudEvent.of(CloudEvent.source(snapshot.agency(), SERVICE), type, snapshot.caseId(),
                time, json.valueToTree(snapshot));
        return outbox.message(topic, snapshot.agency() + ":" + snapshot.caseId(), event);
    }

    /** Reports the case written with new messages to the relay, which publishes them at once. */
    public void written(String caseId) {
        outbox.written(Complaint.COLLECTION, caseId);
    }
}
