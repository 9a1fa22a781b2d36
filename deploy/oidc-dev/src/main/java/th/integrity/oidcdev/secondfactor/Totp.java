package th.integrity.oidcdev.secondfactor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, 6 digits — what every
 * authenticator app makes from a Base32 secret. Small enough to write out rather than add a library for.
 * <p>
 * Also a tiny command line for developers, printing the current code of a demo secret:
 * {@code java -cp deploy/oidc-dev/target/classes th.integrity.oidcdev.secondfactor.Totp <base32 secret>}
 * ({@code oathtool --totp -b <secret>} prints the same).
 */
public final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The code for {@code base32Secret} at {@code time}. */
    public static String code(String base32Secret, Instant time) {
        return hotp(decode(base32Secret), step(time));
    }

    /**
     * The time step whose code {@code code} is, looking one step either side of {@code time} for clocks that drift;
     * empty when it matches none. Compared in constant time.
     */
    public static OptionalLong matchingStep(String base32Secret, String code, Instant time) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = decode(base32Secret);
        long now = step(time);
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(hotp(key, step).getBytes(), code.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    static String hotp(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 Base32, upper or lower case, spaces and padding ignored. */
    static byte[] decode(String base32) {
        String clean = base32.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a Base32 secret");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Totp <base32 secret>   (the demo secrets are in deploy/oidc-dev application.yml)");
            System.exit(2);
        }
        System.out.println(code(args[0], Instant.now()));
    }
}
