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
 * authenticated data, so a sealed identity copied onto another case does not open there. Seals with the
 * current key; opens with whichever configured key the value names (rotation).
 */
public class IdentityCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

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

    public boolean isDevelopmentKey() {
        return currentKeyId.startsWith("dev-only");
    }

    public Sealed seal(String plain, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] out = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return new Sealed(currentKeyId, b64.encodeToString(nonce), b64.encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the key id is unknown or the value was tampered with */
    public String open(Sealed sealed, String boundTo) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("No key configured with id " + sealed.keyId()
                    + ": add it under integrity.complaints.identity.previous-keys");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(sealed.nonce())));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(b64.decode(sealed.ciphertext())), StandardCharsets.UTF_8);
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
