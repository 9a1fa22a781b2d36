package th.integrity.platform.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the very document whose change it describes.
 * Writing the document and its messages is one single-document write, which MongoDB makes atomic
 * without a transaction, so a stored change always has its event and an event never lacks its change.
 *
 * @param eventId the CloudEvent id, also used to remove the message once Kafka has acknowledged it
 * @param topic   the Kafka topic
 * @param key     the record key ({@code agency:caseId}) so one case's events stay in one partition, in order
 * @param payload the CloudEvent, already serialized as JSON
 */
public record OutboxMessage(String eventId, String topic, String key, String payload, Instant createdAt) {
}
