package th.integrity.gateway.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where browser sessions are kept: a MongoDB collection of the gateway's own database, shared by every gateway
 * instance, so that a restart signs nobody out and no sticky routing is needed.
 *
 * @param key        AES key (Base64 of 16, 24 or 32 bytes) that encrypts each session's attributes (the user's
 *                   tokens) before they are written; a different key makes every stored session unreadable, which
 *                   signs everyone out and nothing more (GATEWAY_SESSION_KEY)
 * @param timeout    idle time after which a session and the tokens it holds are gone; stored as the expiry of the
 *                   session's document, which MongoDB's TTL index removes (GATEWAY_SESSION_TIMEOUT)
 * @param collection the collection that holds the sessions
 */
@Validated
@ConfigurationProperties("integrity.gateway.session")
public record SessionStoreProperties(
        @NotBlank String key,
        @NotNull @DefaultValue("30m") Duration timeout,
        @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]*") @DefaultValue("sessions") String collection) {
}
