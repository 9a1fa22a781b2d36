package th.integrity.complaints.complaint;

import java.time.Instant;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.events.EventTimes;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.outbox.OutboxMessage;

/** Builds the outbox message of a case event: CloudEvent envelope, key {@code agency:caseId}. */
@Component
public class CaseEvents {

    public static final String SERVICE = "complaints";

    private final Outbox outbox;
    private final JsonMapper json;
    private final String topic;
    private final EventTimes times;

    public CaseEvents(Outbox outbox, JsonMapper json, ComplaintsProperties properties) {
        this.outbox = outbox;
        this.json = json;
        this.topic = properties.topic().name();
        this.times = new EventTimes(properties.topic().timePrecision());
    }

    public OutboxMessage message(String type, ComplaintSnapshot snapshot, Instant time) {
        return message(type, snapshot.agency(), snapshot.caseId(), time, snapshot);
    }

    /**
     * Any event of a case (its key keeps them in order), its times rounded to {@code topic.time-precision}: the
     * topic must not tell when a reporter pressed "send" to the millisecond (docs/events.md).
     */
    public OutboxMessage message(String type, String agency, String caseId, Instant time, Object data) {
        CloudEvent event = CloudEvent.of(CloudEvent.source(agency, SERVICE), type, caseId, times.floor(time),
                times.round(json.valueToTree(data)));
        return outbox.message(topic, agency + ":" + caseId, event);
    }

    /** Reports the case written with new messages to the relay, which publishes them at once. */
    public void written(String caseId) {
        outbox.written(Complaint.COLLECTION, caseId);
    }
}
