package th.integrity.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentSecretsGuardTest {

    private static final Resource SHIPPED = new ByteArrayResource("""
            integrity:
              secrets:
                guarded: integrity.example.tracking-secret, integrity.example.client-secret, spring.mongodb.uri
              example:
                tracking-secret: ${TRACKING_SECRET:dev-only-tracking-secret}
                client-secret: ${CLIENT_SECRET:integrity-client-secret}
            """.getBytes(StandardCharsets.UTF_8));

    private static MockEnvironment environment() {
        return new MockEnvironment().withProperty(DevelopmentSecretsGuard.GUARDED,
                "integrity.example.tracking-secret, integrity.example.client-secret, spring.mongodb.uri");
    }

    @Test
    void refusesTheShippedDevelopmentValuesAndNamesTheVariable() {
        MockEnvironment env = environment().withProperty("integrity.example.tracking-secret", "dev-only-tracking-secret")
                .withProperty("integrity.example.client-secret", "integrity-client-secret");

        assertThat(DevelopmentSecretsGuard.problems(env, SHIPPED)).containsExactly(
                "integrity.example.tracking-secret (TRACKING_SECRET) is the development value shipped in application.yml",
                "integrity.example.client-secret (CLIENT_SECRET) is the development value shipped in application.yml");
    }

    @Test
    void refusesPlaceholdersWhereverTheyAreInTheValue() {
        for (String placeholder : new String[] { "CHANGE-ME", "change-me-openssl-rand-hex-32", "x-Change-Me-y" }) {
            MockEnvironment env = environment().withProperty("integrity.example.client-secret", placeholder)
                    .withProperty("spring.mongodb.uri", "mongodb://gifts:CHANGE-ME@mongo-0:27017/gifts");

            assertThat(DevelopmentSecretsGuard.problems(env, SHIPPED)).as(placeholder).hasSize(2)
                    .allSatisfy(problem -> assertThat(problem).contains("placeholder"))
                    .noneSatisfy(problem -> assertThat(problem).contains("mongo-0")); // never the value itself
        }
    }

    @Test
    void acceptsRealSecretsAndEverythingInTheDevelopmentProfile() {
        MockEnvironment real = environment().withProperty("integrity.example.tracking-secret", "9f2c1e0b7a4d8e6f3a1c5b7d9e0f2a4c")
                .withProperty("integrity.example.client-secret", "5d1b7e9a3c")
                .withProperty("spring.mongodb.uri", "mongodb://gifts:s3cret@mongo-0:27017/gifts");
        assertThat(DevelopmentSecretsGuard.problems(real, SHIPPED)).isEmpty();

        MockEnvironment dev = environment().withProperty("integrity.example.tracking-secret", "dev-only-tracking-secret")
                .withProperty("integrity.example.client-secret", "CHANGE-ME");
        dev.setActiveProfiles("dev");
        assertThat(DevelopmentSecretsGuard.problems(dev, SHIPPED)).isEmpty();

        MockEnvironment other = environment().withProperty("integrity.example.tracking-secret", "dev-only-tracking-secret");
        other.setActiveProfiles("prod", "development");
        assertThat(DevelopmentSecretsGuard.problems(other, SHIPPED)).hasSize(1);
    }

    @Test
    void aServiceWithADevelopmentSecretDoesNotStart() {
        assertThatThrownBy(() -> new DevelopmentSecretsGuard(environment().withProperty("spring.mongodb.uri", "mongodb://x:CHANGE-ME@y/z")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.mongodb.uri is still a CHANGE-ME placeholder")
                .hasMessageNotContaining("mongodb://");
    }
}
