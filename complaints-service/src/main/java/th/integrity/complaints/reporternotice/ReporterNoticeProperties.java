package th.integrity.complaints.reporternotice;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the reporter's notices are sent (docs/complaints.md, "The reporter's notice address"). E-mail itself is
 * Spring Boot's {@code spring.mail.*} (env {@code MAIL_HOST}, {@code MAIL_PORT}); without a host nothing is sent.
 *
 * @param siteUrl       the public address the mail names, the gateway's ({@code integrity.notices.site-url}, env
 *                      {@code INTEGRITY_NOTICES_SITEURL})
 * @param from          the sender ({@code integrity.notices.from}, env {@code NOTICES_FROM})
 * @param pollInterval  how often due notices are sent
 * @param retryInterval how long a notice that could not be sent (SMTP down) waits before the next attempt
 */
@Validated
@ConfigurationProperties("integrity.complaints.reporter-notices")
public record ReporterNoticeProperties(
        @NotNull @DefaultValue("http://localhost:8080") URI siteUrl,
        @NotBlank @DefaultValue("no-reply@integrity.localhost") String from,
        @NotNull @DefaultValue("5s") Duration pollInterval,
        @NotNull @DefaultValue("1m") Duration retryInterval) {
}
