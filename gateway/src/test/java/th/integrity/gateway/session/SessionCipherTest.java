package th.integrity.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * Session attributes are sealed before MongoDB sees them, and only bytes sealed with the gateway's key are ever
 * deserialized: anything else (another key, a flipped bit, a cut-off value, plain serialized Java) reads as an
 * empty session, which is a signed-out browser.
 */
class SessionCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SessionCipher cipher = new SessionCipher(KEY, getClass().getClassLoader());

    @Test
    void attributesComeBackAsTheyWereAndAreNotReadableAtRest() {
        Map<String, Object> attributes = new HashMap<>(Map.of("token", "eyJhbGciOiJSUzI1NiJ9.access", "user", "officer"));

        byte[] sealed = cipher.sealing().convert(attributes);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("eyJ").doesNotContain("officer");
        assertThat(cipher.opening().convert(sealed)).isEqualTo(attributes);
        // A fresh nonce each time: equal sessions are not recognisable as such at rest.
        assertThat(cipher.sealing().convert(attributes)).isNotEqualTo(sealed);
    }

    @Test
    void whatDoesNotOpenIsAnEmptySessionAndIsNeverDeserialized() {
        byte[] sealed = cipher.sealing().convert(new HashMap<>(Map.of("token", "eyJ.access")));
        SessionCipher otherKey = new SessionCipher(Base64.getEncoder().encodeToString(new byte[16]), getClass().getClassLoader());
        byte[] plainJava = new SerializingConverter().convert(new HashMap<>(Map.of("token", "eyJ.forged")));

        for (int i = 0; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 0x01;
            assertThat(cipher.opening().convert(flipped)).as("bit flipped in byte %d", i).isEqualTo(Map.of());
        }
        assertThat(otherKey.opening().convert(sealed)).isEqualTo(Map.of());
        assertThat(cipher.opening().convert(Arrays.copyOf(sealed, sealed.length - 1))).isEqualTo(Map.of());
        assertThat(cipher.opening().convert(Arrays.copyOf(sealed, 20))).isEqualTo(Map.of());
        assertThat(cipher.opening().convert(new byte[0])).isEqualTo(Map.of());
        assertThat(cipher.opening().convert(plainJava)).isEqualTo(Map.of());
    }

    @Test
    void aSessionWrittenByAnotherVersionThatNoLongerDeserializesIsAnEmptySession() {
        // Authentic, but not a serialized object this version can read (as after an upgrade changed its classes).
        byte[] stale = cipher.seal("written by another version".getBytes(StandardCharsets.UTF_8));
        byte[] truncatedObject = new SerializingConverter().convert(new HashMap<>(Map.of("token", "eyJ.access")));

        assertThat(cipher.opening().convert(stale)).isEqualTo(Map.of());
        assertThat(cipher.opening().convert(cipher.seal(Arrays.copyOf(truncatedObject, truncatedObject.length / 2))))
                .isEqualTo(Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not base64!", "c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
    void aKeyThatIsNotAnAesKeyStopsStartUp(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionCipher.key(key))
                .withMessageContaining("GATEWAY_SESSION_KEY");
    }
}
