package th.integrity.complaints.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.integrity.complaints.ComplaintsProperties;

class IdentityCipherTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String KEY_2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void sealsWithTheCurrentKeyAndOpensWithTheKeyTheValueNames() {
        var old = new IdentityCipher(new ComplaintsProperties.Identity("k1", KEY_1, Map.of()));
        Sealed sealed = old.seal("สมชาย", "case-1");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.ciphertext()).doesNotContain("สมชาย");

        var rotated = new IdentityCipher(new ComplaintsProperties.Identity("k2", KEY_2, Map.of("k1", KEY_1)));
        assertThat(rotated.open(sealed, "case-1")).isEqualTo("สมชาย");
        assertThat(rotated.seal("x", "case-1").keyId()).isEqualTo("k2");
    }

    @Test
    void aValueDoesNotOpenOnAnotherCaseNorWithoutItsKey() {
        var cipher = new IdentityCipher(new ComplaintsProperties.Identity("k1", KEY_1, Map.of()));
        Sealed sealed = cipher.seal("สมชาย", "case-1");
        assertThatIllegalStateException().isThrownBy(() -> cipher.open(sealed, "case-2"));
        var other = new IdentityCipher(new ComplaintsProperties.Identity("k2", KEY_2, Map.of()));
        assertThatIllegalStateException().isThrownBy(() -> other.open(sealed, "case-1"));
    }

    @Test
    void refusesAKeyThatIsNot256Bits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdentityCipher(
                new ComplaintsProperties.Identity("k1", Base64.getEncoder().encodeToString(new byte[16]), Map.of())))
                .withMessageContaining("32 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> new IdentityCipher(
                new ComplaintsProperties.Identity("k1", "not base64!", Map.of())));
    }

    @Test
    void masksWhatItShows() {
        var masked = new ReporterIdentity("สมชาย ใจดี", "+66 81 234 5678", "ab@example.com").masked();
        assertThat(masked.name()).isEqualTo("ส**** ใ***");
        assertThat(masked.phone()).isEqualTo("*******5678");
        assertThat(masked.email()).isEqualTo("a***@example.com");
        assertThat(masked.toString()).doesNotContain("ส");
    }
}
