package th.integrity.complaints.disclosure;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The two-person rule for revealing a confidential reporter's identity.
 *
 * @param approvalValidFor how long an approval lets the requesting officer read the identity
 * @param singlePersonAgencies agencies where one officer may still reveal on a stated reason alone (the rule is on
 *                           for every other agency); see docs/complaints.md for why this weakens the protection
 */
@Validated
@ConfigurationProperties("integrity.complaints.disclosure")
public record DisclosureProperties(@NotNull @DefaultValue("24h") Duration approvalValidFor,
        @NotNull @DefaultValue Set<String> singlePersonAgencies) {

    boolean twoPerson(String agency) {
        return !singlePersonAgencies.contains(agency);
    }
}
