package th.integrity.complaints.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import th.integrity.complaints.ComplaintsProperties;

/**
 * AES-256-GCM with a random 96-bit nonce per value. The case it belongs to is bound in as additional
 * authenticated data, so a sealed identity copied onto another case does not open there. Two levels: each case
 * has its own random data key ({@link CaseKeys}) that seals its reporter's identity and files, and is itself stored
 * sealed under the configured key-encryption key (the current one; opened with whichever configured key it names,
 * for rotation). Destroying a case's data key makes everything sealed under it unreadable (crypto-shredding).
 */
public class IdentityCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The key id of values sealed under their case's own data key rather than a configured key. */
    public static final String CASE_KEY = "case";

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    public IdentityCipher(ComplaintsProperties.Identity properties) {
        this.currentKeyId = properties.keyId();
        keys.put(properties.keyId(), key("integrity.complaints.identity.key", properties.key()));
        properties.previousKeys().forEach((id, value) -> {
            if (!id.equals(currentKeyId)) {
                keys.put(id, key("integrity.complaints.identity.previous-keys." + id, value));
            }
        });
    }

    /** The id of the key-encryption key new values are sealed under. */
    public String currentKeyId() {
        return currentKeyId;
    }

    public boolean isDevelopmentKey() {
        return currentKeyId.startsWith("dev-only");
    }

    /** Sealed under the current configured key (the key-encryption key). */
    public Sealed seal(String plain, String boundTo) {
        return seal(keys.get(currentKeyId), currentKeyId, plain.getBytes(StandardCharsets.UTF_8), boundTo);
    }

    /** Sealed under a case's own data key ({@link CaseKeys}); it opens only while that key exists. */
    public Sealed sealWith(SecretKey dataKey, String plain, String boundTo) {
        return seal(dataKey, CASE_KEY, plain.getBytes(StandardCharsets.UTF_8), boundTo);
    }

    public String openWith(SecretKey dataKey, Sealed sealed, String boundTo) {
        return new String(open(dataKey, sealed, boundTo), StandardCharsets.UTF_8);
    }

    /** Bytes sealed under a data key: the 12-byte nonce, then the ciphertext and its tag. */
    public byte[] sealBytes(SecretKey dataKey, byte[] plain, String boundTo) {
        Sealed sealed = seal(dataKey, CASE_KEY, plain, boundTo);
        byte[] nonce = Base64.getDecoder().decode(sealed.nonce());
        byte[] body = Base64.getDecoder().decode(sealed.ciphertext());
        byte[] out = new byte[nonce.length + body.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(body, 0, out, nonce.length, body.length);
        return out;
    }

    public byte[] openBytes(SecretKey dataKey, byte[] sealed, String boundTo) {
        Base64.Encoder b64 = Base64.getEncoder();
        return open(dataKey, new Sealed(CASE_KEY, b64.encodeToString(java.util.Arrays.copyOf(sealed, NONCE_BYTES)),
                b64.encodeToString(java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length))), boundTo);
    }

    /** A new random AES-256 data key. */
    public SecretKey newDataKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    /** A data key sealed under the current key-encryption key, to be stored. */
    public Sealed wrap(SecretKey dataKey, String boundTo) {
        return seal(keys.get(currentKeyId), currentKeyId, dataKey.getEncoded(), boundTo);
    }

    public SecretKey unwrap(Sealed wrapped, String boundTo) {
        return new SecretKeySpec(open(keyEncryptionKey(wrapped.keyId()), wrapped, boundTo), "AES");
    }

    private Sealed seal(SecretKey key, String keyId, byte[] plain, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] out = cipher.doFinal(plain);
            Base64.Encoder b64 = Base64.getEncoder();
            return new Sealed(keyId, b64.encodeToString(nonce), b64.encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Opens a value sealed under a configured key (not one sealed under a case's data key: {@link #openWith}).
     *
     * @throws IllegalStateException when the key id is unknown or the value was tampered with
     */
    public String open(Sealed sealed, String boundTo) {
        return new String(open(keyEncryptionKey(sealed.keyId()), sealed, boundTo), StandardCharsets.UTF_8);
    }

    private SecretKey keyEncryptionKey(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException(CASE_KEY.equals(keyId) ? "A value sealed under its case's data key"
                    + " opens only with that key" : "No key configured with id " + keyId
                    + ": add it under integrity.complaints.identity.previous-keys");
        }
        return key;
    }

    private static byte[] open(SecretKey key, Sealed sealed, String boundTo) {
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(sealed.nonce())));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(b64.decode(sealed.ciphertext()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed value did not open (wrong key or altered)", e);
        }
    }

    private static SecretKey key(String property, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be Base64 (e.g. `openssl rand -base64 32`)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(property + " must be 32 bytes (AES-256) in Base64, not "
                    + bytes.length + " bytes: use `openssl rand -base64 32`");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
