package th.integrity.complaints.disclosure;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** What other modules may know of disclosures: whether and when a case's reporter was disclosed, no names. */
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
}
