package th.integrity.platform.tracing;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Exports spans only where an OTLP endpoint is configured. Each service maps
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} to {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}
 * with an empty default, and Kubernetes' ConfigMap holds the key empty by default; Boot would still build an
 * exporter for an empty (present) endpoint, so a blank one switches OTLP export off here. Tracing itself stays on:
 * trace ids still reach the logs and the events.
 */
public class TraceExportSwitch implements EnvironmentPostProcessor {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String OTLP_EXPORT = "management.tracing.export.otlp.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!StringUtils.hasText(environment.getProperty(ENDPOINT))) {
            environment.getPropertySources()
                    .addFirst(new MapPropertySource("integrityTraceExportSwitch", Map.of(OTLP_EXPORT, "false")));
        }
    }
}
