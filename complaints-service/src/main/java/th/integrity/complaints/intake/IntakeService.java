package th.integrity.complaints.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.json.JsonMapper;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.ComplaintsProperties;
import th.integrity.complaints.attachments.AttachmentStore;
import th.integrity.complaints.attachments.CleanFile;
import th.integrity.complaints.complaint.CaseEvents;
import th.integrity.complaints.complaint.CaseNumber;
import th.integrity.complaints.complaint.CaseNumbers;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintSnapshot;
import th.integrity.complaints.complaint.ComplaintStatus;
import th.integrity.complaints.complaint.ReporterMode;
import th.integrity.complaints.identity.IdentityCipher;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.identity.Sealed;
import th.integrity.complaints.tracking.TrackingCode;
import th.integrity.complaints.tracking.TrackingCodes;
import th.integrity.platform.outbox.OutboxMessage;
import th.integrity.platform.web.ProblemException;

/**
 * Takes in a complaint: stores its attachments (GridFS), then the case with its {@code complaint.submitted.v1}
 * event and, when an Idempotency-Key came with it, its replay record — all in one insert, so neither exists
 * without the others. Kafka is not needed to accept a complaint; the outbox relay publishes the event when it
 * can. Only the receipt ever carries the tracking code.
 */
@Service
public class IntakeService {

    public static final String RECEIVED_METRIC = "integrity.complaints.received";
    /** 16 to 128 characters: a UUID is the obvious choice; short guessable keys are refused. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{16,128}");
    /** A clash of two random 16-digit codes is a one in 10^16 event; retrying a few times settles it. */
    private static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final CaseStore cases;
    private final CaseNumbers caseNumbers;
    private final CaseEvents events;
    private final TrackingCodes trackingCodes;
    private final IdentityCipher cipher;
    private final IdentityVault vault;
    private final AttachmentStore attachments;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ComplaintsProperties properties;

    IntakeService(CaseStore cases, CaseNumbers caseNumbers, CaseEvents events, TrackingCodes trackingCodes,
            IdentityCipher cipher, IdentityVault vault,
            AttachmentStore attachments, JsonMapper json, MeterRegistry meters, Clock clock,
            ComplaintsProperties properties) {
        this.cases = cases;
        this.caseNumbers = caseNumbers;
        this.events = events;
        this.trackingCodes = trackingCodes;
        this.cipher = cipher;
        this.vault = vault;
        this.attachments = attachments;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
    }

    /** A receipt and the case it opened; {@code replayed} when an earlier request with the same key filed it. */
    public record Filed(String caseId, Receipt receipt, boolean replayed) {
    }

    /**
     * Files {@code command}; with an {@code idempotencyKey} a retry of the same request returns the first
     * receipt instead of filing twice.
     */
    public Filed file(NewCase command, String idempotencyKey) {
        Idempotent idempotent = null;
        if (idempotencyKey != null) {
            idempotent = idempotent(idempotencyKey, command);
            Optional<Filed> earlier = replay(idempotent);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = now();
        String caseId = UUID.randomUUID().toString();
        List<Complaint.Attachment> stored = attachments.store(command.agency(), caseId, command.files());
        try {
            return insert(command, caseId, now, stored, idempotent);
        } catch (RuntimeException e) {
            attachments.delete(stored.stream().map(Complaint.Attachment::fileId).toList());
            if (idempotent != null && e instanceof DuplicateKeyException) {
                // A concurrent retry with the same key won the unique index: answer what it answered.
                Optional<Filed> earlier = replay(idempotent);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
    }

    private Filed insert(NewCase command, String caseId, Instant now, List<Complaint.Attachment> stored,
            Idempotent idempotent) {
        ComplaintStatus status = ComplaintStatus.RECEIVED;
        Instant receivedAt = command.receivedAt() == null ? now : command.receivedAt();
        var deadline = status.deadlineIn(properties.deadlines());
        Sealed identity = command.reporter().mode() == ReporterMode.CONFIDENTIAL
                ? vault.sealIdentity(command.agency(), caseId, json.writeValueAsString(command.reporter().identity()))
                : null;
        // Sealed at once: the clear address exists only in this request (docs/complaints.md, "The reporter's notice
        // address").
        Sealed noticeAddress = command.noticeEmail() == null ? null
                : vault.sealNoticeAddress(command.agency(), caseId, command.noticeEmail());
        List<Complaint.StatusChange> history = List.of(new Complaint.StatusChange(null, status, now,
                command.recordedBy(), null, null, null, null));
        // Taken once, outside the retry loop: a clash of tracking codes must not skip a number.
        CaseNumber number = caseNumbers.next(command.agency(), receivedAt);
        for (int attempt = 1;; attempt++) {
            TrackingCode code = trackingCodes.next();
            Complaint.Idempotency replay = idempotent == null ? null
                    : new Complaint.Idempotency(idempotent.keyHash(), idempotent.requestHash(),
                            cipher.seal(code.digits(), codeBinding(caseId)),
                            now.plus(properties.tracking().idempotencyTtl()));
            Complaint complaint = new Complaint(caseId, command.agency(), command.channel(), command.category(),
                    command.subcategory(), command.division(), command.details(), command.incidentDate(),
                    command.location(), command.reportedElsewhere(), command.reporterStanding(),
                    new Complaint.Reporter(command.reporter().mode(), identity), status, receivedAt, now,
                    receivedAt, null, null, null, receivedAt.plus(deadline), 1, trackingCodes.hash(code), replay,
                    stored, List.of(), List.of(), history, command.recordedBy(), null, List.of(), number.formatted(),
                    number.sequence(), number.fiscalYear(), command.letterRef(), command.letterDate(), now, null, null,
                    noticeAddress);
            OutboxMessage message = events.message(ComplaintSnapshot.SUBMITTED, ComplaintSnapshot.of(complaint), now);
            try {
                cases.insert(complaint.withOutbox(List.of(message)));
            } catch (DuplicateKeyException clash) {
                if (attempt == ATTEMPTS || (idempotent != null && findByKey(idempotent.keyHash()) != null)) {
                    throw clash;
                }
                log.warn("Tracking code clashed with an existing one; issuing another");
                continue;
            }
            events.written(caseId);
            Counter.builder(RECEIVED_METRIC).description("Complaints received")
                    .tag("channel", command.channel().name()).tag("category", command.category().name())
                    .register(meters).increment();
            log.info("Complaint {} received for agency {} via {}", caseId, command.agency(), command.channel());
            return new Filed(caseId, new Receipt(code.grouped(), receivedAt, status, complaint.caseNumber(),
                    complaint.agency(), complaint.dueAt()), false);
        }
    }

    /** What an Idempotency-Key and its request are stored under: keyed hashes, never the key itself. */
    record Idempotent(String keyHash, String requestHash) {
    }

    private Idempotent idempotent(String key, NewCase command) {
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ProblemException.invalid(ComplaintsProblems.field("Idempotency-Key", "idempotency-key"));
        }
        List<String> fileDigests = new ArrayList<>();
        for (CleanFile file : command.files()) {
            fileDigests.add(sha256(file.bytes()));
        }
        // The key is bound to the agency and to this request's content: someone who guesses another
        // reporter's key still cannot get their code without sending exactly the same complaint.
        List<Object> parts = new ArrayList<>(List.of(command.agency(), command.channel(), command.category(),
                String.valueOf(command.subcategory()), String.valueOf(command.division()), command.details(),
                String.valueOf(command.incidentDate()), String.valueOf(command.location()),
                String.valueOf(command.reportedElsewhere()), command.reporterStanding(),
                json.writeValueAsString(command.reporter()), String.valueOf(command.recordedBy()), fileDigests));
        if (command.noticeEmail() != null) {
            // Only when given: requests without one hash as they did before the field existed.
            parts.add("notice:" + command.noticeEmail());
        }
        String request = json.writeValueAsString(parts);
        return new Idempotent(trackingCodes.keyedHash("idempotency-key:" + command.agency() + ":" + key),
                trackingCodes.keyedHash("idempotent-request:" + request));
    }

    private Optional<Filed> replay(Idempotent idempotent) {
        Complaint earlier = findByKey(idempotent.keyHash());
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.idempotency().expiresAt().isAfter(now())) {
            // Expired: forget it (the sweep would too), so the key files anew.
            cases.forgetIdempotency(earlier.id(), idempotent.keyHash());
            return Optional.empty();
        }
        if (!earlier.idempotency().requestHash().equals(idempotent.requestHash())) {
            throw ComplaintsProblems.idempotencyKeyReused();
        }
        TrackingCode code = new TrackingCode(cipher.open(earlier.idempotency().code(), codeBinding(earlier.id())));
        // The first answer: the status the case had when it was received, not its status now.
        return Optional.of(new Filed(earlier.id(),
                new Receipt(code.grouped(), earlier.receivedAt(), ComplaintStatus.RECEIVED, earlier.caseNumber(),
                        earlier.agency(), earlier.receivedAt().plus(ComplaintStatus.RECEIVED.deadlineIn(properties.deadlines()))),
                true));
    }

    private Complaint findByKey(String keyHash) {
        return cases.findByIdempotencyKey(keyHash).orElse(null);
    }

    /** The periodic sweep, on one replica at a time (index {@code idempotency_expiresAt}). */
    @Scheduled(fixedDelayString = "${integrity.complaints.tracking.idempotency-sweep:10m}")
    @SchedulerLock(name = "idempotency-keys",
            lockAtMostFor = "${integrity.sweeps.idempotency-keys.lock-at-most-for:9m}",
            lockAtLeastFor = "${integrity.sweeps.idempotency-keys.lock-at-least-for:1m}")
    public void scheduledForget() {
        forgetExpiredIdempotencyKeys();
    }

    /** Removes replay records past their time, so the sealed codes do not outlive their purpose. */
    public long forgetExpiredIdempotencyKeys() {
        return cases.forgetIdempotencyExpiredAt(now());
    }

    static String codeBinding(String caseId) {
        return "tracking-code:" + caseId;
    }

    private Instant now() {
        // MongoDB keeps milliseconds: what the reporter is told is exactly what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
