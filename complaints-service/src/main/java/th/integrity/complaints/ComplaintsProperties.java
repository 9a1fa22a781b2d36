package th.integrity.complaints;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything a deployment may tune in complaints-service; a bad value stops the service at start-up with a
 * message naming the property.
 *
 * @param trackingSecret the HMAC key tracking codes are stored under (env {@code TRACKING_SECRET}); whoever has
 *                       it can test guesses against a stolen database, so it lives outside the database, and
 *                       changing it makes every issued code unusable
 * @param topic          the Kafka topic this service publishes its events to
 * @param identity       the AES-GCM keys reporters' identities (and replayable tracking codes) are encrypted with
 * @param deadlines      how long a case may stay in each open state
 * @param attachments    limits on the files a complaint may carry
 * @param tracking       limits of the public follow-up endpoints
 * @param retention      when concluded cases lose everything but what statistics need
 * @param metricsRefresh how often the case gauges (by status, overdue) are recounted
 * @param agencies       codes of the agencies that take complaints (public intake refuses any other code with
 *                       400): configuration an operator mounts (INTEGRITY_AGENCIES_FILE), no rebuild needed
 * @param caseNumberPrefixes the prefix of each agency's case numbers (เลขรับ), e.g. {@code wangthonglang: วท} gives
 *                       {@code วท 0012/2570}; an agency without one gets its code in capitals
 */
@Validated
@ConfigurationProperties("integrity.complaints")
public record ComplaintsProperties(
        @NotBlank @Size(min = 32, message = "must be at least 32 characters: set TRACKING_SECRET to a long random value")
        String trackingSecret,
        @Valid @NotNull @DefaultValue Topic topic,
        @Valid @NotNull Identity identity,
        @Valid @NotNull @DefaultValue Deadlines deadlines,
        @Valid @NotNull @DefaultValue Attachments attachments,
        @Valid @NotNull @DefaultValue Tracking tracking,
        @Valid @NotNull @DefaultValue Retention retention,
        @NotNull @DefaultValue("30s") Duration metricsRefresh,
        @NotNull @DefaultValue List<@jakarta.validation.constraints.Pattern(regexp = AGENCY_CODE) String> agencies,
        @NotNull @DefaultValue Map<@Pattern(regexp = AGENCY_CODE) String,
                @Pattern(regexp = CASE_NUMBER_PREFIX, message = "must be 1 to 12 Thai or Latin letters or dots, e.g. วท")
                String> caseNumberPrefixes) {

    /** A case-number prefix: letters and dots only, so a typed number can always be told from its prefix. */
    public static final String CASE_NUMBER_PREFIX = "^[\\p{IsThai}A-Za-z.]{1,12}$";

    /** The shape of an agency code, in configuration and in what the public form sends. */
    public static final String AGENCY_CODE = "^[a-z][a-z0-9-]{1,39}$";

    /**
     * @param name              the topic of every complaint event
     * @param partitions        partitions when the service creates the topic (events are keyed by case)
     * @param replicationFactor replicas when the service creates the topic: 1 on one broker, 3 on a cluster
     */
    public record Topic(
            @NotBlank @DefaultValue("complaints.v1") String name,
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor,
            @NotNull @DefaultValue("1h") Duration timePrecision) {
    }

    /**
     * AES-256-GCM keys. New values are encrypted with {@code key} under {@code keyId}; a stored value names
     * the key id it was encrypted with, so after a rotation the old key moves to {@code previousKeys} and
     * older records still open.
     *
     * @param keyId        id of the current key (env {@code IDENTITY_KEY_ID}), stored beside every ciphertext
     * @param key          the current key, 32 bytes in Base64 (env {@code IDENTITY_KEY}, e.g.
     *                     {@code openssl rand -base64 32})
     * @param previousKeys earlier keys by id, still used to decrypt
     */
    public record Identity(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,40}", message = "must be 1 to 40 letters, digits, '.', '_' or '-'")
            String keyId,
            @NotBlank String key,
            @DefaultValue Map<String, String> previousKeys) {

        @Override
        public String toString() {
            return "Identity[keyId=" + keyId + ", key=****, previousKeys=" + previousKeys.keySet() + "]";
        }
    }

    /**
     * Time allowed in each open state (e.g. 15 days from receipt to first review); final states have none
     * ({@code ComplaintStatus.deadlineIn}).
     *
     * @param referralFollowUp a referred (FORWARDED) case waits this long for the other body's answer, from the
     *                         referral (or from an interim answer's date) before it counts as overdue: the matter
     *                         sits with that body, so the agency's own deadlines do not run
     */
    public record Deadlines(
            @NotNull @DefaultValue("15d") Duration received,
            @NotNull @DefaultValue("30d") Duration underReview,
            @NotNull @DefaultValue("90d") Duration referralFollowUp,
            @NotNull @DefaultValue("90d") Duration underInvestigation) {
    }

    /**
     * @param maxFiles    files per complaint
     * @param maxFileSize bytes per file; keep {@code spring.servlet.multipart.max-file-size} the same
     * @param orphanGrace how old an unreferenced stored file must be before the sweep deletes it
     * @param sweepInterval how often orphaned files are looked for
     * @param maxImagePixels the largest width × height an image may declare (read from its header before anything
     *                      decodes it): a small file can declare 60000 × 60000 pixels, which would take a viewer
     *                      gigabytes to show
     */
    public record Attachments(
            @Min(0) @Max(20) @DefaultValue("5") int maxFiles,
            @NotNull @DefaultValue("10MB") DataSize maxFileSize,
            @NotNull @DefaultValue("1h") Duration orphanGrace,
            @NotNull @DefaultValue("15m") Duration sweepInterval,
            @Min(1) @DefaultValue("40000000") long maxImagePixels) {
    }

    /**
     * @param maxFailuresPerMinute wrong codes per minute, all callers together, answered 404; beyond it a wrong
     *                             code gets 429 until the minute is over, a right one is still answered — the
     *                             service's own budget behind the gateway's per-client limit
     * @param idempotencyTtl       how long a retried submission with the same Idempotency-Key gets the first
     *                             answer back
     * @param maxMessages          messages per case, both directions together
     */
    public record Tracking(
            @Min(1) @DefaultValue("600") int maxFailuresPerMinute,
            @NotNull @DefaultValue("24h") Duration idempotencyTtl,
            @Min(1) @DefaultValue("100") int maxMessages) {
    }

    /**
     * @param afterConclusion how long after a case reached a final state its personal data and texts are kept
     * @param checkInterval   how often the purge looks for cases due
     */
    public record Retention(
            @NotNull @DefaultValue("P2Y") Period afterConclusion,
            @NotNull @DefaultValue("1h") Duration checkInterval) {
    }

    /** Keeps the secrets out of logs and failure analyses that print the bound properties. */
    @Override
    public String toString() {
        return "ComplaintsProperties[trackingSecret=****, topic=" + topic + ", identity=" + identity
                + ", deadlines=" + deadlines + ", attachments=" + attachments + ", tracking=" + tracking
                + ", retention=" + retention + "]";
    }
}
