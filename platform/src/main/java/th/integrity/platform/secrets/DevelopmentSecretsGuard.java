package th.integrity.platform.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * Refuses to start a service that holds a development or placeholder secret unless the {@code dev} profile is
 * active (the launcher and the tests activate it). A secret is one of the properties the service lists under
 * {@code integrity.secrets.guarded}; it is refused when its value still contains {@code CHANGE-ME} (the
 * placeholders of the deployment examples) or equals the development default the service ships with (the
 * {@code ${ENV:default}} of its own {@code application.yml}). A deployment that forgot to set a secret, or
 * copied an example file unchanged, stops at start-up with the property and its environment variable named,
 * instead of running with a value anyone can read in this repository.
 */
@AutoConfiguration
public class DevelopmentSecretsGuard {

    static final String GUARDED = "integrity.secrets.guarded";
    static final String DEVELOPMENT_PROFILE = "dev";
    private static final String PLACEHOLDER = "CHANGE-ME";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+):");
    /** Resolves {@code ${ENV:default}} as if no variable were set: the development default. */
    private static final PropertyPlaceholderHelper DEFAULTS_ONLY = new PropertyPlaceholderHelper("${", "}", ":", '\\', true);

    DevelopmentSecretsGuard(Environment environment) {
        List<String> problems = problems(environment, new ClassPathResource("application.yml"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with development or placeholder secrets (activate the '"
                    + DEVELOPMENT_PROFILE + "' profile only on a developer's machine): " + String.join("; ", problems));
        }
    }

    /** What is wrong with the guarded secrets of {@code environment}; empty in the {@code dev} profile. */
    public static List<String> problems(Environment environment, Resource shippedConfig) {
        if (Arrays.asList(environment.getActiveProfiles()).contains(DEVELOPMENT_PROFILE)) {
            return List.of();
        }
        String[] guarded = environment.getProperty(GUARDED, String[].class, new String[0]);
        Properties raw = shipped(shippedConfig);
        List<String> problems = new ArrayList<>();
        for (String name : guarded) {
            String value = environment.getProperty(name.trim());
            if (value == null || value.isBlank()) {
                continue; // a missing secret is the property's own validation to report
            }
            String expression = raw.getProperty(name.trim(), "");
            Matcher variable = VARIABLE.matcher(expression);
            String where = name.trim() + (variable.find() ? " (" + variable.group(1) + ")" : "");
            if (value.toUpperCase(Locale.ROOT).contains(PLACEHOLDER)) {
                problems.add(where + " is still a " + PLACEHOLDER + " placeholder");
            } else if (!expression.isEmpty() && value.equals(DEFAULTS_ONLY.replacePlaceholders(expression, unset -> null))) {
                problems.add(where + " is the development value shipped in application.yml");
            }
        }
        return problems;
    }

    /** The shipped configuration's properties as written, {@code ${ENV:default}} expressions unresolved. */
    private static Properties shipped(Resource config) {
        if (!config.exists()) {
            return new Properties();
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(config);
        Properties raw = yaml.getObject();
        return raw == null ? new Properties() : raw;
    }
}
