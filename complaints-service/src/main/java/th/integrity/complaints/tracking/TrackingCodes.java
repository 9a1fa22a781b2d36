package th.integrity.complaints.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues tracking codes and computes the keyed hash they are stored and looked up by. 16 digits from
 * {@link SecureRandom} are about 53 bits: guessing one online is hopeless (and rate-limited at the gateway);
 * HMAC with a server secret means a copy of the database alone does not let anyone test guesses offline.
 */
public class TrackingCodes {

    static final String ALGORITHM = "HmacSHA256";

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public TrackingCodes(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public TrackingCode next() {
        char[] digits = new char[TrackingCode.LENGTH];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new TrackingCode(new String(digits));
    }

    /** HMAC-SHA-256 of the 16 digits (no separators), lower-case hex. */
    public String hash(TrackingCode code) {
        return hmac(code.digits().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * HMAC-SHA-256 under the same secret of another value (e.g. an Idempotency-Key); callers prefix the value
     * with its purpose, so no such hash can equal a tracking code's.
     */
    public String keyedHash(String value) {
        return hmac(value.getBytes(StandardCharsets.UTF_8));
    }

    private String hmac(byte[] value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe; a new one is cheap
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
