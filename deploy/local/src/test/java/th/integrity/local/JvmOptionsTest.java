package th.integrity.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void developerFlagsReplaceTheDefaultsTheyOverride() {
        List<String> merged = JvmOptions.merge(JvmOptions.DEVELOPMENT_DEFAULTS,
                JvmOptions.split("-Xmx1g -XX:+UseG1GC -XX:TieredStopAtLevel=4 -Dspring.profiles.active=dev"));

        assertThat(merged).contains("-Xms32m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m")
                .doesNotContain("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .endsWith("-Xmx1g", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=4", "-Dspring.profiles.active=dev");
    }

    @Test
    void nothingGivenKeepsTheDefaults() {
        assertThat(JvmOptions.merge(JvmOptions.DEVELOPMENT_DEFAULTS, JvmOptions.split("  ")))
                .isEqualTo(JvmOptions.DEVELOPMENT_DEFAULTS);
        assertThat(JvmOptions.split(null)).isEmpty();
    }
}
