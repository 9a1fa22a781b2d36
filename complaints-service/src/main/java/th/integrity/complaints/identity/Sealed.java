package th.integrity.complaints.identity;

/**
 * A value encrypted with AES-256-GCM, as stored: the id of the key it was sealed with, the 12-byte nonce and
 * the ciphertext with its 16-byte tag, both Base64. Without the key (which lives only in configuration)
 * nothing in it is readable.
 */
public record Sealed(String keyId, String nonce, String ciphertext) {

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + "]";
    }
}
