package th.integrity.complaints.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.ComplaintsProperties;
import th.integrity.complaints.attachments.AttachmentStore;
import th.integrity.complaints.attachments.CleanFile;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.disclosure.Disclosures;
import th.integrity.complaints.complaint.ClosureReason;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.complaint.ComplaintSnapshot;
import th.integrity.complaints.reference.ReferenceData;
import th.integrity.complaints.reference.ReferenceEntry;
import th.integrity.complaints.reference.ReferenceKind;
import th.integrity.platform.web.ProblemException;
import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;

/**
 * Following a complaint with its code alone. Every wrong code — malformed, unknown, or of a purged case —
 * costs the same work (one HMAC, one indexed lookup) and gets the same 404, so the answer tells nothing
 * but "not found". The reporter sees the status, the date of each stage and the messages exchanged; never
 * an officer's name, an internal note or a reason written for the file.
 */
@Service
class TrackingService {

    /** Hashed when the code is malformed, so that path costs what a well-formed one does. */
    private static final TrackingCode DUMMY = new TrackingCode("0000000000000000");

    private final TrackingCodes codes;
    private final FailedLookupLimiter limiter;
    private final CaseStore store;
    private final ReferenceData reference;
    private final Clock clock;
    private final ComplaintsProperties.Tracking limits;
    private final Disclosures disclosures;
    private final AttachmentStore attachments;
    private final ComplaintsProperties.Attachments attachmentLimits;

    /** A case holds at most this many times the files one submission may carry. */
    static final int FILES_PER_CASE = 4;

    TrackingService(TrackingCodes codes, FailedLookupLimiter limiter, CaseStore store,
            ReferenceData reference, Clock clock, ComplaintsProperties properties, Disclosures disclosures,
            AttachmentStore attachments) {
        this.codes = codes;
        this.limiter = limiter;
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.limits = properties.tracking();
        this.disclosures = disclosures;
        this.attachments = attachments;
        this.attachmentLimits = properties.attachments();
    }

    public record Label(String code, String labelTh, String labelEn) {
    }

    /** @param at when the case entered {@code status} */
    public record Stage(String stage, String labelTh, String labelEn, Instant at) {
    }

    /** @param from REPORTER or OFFICER (never which officer) */
    public record PublicMessage(Complaint.Party from, String text, Instant at) {
    }

    /**
     * @param caseNumber เลขรับ, e.g. {@code วท 0012/2570}: the reporter may quote it to the agency
     * @param agency     the agency's code (the acknowledgement names the agency)
     * @param dueAt      the deadline of the current status; null when final
     */
    public record Progress(Label status, Instant receivedAt, Instant acknowledgedAt, Instant concludedAt,
            Label closureReason, Label forwardedTo, List<Stage> stages, List<PublicMessage> messages,
            String caseNumber, String agency, Instant dueAt) {
    }

    public Progress progress(String typedCode) {
        Complaint c = find(typedCode);
        List<Stage> stages = new ArrayList<>();
        stages.add(stage("RECEIVED", c.receivedAt()));
        stages.add(stage("ACKNOWLEDGED", c.acknowledgedAt()));
        for (Complaint.StatusChange change : c.history()) {
            if (change.from() != null) {
                stages.add(new Stage(change.to().name(), change.to().labelTh(), change.to().labelEn(), change.at()));
            }
        }
        // Files the reporter added later, one stage per upload.
        c.attachments().stream().map(Complaint.Attachment::addedAt).filter(java.util.Objects::nonNull).distinct()
                .forEach(at -> insertByTime(stages, evidence(at, c.attachments().stream()
                        .filter(a -> at.equals(a.addedAt())).count())));
        // The reporter is told that their identity was disclosed, and when; never to whom.
        disclosures.firstDisclosure(c.agency(), c.id()).ifPresent(at -> insertByTime(stages, stage("IDENTITY_DISCLOSED", at)));
        List<PublicMessage> messages = c.messages().stream()
                .map(m -> new PublicMessage(m.from(), m.text(), m.at())).toList();
        ClosureReason reason = c.closureReason();
        return new Progress(label(ReferenceKind.STATUS, c.status().name()), c.receivedAt(), c.acknowledgedAt(),
                c.concludedAt(), reason == null ? null : label(ReferenceKind.CLOSURE_REASON, reason.name()),
                c.forwardedTo() == null ? null : label(ReferenceKind.FORWARDING_BODY, c.forwardedTo()), stages,
                messages, c.caseNumber(), c.agency(), c.dueAt());
    }

    /**
     * The reporter adds files to an open case: checked and cleaned as at intake, sealed under the case's key, marked
     * with when they came so the officer sees them as new. @return when they were added
     */
    public Instant addFiles(String typedCode, List<CleanFile> files) {
        Complaint c = find(typedCode);
        if (c.status().isFinal()) {
            throw ComplaintsProblems.caseClosed();
        }
        int max = attachmentLimits.maxFiles() * FILES_PER_CASE;
        if (c.attachments().size() + files.size() > max) {
            throw ComplaintsProblems.attachmentsFull(max);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Complaint.Attachment> stored = attachments.store(c.agency(), c.id(), files, c.attachments().size(), now);
        try {
            store.update(c, new Update().push("attachments").each(stored.toArray()), ComplaintSnapshot.UPDATED,
                    ComplaintSnapshot.of(c), now);
        } catch (RuntimeException e) {
            attachments.delete(stored.stream().map(Complaint.Attachment::fileId).toList());
            throw e;
        }
        return now;
    }

    /** The reporter adds a message; officers see it on the case. */
    public Instant addMessage(String typedCode, String text) {
        Complaint c = find(typedCode);
        if (c.messages().size() >= limits.maxMessages()) {
            throw ComplaintsProblems.messagesFullForReporter(limits.maxMessages());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var message = new Complaint.Message(UUID.randomUUID().toString(), Complaint.Party.REPORTER, text, now, null);
        store.update(c, new Update().push("messages", message), ComplaintSnapshot.UPDATED, ComplaintSnapshot.of(c), now);
        return now;
    }

    /**
     * A right code is answered whatever else is being sent: it is looked up before any budget is consulted, and
     * the lookup costs the same for every code (one HMAC, one indexed read; a malformed code hashes a dummy), so
     * the time to the decision tells nothing the answer does not. Only a wrong code counts against the service-wide
     * budget, and beyond it gets 429 instead of 404.
     */
    private Complaint find(String typedCode) {
        var parsed = TrackingCode.parse(typedCode);
        String hash = codes.hash(parsed.orElse(DUMMY));
        Complaint found = store.findByTrackingHash(hash).orElse(null);
        if (parsed.isPresent() && found != null && found.purgedAt() == null) {
            return found;
        }
        Duration blocked = limiter.failed();
        if (!blocked.isZero()) {
            throw new TooManyLookups(blocked);
        }
        throw ComplaintsProblems.trackingCodeNotFound();
    }

    /** A stage before any move, labelled from the bundles ({@code complaints.label.stage.<NAME>}). */
    /** Before the first stage that happened later (stages not reached yet, without a time, stay last). */
    private static void insertByTime(List<Stage> stages, Stage stage) {
        int before = 0;
        while (before < stages.size() && stages.get(before).at() != null && !stages.get(before).at().isAfter(stage.at())) {
            before++;
        }
        stages.add(before, stage);
    }

    private static Stage evidence(Instant at, long files) {
        Text label = Texts.get("complaints.label.stage.EVIDENCE_ADDED", files);
        return new Stage("EVIDENCE_ADDED", label.th(), label.en(), at);
    }

    private static Stage stage(String name, Instant at) {
        Text label = Texts.get("complaints.label.stage." + name);
        return new Stage(name, label.th(), label.en(), at);
    }

    private Label label(ReferenceKind kind, String code) {
        return reference.find(kind, code).map((ReferenceEntry e) -> new Label(code, e.labelTh(), e.labelEn()))
                .orElse(new Label(code, code, code));
    }

    /** 429 with Retry-After; answered by {@link TrackingController}. */
    public static class TooManyLookups extends ProblemException {

        private final Duration retryAfter;

        TooManyLookups(Duration retryAfter) {
            this(retryAfter, ComplaintsProblems.tooManyLookups(retryAfter.toSeconds()));
        }

        private TooManyLookups(Duration retryAfter, Text detail) {
            super(ComplaintsProblems.TOO_MANY_LOOKUPS, detail.en(), detail.th());
            this.retryAfter = retryAfter;
            getHeaders().set("Retry-After", String.valueOf(retryAfter.toSeconds()));
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
