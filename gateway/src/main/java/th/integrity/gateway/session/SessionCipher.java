package th.integrity.gateway.session;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * Seals a session's serialized attributes (the user's access, refresh and ID tokens among them) with AES-GCM
 * before they reach MongoDB: {@code version (1) | nonce (12) | ciphertext and tag}. A database dump or a reader
 * of the collection without the key learns no token. Bytes are deserialized only after the tag proved they were
 * written with this key, so nobody who can merely write to the collection can feed Java deserialization.
 * A session that does not open (another key, tampered, truncated) or no longer deserializes (classes changed by an
 * upgrade) is read as empty: its browser is signed out, and nothing fails.
 */
final class SessionCipher {

    private static final Log log = LogFactory.getLog(SessionCipher.class);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    SessionCipher(String base64Key, ClassLoader classLoader) {
        this.key = key(base64Key);
        this.deserializer = new DeserializingConverter(classLoader);
    }

    /** The key as configured: Base64 of 16, 24 or 32 random bytes (openssl rand -base64 32). */
    static SecretKey key(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("integrity.gateway.session.key (GATEWAY_SESSION_KEY) is not Base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("integrity.gateway.session.key (GATEWAY_SESSION_KEY) must be 16, 24 or 32 "
                    + "bytes in Base64 (openssl rand -base64 32), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    Converter<Object, byte[]> sealing() {
        return attributes -> seal(serializer.convert(attributes));
    }

    Converter<byte[], Object> opening() {
        return sealed -> {
            byte[] plain = open(sealed);
            if (plain == null) {
                return new HashMap<String, Object>();
            }
            try {
                return deserializer.convert(plain);
            } catch (SerializationFailedException e) {
                // Written by another version whose classes changed (an upgrade of Spring Security, say).
                log.warn("A stored session no longer deserializes (" + e.getMostSpecificCause().getClass().getSimpleName()
                        + "); it is treated as signed out");
                return new HashMap<String, Object>();
            }
        };
    }

    byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] { VERSION });
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain bytes, or null when {@code sealed} was not sealed with this key (or was altered). */
    byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            log.warn("A stored session is not in the sealed format; it is treated as signed out");
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(new byte[] { VERSION });
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            log.warn("A stored session does not open with the configured GATEWAY_SESSION_KEY (another key, or altered); "
                    + "it is treated as signed out");
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
