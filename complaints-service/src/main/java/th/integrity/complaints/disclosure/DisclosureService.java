package th.integrity.complaints.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import th.integrity.complaints.ComplaintsProblems;
import th.integrity.complaints.audit.AuditStore;
import th.integrity.complaints.audit.IdentityReveal;
import th.integrity.complaints.complaint.CaseEvents;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.complaint.Complaint;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.identity.ReporterIdentity;
import th.integrity.platform.outbox.OutboxMessage;
import th.integrity.platform.security.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revealing a confidential reporter's identity takes two people: an officer asks with a reason, the head of the
 * agency (never the same person) approves or declines with a note, and only the requesting officer may then read
 * the identity, for {@link DisclosureProperties#approvalValidFor()}. Every step is kept (the request document is
 * its audit record; each read also goes to the append-only reveal log), counted, and published as an event that
 * names no person and carries no identity or reason.
 */
@Service
class DisclosureService {

    private static final Logger log = LoggerFactory.getLogger(DisclosureService.class);

    /** {@code integrity_complaints_identity_reveals_total{agency}}: an alert watches for unusually many. */
    static final String IDENTITY_REVEALS = "integrity.complaints.identity_reveals";
    /** {@code integrity_complaints_identity_requests_total{agency,step}}, step = requested, approved or declined. */
    static final String IDENTITY_REQUESTS = "integrity.complaints.identity_requests";

    static final String REQUESTED = "identity-request.requested.v1";
    static final String APPROVED = "identity-request.approved.v1";
    static final String DECLINED = "identity-request.declined.v1";
    static final String REVEALED = "identity-request.revealed.v1";

    private final IdentityRequestStore requests;
    private final CaseStore cases;
    private final AuditStore audit;
    private final IdentityVault vault;
    private final CaseEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final DisclosureProperties properties;
    private final MeterRegistry meters;

    DisclosureService(IdentityRequestStore requests, CaseStore cases, AuditStore audit, IdentityVault vault,
            CaseEvents events, JsonMapper json, Clock clock, DisclosureProperties properties,
            MeterRegistry meters) {
        this.requests = requests;
        this.cases = cases;
        this.audit = audit;
        this.vault = vault;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** An officer asks to see the identity; nothing about the reporter is in the answer. */
    IdentityRequest request(CurrentUser officer, String caseId, String reason) {
        Complaint c = withIdentity(officer, caseId);
        Instant now = now();
        if (requests.pending(c.agency(), c.id(), officer.subject())) {
            throw ComplaintsProblems.identityRequestOpen();
        }
        String id = UUID.randomUUID().toString();
        IdentityRequest request = new IdentityRequest(id, c.agency(), c.id(), c.caseNumber(), officer.subject(),
                officer.name(), reason, now, IdentityRequest.Status.PENDING, null, null, null, null, null, null, null);
        requests.insert(request.withOutbox(List.of(event(REQUESTED, request, now))));
        count(c.agency(), "requested");
        log.info("Identity of the reporter of case {} requested by {} (request {})", c.id(), officer.subject(), id);
        return request;
    }

    List<IdentityRequest> queue(CurrentUser head, IdentityRequest.Status status) {
        return head.agency() == null ? List.of() : requests.list(head.agency(), status, 200);
    }

    /** The caller's own requests on a case (what the officer's case page shows), newest first. */
    List<IdentityRequest> mine(CurrentUser officer, String caseId) {
        Complaint c = cases.get(officer.agency(), caseId);
        return requests.ofCase(c.agency(), c.id()).stream().filter(r -> r.requester().equals(officer.subject())).toList();
    }

    IdentityRequest decide(CurrentUser head, String requestId, boolean approve, String note) {
        IdentityRequest pending = head.agency() == null ? null : requests.find(head.agency(), requestId).orElse(null);
        if (pending == null) {
            throw ComplaintsProblems.identityRequestNotFound();
        }
        if (pending.requester().equals(head.subject())) {
            throw ComplaintsProblems.ownIdentityRequest();
        }
        if (pending.status() != IdentityRequest.Status.PENDING) {
            throw ComplaintsProblems.identityRequestDecided(pending.status().name());
        }
        Instant now = now();
        IdentityRequest.Status status = approve ? IdentityRequest.Status.APPROVED : IdentityRequest.Status.DECLINED;
        Instant expiresAt = approve ? now.plus(properties.approvalValidFor()) : null;
        IdentityRequest decided = new IdentityRequest(pending.id(), pending.agency(), pending.caseId(),
                pending.caseNumber(), pending.requester(), pending.requesterName(), pending.reason(),
                pending.requestedAt(), status, head.subject(), head.name(), note, now, expiresAt, null, null);
        IdentityRequest written = requests.decide(decided, event(approve ? APPROVED : DECLINED, decided, now))
                .orElseThrow(() -> ComplaintsProblems.identityRequestDecided(
                        requests.find(pending.agency(), pending.id()).map(r -> r.status().name()).orElse("PENDING")));
        count(pending.agency(), approve ? "approved" : "declined");
        log.info("Identity request {} on case {} {} by {}", pending.id(), pending.caseId(), status, head.subject());
        return written;
    }

    /**
     * The identity, to the officer whose request was approved and has not expired (or, where the agency keeps the
     * single-person rule, to any officer of the agency on a stated reason). The audit record is written first: if it
     * cannot be written, nothing is revealed.
     */
    Revealed reveal(CurrentUser officer, String caseId, String reason) {
        Complaint c = withIdentity(officer, caseId);
        Instant now = now();
        Optional<IdentityRequest> approval = Optional.empty();
        if (properties.twoPerson(c.agency())) {
            approval = requests.ofCase(c.agency(), c.id()).stream()
                    .filter(r -> r.letsRead(officer.subject(), now)).findFirst();
            if (approval.isEmpty()) {
                throw ComplaintsProblems.identityApprovalRequired();
            }
        }
        audit.record(new IdentityReveal(UUID.randomUUID().toString(), c.agency(), c.id(), officer.subject(),
                officer.name(), reason, now, approval.map(IdentityRequest::id).orElse(null),
                approval.map(IdentityRequest::decidedBy).orElse(null)));
        approval.ifPresent(a -> requests.revealed(a, now, event(REVEALED, a, now)));
        log.info("Identity of the reporter of case {} revealed to {}", c.id(), officer.subject());
        ReporterIdentity identity = json.readValue(vault.openIdentity(c.agency(), c.id(), c.reporter().identity())
                .orElseThrow(ComplaintsProblems::noIdentity), ReporterIdentity.class);
        // Counted once the identity is opened, as the audit log records it; the agency is the stored case's.
        Counter.builder(IDENTITY_REVEALS).description("Reporters' identities revealed to officers, by agency")
                .tag("agency", c.agency()).register(meters).increment();
        return new Revealed(identity.name(), identity.phone(), identity.email(), now,
                approval.map(IdentityRequest::expiresAt).orElse(null));
    }

    /** When the identity of a case's reporter was first shown under an approval (the reporter is told, no names). */
    Optional<Instant> disclosedAt(String agency, String caseId) {
        return requests.firstDisclosure(agency, caseId);
    }

    private Complaint withIdentity(CurrentUser officer, String caseId) {
        Complaint c = cases.get(officer.agency(), caseId);
        if (c.reporter() == null || c.reporter().identity() == null) {
            throw ComplaintsProblems.noIdentity();
        }
        return c;
    }

    /** The event of a step: ids, status and times only — no person, no reason, no identity. */
    private OutboxMessage event(String type, IdentityRequest r, Instant at) {
        var data = new EventData(r.agency(), r.id(), r.caseId(), r.status(), r.requestedAt(), r.decidedAt(),
                r.expiresAt());
        // The case's key and rounded times, as the case's own events.
        return events.message(type, r.agency(), r.caseId(), at, data);
    }

    private void count(String agency, String step) {
        Counter.builder(IDENTITY_REQUESTS).description("Requests to reveal a reporter's identity, by agency and step")
                .tag("agency", agency).tag("step", step).register(meters).increment();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The data of every {@code identity-request.*} event (contracts/complaints.v1/). */
    record EventData(String agency, String requestId, String caseId, IdentityRequest.Status status,
            Instant requestedAt, Instant decidedAt, Instant expiresAt) {
    }

    /** @param validUntil until when the approval lets the officer read it again; null without the two-person rule */
    record Revealed(String name, String phone, String email, Instant revealedAt, Instant validUntil) {
        @Override
        public String toString() {
            return "Revealed[****]";
        }
    }
}
