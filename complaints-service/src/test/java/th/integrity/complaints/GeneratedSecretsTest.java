package th.integrity.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Validation;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import th.integrity.complaints.identity.IdentityCipher;
import th.integrity.platform.secrets.DevelopmentSecretsGuard;

/**
 * The secrets that deploy/compose/init-secrets.sh makes, for compose and for the Kubernetes dev overlay, pass the
 * service's own checks: its validated properties, its identity cipher, and the guard against development and
 * placeholder values (outside the dev profile). The unchanged example files do not: a deployment that skipped
 * the script stops at start-up.
 */
class GeneratedSecretsTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @ParameterizedTest
    @ValueSource(strings = { "deploy/compose/secrets", "deploy/k8s/overlays/dev/secrets" })
    void generatedSecretsPassTheServicesOwnValidation(String folder, @TempDir Path dir) throws Exception {
        Files.copy(REPO.resolve(folder).resolve("complaints-service.env.example"), dir.resolve("complaints-service.env.example"));
        Process script = new ProcessBuilder("bash", REPO.resolve("deploy/compose/init-secrets.sh").toString(), dir.toString())
                .redirectErrorStream(true).start();
        assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(new String(script.getInputStream().readAllBytes())).isZero();

        Map<String, String> variables = read(dir.resolve("complaints-service.env"));
        // Compose sets the database in the service's environment rather than in its secrets file.
        variables.putIfAbsent("MONGODB_URI", "mongodb://mongo-1:27017,mongo-2:27017,mongo-3:27017/?replicaSet=rs0");
        StandardEnvironment environment = environment(variables);

        ComplaintsProperties properties = bind(environment);
        new IdentityCipher(properties.identity()).seal("ทดสอบ", "case");
        assertThat(DevelopmentSecretsGuard.problems(environment, new ClassPathResource("application.yml"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "deploy/compose/secrets", "deploy/k8s/overlays/dev/secrets" })
    void theExampleFilesThemselvesAreRefused(String folder) throws Exception {
        StandardEnvironment environment = environment(read(REPO.resolve(folder).resolve("complaints-service.env.example")));

        assertThat(DevelopmentSecretsGuard.problems(environment, new ClassPathResource("application.yml")))
                .anySatisfy(problem -> assertThat(problem).startsWith("integrity.complaints.tracking-secret (TRACKING_SECRET)"))
                .anySatisfy(problem -> assertThat(problem).startsWith("integrity.complaints.identity.key (IDENTITY_KEY)"));
        // Refused by the service's own checks too: too short a tracking secret, or a key that is not AES-256.
        assertThatThrownBy(() -> new IdentityCipher(bind(environment).identity()))
                .isInstanceOfAny(IllegalArgumentException.class, AssertionError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "dev" })
    void theDevelopmentDefaultsPassOnlyInTheDevProfile(String profile) throws Exception {
        StandardEnvironment environment = environment(Map.of());
        if (!profile.isEmpty()) {
            environment.setActiveProfiles(profile);
        }
        assertThat(DevelopmentSecretsGuard.problems(environment, new ClassPathResource("application.yml")))
                .hasSize(profile.isEmpty() ? 3 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "INTEGRITY_COMPLAINTS_IDENTITY_PREVIOUSKEYS_K0", "INTEGRITY_COMPLAINTS_IDENTITY_PREVIOUS_KEYS_K0" })
    void anOldKeyForRotationBindsFromTheOneDocumentedVariable(String variable) throws Exception {
        String oldKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> variables = new LinkedHashMap<>(Map.of("TRACKING_SECRET", "r".repeat(40), "IDENTITY_KEY_ID", "k1",
                "IDENTITY_KEY", java.util.Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                        13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 })));
        variables.put(variable, oldKey);

        ComplaintsProperties properties = bind(environment(variables));

        // docs/operations.md and docs/complaints.md name PREVIOUSKEYS: only that form binds (relaxed binding
        // drops the dash of previous-keys; an underscore there would start a new level).
        boolean documented = variable.contains("PREVIOUSKEYS");
        assertThat(properties.identity().previousKeys()).as(variable).isEqualTo(documented ? Map.of("k0", oldKey) : Map.of());
        if (documented) {
            assertThat(Files.readString(REPO.resolve("docs/operations.md"))).contains("INTEGRITY_COMPLAINTS_IDENTITY_PREVIOUSKEYS_<OLD_ID>")
                    .doesNotContain("PREVIOUS_KEYS");
            assertThat(Files.readString(REPO.resolve("docs/complaints.md"))).doesNotContain("PREVIOUS_KEYS");
        }
    }

    private static ComplaintsProperties bind(StandardEnvironment environment) {
        try {
            return Binder.get(environment).bindOrCreate("integrity.complaints", Bindable.of(ComplaintsProperties.class),
                    new ValidationBindHandler(new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator())));
        } catch (BindException e) {
            throw new AssertionError("the generated secrets fail the service's validation: " + e.getMessage(), e);
        }
    }

    /** The service's application.yml with {@code variables} as the process environment, as at start-up. */
    private static StandardEnvironment environment(Map<String, String> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(variables)));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static Map<String, String> read(Path envFile) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
