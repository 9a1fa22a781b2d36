package th.integrity.complaints.attachments;

/**
 * A file accepted for storage: its type as its bytes show it, and the bytes with identifying metadata removed.
 *
 * @param extension {@code jpg}, {@code png} or {@code pdf}
 */
public record CleanFile(String contentType, String extension, byte[] bytes) {
}
