package th.integrity.complaints.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.complaints.complaint.Category;
import th.integrity.complaints.complaint.Channel;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.complaints.complaint.ComplaintSubmitted;
import th.integrity.complaints.tracking.TrackingCode;
import th.integrity.complaints.tracking.TrackingCodes;
import th.integrity.platform.events.CloudEvent;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.outbox.OutboxMessage;

/**
 * Takes in a complaint: stores it with its {@code complaint.submitted.v1} event in one insert (so neither
 * exists without the other) and hands back the tracking code. Kafka is not needed to accept a complaint;
 * the outbox relay publishes the event when it can.
 */
@Service
public class Intake {

    static final String SERVICE = "complaints";
    static final String RECEIVED_METRIC = "integrity.complaints.received";
    /** A clash of two random 16-digit codes is a one in 10^16 event; retrying a few times settles it. */
    private static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final TrackingCodes trackingCodes;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String topic;

    public Intake(MongoTemplate mongo, Outbox outbox, TrackingCodes trackingCodes, JsonMapper json,
            MeterRegistry meters, Clock clock, ComplaintsProperties properties) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.trackingCodes = trackingCodes;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.topic = properties.topic().name();
    }

    public Receipt submit(SubmitComplaint command) {
        Channel channel = Channel.WEB;
        Category category = Category.fromCode(command.category()).orElseThrow();
        // MongoDB keeps milliseconds: what the reporter is told is exactly what is stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String caseId = UUID.randomUUID().toString();
        ComplaintStatus status = ComplaintStatus.RECEIVED;
        long version = 1;

        var data = new ComplaintSubmitted(command.agency(), caseId, channel, category, null, now, status, version);
        CloudEvent event = CloudEvent.of(CloudEvent.source(command.agency(), SERVICE), ComplaintSubmitted.TYPE,
                caseId, now, json.valueToTree(data));
        OutboxMessage message = outbox.message(topic, command.agency() + ":" + caseId, event);

        for (int attempt = 1;; attempt++) {
            TrackingCode code = trackingCodes.next();
            Complaint complaint = new Complaint(caseId, command.agency(), channel, category, command.details(),
                    status, now, now, version, trackingCodes.hash(code), List.of(message));
            try {
                mongo.insert(complaint);
            } catch (DuplicateKeyException clash) {
                if (attempt == ATTEMPTS) {
                    throw clash;
                }
                log.warn("Tracking code clashed with an existing one; issuing another");
                continue;
            }
            outbox.written();
            Counter.builder(RECEIVED_METRIC).description("Complaints received")
                    .tag("channel", channel.name()).tag("category", category.name())
                    .register(meters).increment();
            log.info("Complaint {} received for agency {} via {}", caseId, command.agency(), channel);
            return new Receipt(code.grouped(), now, status);
        }
    }
}
