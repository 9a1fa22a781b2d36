package th.integrity.complaints.disclosure;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What other modules may know of disclosures: whether and when a case's reporter was disclosed, no names; who asked
 * in a pending request (so the notices never tell the requester to approve her own request).
 */
@Component
public class Disclosures {

    private final IdentityRequestStore requests;

    Disclosures(IdentityRequestStore requests) {
        this.requests = requests;
    }

    /** When the identity of the reporter of a case was first read under an approved request, if ever. */
    public Optional<Instant> firstDisclosure(String agency, String caseId) {
        return requests.firstDisclosure(agency, caseId);
    }

    /** The requesting officer's subject of a request that still awaits the head's decision; empty once decided. */
    public Optional<String> pendingRequester(String agency, String requestId) {
        return requests.find(agency, requestId).filter(r -> r.status() == IdentityRequest.Status.PENDING)
                .map(IdentityRequest::requester);
    }
}
