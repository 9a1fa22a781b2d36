package th.integrity.complaints.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    private static final String SECRET = "test-secret-with-at-least-32-characters";
    private final TrackingCodes codes = new TrackingCodes(SECRET);

    @Test
    void issuesSixteenRandomDigitsShownInGroupsOfFour() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TrackingCode code = codes.next();
            assertThat(code.digits()).matches("\\d{16}");
            assertThat(code.grouped()).matches("\\d{4} \\d{4} \\d{4} \\d{4}")
                    .isEqualTo(code.digits().replaceAll("(\\d{4})(?!$)", "$1 "));
            seen.add(code.digits());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void hashesWithHmacSha256UnderTheSecret() {
        // Known answer: `echo -n 0123456789012345 | openssl dgst -sha256 -hmac <SECRET>`
        assertThat(codes.hash(new TrackingCode("0123456789012345")))
                .isEqualTo("90d85d2b65820c1b7b36cd7b15082325d80d5897359aa8cf9bd494b2605ef2b6");
        assertThat(new TrackingCodes(SECRET + "-other").hash(new TrackingCode("0123456789012345")))
                .isNotEqualTo(codes.hash(new TrackingCode("0123456789012345")));
    }

    @Test
    void readsACodeAsPeopleTypeIt() {
        TrackingCode code = new TrackingCode("0123456789012345");
        assertThat(TrackingCode.parse("0123 4567 8901 2345")).contains(code);
        assertThat(TrackingCode.parse(" 0123-4567-8901-2345 ")).contains(code);
        assertThat(TrackingCode.parse("๐๑๒๓ ๔๕๖๗ ๘๙๐๑ ๒๓๔๕")).contains(code);
        assertThat(TrackingCode.parse("0123 4567 8901 234")).isEmpty();
        assertThat(TrackingCode.parse("0123 4567 8901 23456")).isEmpty();
        assertThat(TrackingCode.parse("0123 4567 8901 234x")).isEmpty();
        assertThat(TrackingCode.parse(null)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingCode("0123 4567 8901 2345"));
    }

    @Test
    void neverShowsItselfInALog() {
        TrackingCode code = new TrackingCode("0123456789012345");
        assertThat(code.toString()).doesNotContain("0123");
    }
}
