package th.integrity.platform.tracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;

import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Every span exporter (OTLP, or a test's in-memory one) sees spans only through {@link SpanAllowlist}: Boot builds
 * its span processor from the {@link SpanExporters} bean, and this one wraps each exporter bean.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ SpanExporters.class, SpanExporter.class })
public class TracingAutoConfiguration {

    @Bean
    SpanExporters spanExporters(ObjectProvider<SpanExporter> exporters) {
        return SpanExporters.of(exporters.orderedStream().map(SpanAllowlist::new).toList());
    }
}
