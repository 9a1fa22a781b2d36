package th.integrity.platform.notices;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notices ({@code integrity.notices}); the SMTP relay itself is Spring Boot's {@code spring.mail.*} (an empty
 * {@code spring.mail.host} turns e-mail off; the in-app list still works).
 *
 * @param from         the mails' From address (env {@code NOTICES_FROM})
 * @param siteUrl      the public address of the site the mails link to (env {@code INTEGRITY_NOTICES_SITEURL})
 * @param emailClaim   the token claim that holds a person's e-mail address
 * @param recordEvery  a person's token facts are written at most this often per person (and when they change)
 * @param maxEventAge  events older than this make no notice: a new consumer group starting from the beginning of
 *                     the topic does not mail everyone about the past
 * @param mail         how waiting mail is sent and retried
 */
@Validated
@ConfigurationProperties("integrity.notices")
public record NoticesProperties(
        @NotBlank @Email @DefaultValue("no-reply@integrity.localhost") String from,
        @NotNull @DefaultValue("http://localhost:8080") URI siteUrl,
        @NotBlank @DefaultValue("email") String emailClaim,
        @NotNull @DefaultValue("5m") Duration recordEvery,
        @NotNull @DefaultValue("2d") Duration maxEventAge,
        @NotNull @Valid @DefaultValue Mail mail) {

    /**
     * @param pollInterval how often the sender looks for waiting mail (it is also woken by each new notice)
     * @param firstRetry   the wait after a first failed attempt; doubled after each further failure
     * @param maxRetry     the longest wait between attempts: mail is retried until it goes, never dropped
     * @param batchSize    mails per pass
     */
    public record Mail(
            @NotNull @DefaultValue("15s") Duration pollInterval,
            @NotNull @DefaultValue("30s") Duration firstRetry,
            @NotNull @DefaultValue("30m") Duration maxRetry,
            @Min(1) @Max(1000) @DefaultValue("50") int batchSize) {
    }
}
