package th.integrity.complaints.notices;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The complaints' notices ({@code integrity.complaints.notices}).
 *
 * @param deadlineWarning a case due within this makes a {@code deadline-soon} notice (once per case and deadline)
 * @param sweepInterval   how often the deadlines are looked at
 */
@Validated
@ConfigurationProperties("integrity.complaints.notices")
public record ComplaintNoticesProperties(
        @NotNull @DefaultValue("P7D") Duration deadlineWarning,
        @NotNull @DefaultValue("15m") Duration sweepInterval) {
}
