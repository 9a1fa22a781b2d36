package th.integrity.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * Spans are exported only where an OTLP endpoint is configured: the launcher, the tests and a Kubernetes
 * ConfigMap holding the key empty never try to reach a collector (Boot would build an exporter for an empty value).
 */
class TraceExportSwitchTest {

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t" })
    void aBlankEndpointSwitchesOtlpExportOff(String endpoint) {
        MockEnvironment environment = new MockEnvironment().withProperty(TraceExportSwitch.ENDPOINT, endpoint);

        new TraceExportSwitch().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TraceExportSwitch.OTLP_EXPORT)).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://tempo:4318/v1/traces", "https://otel.example.go.th/v1/traces" })
    void anEndpointLeavesExportToBoot(String endpoint) {
        MockEnvironment environment = new MockEnvironment().withProperty(TraceExportSwitch.ENDPOINT, endpoint);

        new TraceExportSwitch().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TraceExportSwitch.OTLP_EXPORT)).isNull();
    }

    @org.junit.jupiter.api.Test
    void noEndpointAtAllIsNoExport() {
        MockEnvironment environment = new MockEnvironment();

        new TraceExportSwitch().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TraceExportSwitch.OTLP_EXPORT)).isEqualTo("false");
    }
}
